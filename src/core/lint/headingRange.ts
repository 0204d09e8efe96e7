import type { Range } from '../model';
import { readAtxHeading, type HeadingLine } from '../text/markdownLines';

export { headingOutline, type HeadingLine } from '../text/markdownLines';

/**
 * The heading's text on its line, without the `#` marks, closing hashes and surrounding space:
 * where a finding about a phase is shown. A line that is not there gives an empty range on it.
 */
export function headingTextRange(lines: readonly string[], line: number): Range {
  const text = lines[line - 1];
  if (text === undefined) return { line, column: 0, endLine: line, endColumn: 0 };
  const atx = readAtxHeading(text);
  if (atx) return { line, column: atx.textStart, endLine: line, endColumn: atx.textEnd };
  // The text line of a setext heading: its text without the surrounding spaces.
  const start = text.length - text.trimStart().length;
  return { line, column: start, endLine: line, endColumn: Math.max(text.trimEnd().length, start) };
}

/**
 * The line of the nearest heading above `line` with a lower level (0 for the document itself),
 * for many questions about one outline: one pass records, before each heading, the last line
 * seen at every level, and each question is then a binary search, so a plan with thousands of
 * headings costs headings × log headings rather than headings².
 */
export function parentHeadingLookup(outline: readonly HeadingLine[]): (line: number, level: number) => number {
  const lastAtLevel = new Array<number>(7).fill(0);
  const before: number[][] = [];
  for (const heading of outline) {
    before.push(lastAtLevel.slice());
    if (heading.level >= 1 && heading.level <= 6) lastAtLevel[heading.level] = heading.line;
  }
  before.push(lastAtLevel.slice());
  return (line, level) => {
    // The first heading at or below `line`: everything before it is above.
    let low = 0;
    let high = outline.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (outline[middle]!.line < line) low = middle + 1;
      else high = middle;
    }
    const seen = before[low]!;
    let parent = 0;
    for (let higher = 1; higher < Math.min(level, 7); higher++) parent = Math.max(parent, seen[higher]!);
    return parent;
  };
}

/** The same for one question (see `parentHeadingLookup`). */
export function parentHeadingLine(outline: readonly HeadingLine[], line: number, level: number): number {
  let parent = 0;
  for (const heading of outline) {
    if (heading.line >= line) break;
    if (heading.level < level) parent = heading.line;
  }
  return parent;
}
