import { applyEdits } from '../edits/apply';
import { splitLines } from '../edits/text';
import { fail, ok, type Outcome, type PlanWrite } from './types';

/**
 * The text after `write`, applied to the file's text as it is NOW (re-read by the caller): only
 * when every line the write changes still reads as it did when the write was computed. Another
 * change to those lines (a person typing, a second agent) is a conflict, never overwritten; a
 * change elsewhere is kept, since line numbers are checked too (an inserted line moves them).
 */
export function applyGuarded(currentText: string, write: Pick<PlanWrite, 'edits' | 'expected' | 'source'>): Outcome<string> {
  if (write.edits.length === 0) return ok(currentText);
  const lines = splitLines(currentText);
  const changed = write.expected.filter((expected) => lines[expected.line - 1] !== expected.text);
  if (changed.length > 0) {
    const where = changed.map((expected) => expected.line).join(', ');
    return fail('conflict', `${write.source.file} changed since it was read (line ${where} no longer reads as before); nothing was written. Read the phase again and retry.`);
  }
  return ok(applyEdits(currentText, write.edits));
}
