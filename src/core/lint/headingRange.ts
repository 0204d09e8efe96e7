import { fencedLines } from '../edits/codeFences';
import type { Range } from '../model';

/**
 * The heading's text on its line, without the `#` marks, closing hashes and surrounding space:
 * where a finding about a phase is shown. A line that is not there gives an empty range on it.
 */
export function headingTextRange(lines: readonly string[], line: number): Range {
  const text = lines[line - 1];
  if (text === undefined) return { line, column: 0, endLine: line, endColumn: 0 };
  const opening = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(text)?.[0].length ?? /^\s*/.exec(text)![0].length;
  let end = text.length;
  const closing = /(?:[ \t]+#+)?[ \t]*$/.exec(text.slice(opening));
  if (closing) end = opening + closing.index;
  return { line, column: opening, endLine: line, endColumn: Math.max(end, opening) };
}

export interface HeadingLine {
  line: number;
  level: number;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const NOT_PARAGRAPH = /^\s*(?:$|[-*+>|#]|\d+[.)]\s|```|~~~)/;

/** Every heading outside fenced code, ATX and setext, in document order. */
export function headingOutline(lines: readonly string[]): HeadingLine[] {
  const fenced = fencedLines(lines);
  const outline: HeadingLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const atx = ATX.exec(lines[index]!);
    if (atx) {
      outline.push({ line: index + 1, level: atx[1]!.length });
      continue;
    }
    const underline = SETEXT.exec(lines[index + 1] ?? '');
    if (underline && !fenced[index + 1] && !NOT_PARAGRAPH.test(lines[index]!)) {
      outline.push({ line: index + 1, level: underline[1]![0] === '=' ? 1 : 2 });
      index++;
    }
  }
  return outline;
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
