/** The messages between `OffThreadParser` and its worker (`planParserWorker.ts`). */

/** What a worker is told when it starts (its `workerData`). */
export interface WorkerOptions {
  /** Parse at a lower priority than the thread that asked (see backgroundPriority.ts). */
  background?: boolean;
}

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

/**
 * A whole batch for a synchronous caller (`parsePlansInParallel`): the worker takes job after
 * job by incrementing `claims[0]` (shared with the caller and the other workers), answers each
 * on `replies` and then bumps and notifies `signal[0]`, which the caller sleeps on.
 */
export interface BatchRequest {
  batch: Array<{ uri: string; text: string }>;
  claims: Int32Array;
  signal: Int32Array;
  replies: import('node:worker_threads').MessagePort;
}

export type BatchReply = { index: number; json: string } | { index: number; error: string };
