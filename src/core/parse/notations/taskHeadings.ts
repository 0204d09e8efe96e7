import { TASK_WORDS } from '../../vocabulary';
import type { Range } from '../../model';

/**
 * A task written as a heading inside a phase, as the Superpowers "writing-plans" format and
 * many agent plans do: `### Task 3: Extract the resolver`, `#### Task 1.2 — CI`. The heading
 * is one task of its phase; checkboxes under it are its subtasks. Its status is a done mark in
 * the heading (✅, "(DONE)"), or all of its subtasks ticked.
 */
export interface TaskHeading {
  /** The number as written: `3`, `1.2`. */
  number: string;
  title: string;
}

const TASK_HEADING = new RegExp(
  String.raw`^[^\p{L}\p{N}]*(?:${TASK_WORDS})\s+(?<number>\d{1,4}(?:\.\d{1,4}){0,3}[a-z]?)(?![\p{L}\p{N}])\s*(?:[:：.)\-–—]\s*)?(?<title>.*)$`,
  'iu',
);

export function readTaskHeading(headingText: string): TaskHeading | undefined {
  const match = TASK_HEADING.exec(headingText.trim());
  if (!match?.groups) return undefined;
  return { number: match.groups.number!, title: match.groups.title!.trim() };
}

/** A done mark at the end of a heading, with the space before it: ` ✅`, ` (DONE)`, ` [x]`. */
const TRAILING_DONE_MARK = /[ \t]*(?:\u2705|\u2714\uFE0F?|\u2611\uFE0F?|\[[xX]\]|\((?:done|complete|completed|finished)!?\)|\[(?:done|complete|completed|finished)\])(?=[ \t]*(?:#+[ \t]*)?$)/iu;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$|[ \t]*$/u;

/**
 * Where a task heading's done mark stands in its source line (1-based `line`), or the empty
 * place at the end of its text where one would go: what toggling the task rewrites.
 */
export function taskHeadingMark(sourceLine: string, line: number): Range {
  const mark = TRAILING_DONE_MARK.exec(sourceLine);
  if (mark) return { line, column: mark.index, endLine: line, endColumn: mark.index + mark[0].length };
  const end = CLOSING_HASHES.exec(sourceLine)!.index;
  return { line, column: end, endLine: line, endColumn: end };
}
