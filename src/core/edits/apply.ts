import type { TextEdit } from '../model';
import { lineTable, offsetAt } from './text';

/**
 * Applies edits the way an editor's WorkspaceEdit does: all ranges refer to the original text.
 * Insertions at one position keep their given order; an edit that overlaps an earlier one is
 * skipped rather than corrupting the text (editors reject such edit sets outright).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const table = lineTable(text);
  const located = edits
    .map((edit, order) => {
      const start = offsetAt(table, edit.range.line, edit.range.column);
      const end = Math.max(start, offsetAt(table, edit.range.endLine, edit.range.endColumn));
      return { start, end, newText: edit.newText, order };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);

  let result = '';
  let cursor = 0;
  for (const edit of located) {
    if (edit.start < cursor) continue;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}
