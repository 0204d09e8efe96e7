import type { Phase, PhaseStatus, TextEdit } from '../model';

/**
 * Status write-back for a phase written as a list item with a checkbox (`- [ ] **Phase 2: …**`,
 * Kiro's `- [ ] 2. …`), or a heading phase listed in a roadmap index of such items. The box is
 * the phase's status: ticked when done, cleared otherwise; Kiro's `[-]` marks work under way
 * where the plan already writes it. A table phase needs nothing here: its status cell is read as
 * its `Status` field, which the usual field rewrite edits in place.
 */
export function checkboxStatusEdits(phase: Phase, status: PhaseStatus, lines: readonly string[]): TextEdit[] | undefined {
  const box = phase.checkbox;
  if (!box || phase.statusField) return undefined;
  const line = lines[box.line - 1];
  if (line === undefined || !/^\[[ xX~-]\]$/.test(line.slice(box.column, box.column + 3))) return undefined;
  const current = line[box.column + 1]!;
  const usesKiroMarks = lines.some((text) => /^[ \t]*[-*+][ \t]+\[[-~]\]/.test(text));
  const mark = status === 'done' ? (current === 'X' ? 'X' : 'x') : status === 'in-progress' && usesKiroMarks ? '-' : ' ';
  // A heading phase listed in an index is ticked there when done; other statuses are written in its section.
  if (phase.notation !== 'list-item' && (status !== 'done' || mark === current)) return undefined;
  if (mark === current) return [];
  return [{ range: { line: box.line, column: box.column + 1, endLine: box.line, endColumn: box.column + 2 }, newText: mark }];
}
