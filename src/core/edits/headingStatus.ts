import type { Phase, PhaseStatus, Plan, TextEdit } from '../model';
import { allPhases } from '../phases';
import { readHeadingStatus } from '../parse/status';
import { atxHeadingText, readAtxHeading } from '../text/markdownLines';

/**
 * Roadmaps that keep status in their headings ("## Phase 10 — Battle Loop ✅", "### Phase 5 🚧")
 * get their status written back the same way: the mark is swapped, added or removed, and the
 * heading is checked with the parser's own reader so the new status reads back.
 */

const MARK = String.raw`(?:\u2705|\u2714\uFE0F?|\u2611\uFE0F?|\u{1F6A7}|\u{1F504})`;
const WORDS = String.raw`(?:\*\*|__)?(?:COMPLETED?|DONE|IN[- ]PROGRESS|WIP)(?:\*\*|__)?`;
const TRAILING_MARK = new RegExp(String.raw`(?:[ \t]*${MARK}(?:[ \t]*${WORDS})?|[ \t]*(?:\((?:done|complete|completed|in progress|wip)!?\)|\[(?:done|complete|completed|in progress|wip)!?\]))(?=[ \t]*(?:#+[ \t]*)?$)`, 'iu');
const LEADING_MARK = new RegExp(String.raw`^( {0,3}#{1,6}[ \t]+)${MARK}[ \t]*`, 'u');
const CLOSING = /[ \t]*(?:#+[ \t]*)?$/;

const NEW_MARK: Partial<Record<PhaseStatus, string>> = { done: '✅', 'in-progress': '🚧' };

/** The heading line with its status mark set for `status`; undefined when a mark cannot say it. */
function rewriteHeading(line: string, status: PhaseStatus): string | undefined {
  if (status === 'blocked') return undefined;
  const mark = NEW_MARK[status];
  const leading = LEADING_MARK.exec(line);
  if (leading) return line.replace(LEADING_MARK, mark ? `$1${mark} ` : '$1');
  const stripped = line.replace(TRAILING_MARK, '');
  if (!mark) return stripped;
  const closing = CLOSING.exec(stripped)!;
  const body = stripped.slice(0, closing.index);
  return `${body} ${mark}${stripped.slice(closing.index)}`;
}

function headingText(line: string): string {
  return atxHeadingText(line) ?? line;
}

/** The plan keeps status in headings: no `Status:` fields, and some heading carries a mark. */
export function plansStatusInHeadings(plan: Plan): boolean {
  // A fact of the whole plan, asked once per status fix: a plan with n findings must not walk its phases n times.
  let answer = statusInHeadings.get(plan);
  if (answer === undefined) {
    const phases = allPhases(plan);
    answer = !phases.some((phase) => phase.statusField) && phases.some((phase) => phase.statusSource === 'heading');
    statusInHeadings.set(plan, answer);
  }
  return answer;
}

const statusInHeadings = new WeakMap<Plan, boolean>();

/** The edit that sets `status` through the phase's heading, or undefined to use a field instead. */
export function headingStatusEdits(phase: Phase, status: PhaseStatus, lines: readonly string[]): TextEdit[] | undefined {
  const written = lines[phase.line - 1];
  // A byte-order mark before a heading on the first line is not part of the heading.
  const bom = phase.line === 1 && written?.startsWith('\uFEFF') ? 1 : 0;
  const line = written?.slice(bom);
  if (line === undefined || !readAtxHeading(line)) return undefined;
  const rewritten = rewriteHeading(line, status);
  if (rewritten === undefined) return undefined;
  const readBack = readHeadingStatus(headingText(rewritten));
  if (readBack !== (status === 'planned' ? undefined : status)) return undefined;
  if (rewritten === line) return [];
  return [{ range: { line: phase.line, column: bom, endLine: phase.line, endColumn: bom + line.length }, newText: rewritten }];
}
