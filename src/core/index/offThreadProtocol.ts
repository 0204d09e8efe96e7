/** The messages between `OffThreadParser` and its worker (`planParserWorker.ts`). */

export interface ParseRequest {
  id: number;
  /** The file the plan is for: it becomes the plan's `file`. */
  uri: string;
  text: string;
}

/**
 * The parsed plan as JSON: one string crosses the thread boundary as a plain copy, and the
 * receiver decodes it when it chooses (inside its time slices) instead of V8 rebuilding a
 * large object graph before the message handler runs.
 */
export type ParseReply = { id: number; json: string } | { id: number; error: string };
