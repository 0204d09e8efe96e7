import fs from 'node:fs';
import path from 'node:path';
import { applyGuarded, fail, ok, type Outcome, type PlanWrite } from '../../core/api';

/**
 * Writes a plan change to disk without ever clobbering someone else's: the file is read again,
 * the lines the change touches must still read as they did (else a conflict, nothing written),
 * and the new text replaces the file atomically (a temporary file beside it, then a rename) with
 * the file's mode kept. Line endings and a byte-order mark stay as they were, since the edits
 * only replace characters within lines and the text is read and written as UTF-8 whole.
 */
export function writePlanSafely(absolute: string, write: PlanWrite): Outcome<'written' | 'unchanged'> {
  if (write.edits.length === 0) return ok('unchanged');
  let current: string;
  let mode: number;
  try {
    mode = fs.statSync(absolute).mode;
    current = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    return fail('conflict', `${write.source.file} could not be read again before writing (${(error as Error).message}); nothing was written.`);
  }
  const next = applyGuarded(current, write);
  if (!next.ok) return next;
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.phaselens-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temporary, next.value, { encoding: 'utf8', mode });
    fs.chmodSync(temporary, mode & 0o7777);
    fs.renameSync(temporary, absolute);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    return fail('conflict', `${write.source.file} could not be written (${(error as Error).message}); it is unchanged.`);
  }
  return ok('written');
}
