/**
 * Line bookkeeping shared by the edit builders. Line breaks are the ones CommonMark knows
 * (CRLF, LF, lone CR), so line numbers agree with the parser's.
 */

const LINE_BREAK = /\r\n|\r|\n/g;

let lastText: string | undefined;
let lastLines: readonly string[] = Object.freeze([]);

/**
 * The text's lines without their line breaks. Lint rules and their fixes ask for the lines of
 * the same text once per finding; the last split is remembered, so a plan with thousands of
 * findings is split once, not thousands of times. Every caller shares the one frozen array:
 * copying it per call made a plan with n findings cost n × lines (a 9.9 MB plan linted in 277 s).
 */
export function splitLines(text: string): readonly string[] {
  if (text !== lastText) {
    lastLines = Object.freeze(text.split(/\r\n|\r|\n/));
    lastText = text;
  }
  return lastLines;
}

/**
 * Tells `splitLines` the lines of `text` that a caller has already split (the document parser
 * carries most of them over from the previous version): the lint that follows each keystroke
 * then does not split the whole text again. `lines` must be what `splitLines(text)` returns.
 */
export function rememberLines(text: string, lines: readonly string[]): void {
  lastLines = Object.freeze(lines.slice());
  lastText = text;
}

/** The end-of-line sequence the file uses (its first one); `\n` for a one-line file. */
export function detectEol(text: string): '\n' | '\r\n' {
  const match = /\r\n|\n/.exec(text);
  return match?.[0] === '\r\n' ? '\r\n' : '\n';
}

/**
 * The line break that ends 1-based `line`: what a line inserted after it must end with, so a
 * CR-only or mixed file keeps each stretch's own endings. The last line has none; it takes the
 * one before it, and a one-line text the file's usual `\n`.
 */
export function eolAfterLine(text: string, line: number): string {
  const table = lineTable(text);
  for (let index = Math.min(Math.max(Math.floor(line), 1), table.starts.length) - 1; index >= 0; index--) {
    if (index + 1 < table.starts.length) return text.slice(table.ends[index], table.starts[index + 1]);
  }
  return '\n';
}

/** Offsets where each line starts and where its content ends (before the line break). */
export interface LineTable {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

let lastTableText: string | undefined;
let lastTable: LineTable = { starts: [0], ends: [0] };

/**
 * The text's line table. The last one is remembered, as `splitLines` does: a lint fix asks for
 * the line break after its line once per finding, and a table per finding made n findings cost
 * n × text. The arrays are frozen, as every caller shares them.
 */
export function lineTable(text: string): LineTable {
  if (text !== lastTableText) {
    lastTable = Object.freeze(buildLineTable(text));
    lastTableText = text;
  }
  return lastTable;
}

/** A line table built afresh (not remembered): for texts that are not the document being linted. */
export function buildLineTable(text: string): LineTable {
  const starts = [0];
  const ends: number[] = [];
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return { starts: Object.freeze(starts), ends: Object.freeze(ends) };
}

/** Number of lines in the text, breaks counted as the parser counts them (CRLF, LF, lone CR). */
export function countLines(text: string): number {
  let count = 1;
  // Most texts break lines with LF alone: count those without a match object per line.
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    return count;
  }
  LINE_BREAK.lastIndex = 0;
  while (LINE_BREAK.exec(text)) count++;
  return count;
}

/**
 * The offset of a 1-based line and 0-based column. Positions past the end of a line stop at its
 * line break; lines past the end of the text stop at its end, so a bad range never throws.
 */
export function offsetAt(table: LineTable, line: number, column: number): number {
  if (!Number.isFinite(line) || line < 1) return 0;
  const index = Math.floor(line) - 1;
  if (index >= table.starts.length) return table.ends[table.ends.length - 1]!;
  const start = table.starts[index]!;
  const end = table.ends[index]!;
  const col = Number.isFinite(column) ? Math.max(0, Math.floor(column)) : 0;
  return Math.min(start + col, end);
}
