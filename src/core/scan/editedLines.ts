import type { LineEdit } from '../parse/chunks';
import { buildLineTable } from '../edits/text';
import { partitionPoint } from '../partitionPoint';

/**
 * The lines of one document as it is edited, split as `parsePlan` splits them (CRLF, LF, lone
 * CR), but only where the text changed: the lines before the edit and after it are the previous
 * version's, so a keystroke costs the edited lines plus one pass comparing the two texts, not a
 * split of the whole document. It also says which lines changed, so results derived per line
 * (mojibake runs) can be carried over for the others.
 */
export interface LineVersion {
  /** The text's lines without their line breaks; `text.split(/\r?\n|\r/)`. */
  readonly lines: readonly string[];
  /** Offset in the text of each line's first character. */
  readonly starts: readonly number[];
  /**
   * The lines that differ from the previous version: lines `[0, firstChanged)` are the same as
   * before; lines `[endChanged, lines.length)` are the previous version's lines from
   * `endChanged - lineDelta` on. Undefined for the first version (everything is new).
   */
  readonly change?: LineEdit;
}

/** The lines of `text` and where each starts, plus `offset` (the text may be a slice of the document). */
export function splitWithStarts(text: string, offset = 0): { lines: string[]; starts: number[] } {
  const table = buildLineTable(text);
  return { lines: table.starts.map((start, index) => text.slice(start, table.ends[index])), starts: table.starts.map((start) => start + offset) };
}

/** The lines of `text`, reusing those of `previous` (the lines of `previousText`) outside the edited stretch. */
export function editedLines(text: string, previousText: string | undefined, previous: LineVersion | undefined): LineVersion {
  if (previousText === undefined || previous === undefined) return splitWithStarts(text);
  const oldStarts = previous.starts;
  const oldLines = previous.lines;
  const shorter = Math.min(text.length, previousText.length);
  const prefix = commonPrefix(text, previousText, shorter);
  const suffix = commonSuffix(text, previousText, shorter - prefix);
  // Keep line i when the first character of line i + 1 is still in the common prefix: then line i,
  // its break, and the character after the break (a lone CR stays lone) are all unchanged.
  let firstChanged = partitionPoint(oldStarts.length, (index) => oldStarts[index]! <= prefix - 1) - 1; // the last line starting at or before prefix - 1
  if (firstChanged < 0) firstChanged = 0;
  // Keep line j (of the old text) when the character before it, the end of its line break, is in the common suffix.
  const suffixStart = previousText.length - suffix;
  let oldEnd = partitionPoint(oldStarts.length, (index) => oldStarts[index]! <= suffixStart);
  if (oldEnd <= firstChanged) oldEnd = firstChanged + 1;
  const delta = text.length - previousText.length;
  const from = oldStarts[firstChanged]!;
  const to = oldEnd < oldStarts.length ? oldStarts[oldEnd]! + delta : text.length;
  const middle = splitWithStarts(text.slice(from, to), from);
  if (oldEnd < oldStarts.length) {
    // The stretch ends with the break before a kept line: its split ends with an empty piece that is not a line.
    middle.lines.pop();
    middle.starts.pop();
  }
  const lines = [...oldLines.slice(0, firstChanged), ...middle.lines.map(ownCopy), ...oldLines.slice(oldEnd)];
  const starts = oldStarts.slice(0, firstChanged);
  for (const start of middle.starts) starts.push(start);
  for (let index = oldEnd; index < oldStarts.length; index++) starts.push(oldStarts[index]! + delta);
  const endChanged = firstChanged + middle.lines.length;
  return { lines, starts, change: { firstChanged, endChanged, lineDelta: endChanged - oldEnd } };
}

/** Length of the common start of `a` and `b`, at most `limit`; compared in slices, which the engine does natively. */
function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (at + step <= limit && a.slice(at, at + step) === b.slice(at, at + step)) at += step;
  }
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let length = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (length + step <= limit && a.slice(a.length - length - step, a.length - length) === b.slice(b.length - length - step, b.length - length)) length += step;
  }
  while (length < limit && a.charCodeAt(a.length - length - 1) === b.charCodeAt(b.length - length - 1)) length++;
  return length;
}

/**
 * A line that does not keep its version's whole text alive. The engine cuts a line out of a text
 * as a view into it; carried over to later versions, every keystroke's text would stay in memory
 * as long as the line it edited (300 keystrokes on a 2,000-line plan: 68 MB instead of 3 MB).
 * Short strings are copied by the engine anyway.
 */
function ownCopy(line: string): string {
  return line.length < 13 ? line : (JSON.parse(JSON.stringify(line)) as string);
}
