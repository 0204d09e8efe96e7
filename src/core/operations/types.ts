import type { WorkspaceIndex } from '../graph';
import type { Plan, TextEdit } from '../model';
import type { CheckOutcome } from '../verify/results';
import type { VerifyCheck } from '../verify/checks';

/**
 * The plan operations agents use (ARCHITECTURE.md, the agent loop), written once over plain data: the language-model
 * tools in VS Code and the `phaselens mcp` server are two transports over the same functions.
 */

/** One plan as the caller holds it: the parsed model, the text it was parsed from, and how to name its file. */
export interface PlanSource {
  /** How results name the file: a workspace- or root-relative path with `/` separators. */
  file: string;
  plan: Plan;
  text: string;
}

/** The plans an operation may look at. `index` must be built over exactly these plan objects. */
export interface PlanWorkspace {
  sources: readonly PlanSource[];
  index: WorkspaceIndex;
  /**
   * Runs a phase's verify checks, where the transport may run commands (the MCP server, from its
   * root, as `phaselens verify` does). Where it is absent, a phase with checks is never completed
   * by a tool: the person completes it in the editor, which runs them.
   */
  runChecks?: (checks: readonly VerifyCheck[]) => CheckOutcome[];
}

/** A phase as the caller names it: the id as written in the plan (`2A`, `P5.2.1`, `Stage 1`), optionally the file. */
export interface PhaseQuery {
  phase: string;
  file?: string;
}

/** A task by its 1-based index within the phase (subtasks counted, in document order) or its exact text. */
export type TaskSelector = number | string;

export type OperationErrorCode = 'invalid-input' | 'unknown-file' | 'ambiguous-file' | 'unknown-phase' | 'ambiguous-phase' | 'unknown-task' | 'ambiguous-task' | 'refused' | 'conflict' | 'unknown-tool';

/** What went wrong, in a sentence an agent can act on, plus the details as data. */
export interface OperationError {
  code: OperationErrorCode;
  message: string;
  /** Ambiguous phase / file / task: what it could have meant. */
  candidates?: string[];
  /** Refused completion: what is still open. */
  open?: string[];
  /** Refused completion: the verify checks that failed, or that could not be run here. */
  failedChecks?: string[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: OperationError };

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail(code: OperationErrorCode, message: string, details: Partial<Pick<OperationError, 'candidates' | 'open' | 'failedChecks'>> = {}): { ok: false; error: OperationError } {
  return { ok: false, error: { code, message, ...details } };
}

/** A line a write changes, with its text as it was read: a writer checks it still reads so before writing. */
export interface ExpectedLine {
  /** 1-based. */
  line: number;
  text: string;
}

/**
 * A change to one plan, not yet applied: the transport applies `edits` to `source` (as one
 * WorkspaceEdit, or to the file on disk after checking `expected`). No edits means nothing to do.
 */
export interface PlanWrite {
  source: PlanSource;
  edits: TextEdit[];
  expected: ExpectedLine[];
  /** What the write does (or why nothing needed doing), for the caller to report. */
  message: string;
}
