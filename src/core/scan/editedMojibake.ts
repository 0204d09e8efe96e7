import type { MojibakeRun } from '../model';
import { findMojibake } from '../text/mojibake';
import type { LineVersion } from './editedLines';

/**
 * `findMojibake(text)` for a new version of a document, scanning only the lines that changed:
 * a damaged run never crosses a line break and what decides it lies on its own line, so the
 * runs on unchanged lines are the previous version's, moved by the lines inserted or removed
 * above them.
 *
 * `bom` is 1 when the text starts with a byte order mark that `version`'s lines leave out
 * (the same in both versions); columns on line 1 count it, as `findMojibake` does.
 */
export function editedMojibake(text: string, bom: 0 | 1, version: LineVersion, previous: readonly MojibakeRun[]): MojibakeRun[] {
  const change = version.change;
  if (!change) return findMojibake(text);
  const { firstChanged, endChanged, lineDelta } = change;
  const oldEnd = endChanged - lineDelta;
  const runs: MojibakeRun[] = [];
  let index = 0;
  // Lines are 1-based in runs: line n is lines[n - 1].
  for (; index < previous.length && previous[index]!.range.line <= firstChanged; index++) runs.push(moved(previous[index]!, 0));
  const from = firstChanged === 0 ? 0 : version.starts[firstChanged]! + bom;
  const to = endChanged < version.lines.length ? version.starts[endChanged]! + bom : text.length;
  for (const run of findMojibake(text.slice(from, to))) runs.push(moved(run, firstChanged));
  while (index < previous.length && previous[index]!.range.line <= oldEnd) index++;
  for (; index < previous.length; index++) runs.push(moved(previous[index]!, lineDelta));
  return runs;
}

/**
 * The run `lines` further down: the same object when it stays (plans share unchanged runs, as
 * they share unchanged lines; nothing writes to a plan's runs), else a copy on its new lines.
 */
function moved(run: MojibakeRun, lines: number): MojibakeRun {
  if (lines === 0) return run;
  return { ...run, range: { ...run.range, line: run.range.line + lines, endLine: run.range.endLine + lines } };
}
