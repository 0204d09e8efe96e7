import { rememberRecent } from '../../text/recent';
import type { PhaseHeading } from '../headings';
import type { Range } from '../../model';
import { atxHeadingText } from '../../text/markdownLines';

/** Positions in the document's own text: lines, columns shifted past a BOM, list markers, ids. */

export interface SourceLines {
  /** The document's lines without line terminators (a BOM removed from the first). */
  lines: readonly string[];
  /** Columns on line 1 are shifted by this much in the real text (1 when a BOM was removed). */
  firstLineOffset: number;
}

/** A one-line range in the real text from 0-based columns of `lines`. */
export type RangeAt = (line: number, column: number, endColumn: number) => Range;

export function rangeAt(source: SourceLines): RangeAt {
  return (line, column, endColumn) => {
    const shift = line === 1 ? source.firstLineOffset : 0;
    return { line, column: column + shift, endLine: line, endColumn: endColumn + shift };
  };
}

/** The heading's text as written: without the `#` marks and closing hashes (a setext heading's line as it stands). */
export function headingSource(line: string): string {
  return (atxHeadingText(line) ?? line).trim();
}

export const LIST_MARKER = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;

/** Where an item's content starts, after its marker and checkbox. */
export function itemContentColumn(line: string): number {
  return LIST_MARKER.exec(line)?.[0].length ?? 0;
}

export function checkboxRange(line: string, lineNumber: number, range: RangeAt): Range | undefined {
  const match = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX~-]\])/.exec(line);
  if (!match) return undefined;
  const column = match[0].length - 3;
  return range(lineNumber, column, column + 3);
}

/** The id's position in the heading line: the written id ("P5.1"), else its number, else the heading text. */
export function locateId(line: string, read: PhaseHeading, lineNumber: number, range: RangeAt): Range {
  const candidates = [read.idText, read.id, read.id.replace(/^\D+\s*/, '')];
  const lower = line.toLowerCase();
  for (const candidate of candidates) {
    if (!candidate) continue;
    const match = idPattern(candidate).exec(lower);
    if (match) return range(lineNumber, match.index, match.index + match[0].length);
  }
  const start = line.search(/[^#\s]/);
  return range(lineNumber, Math.max(0, start), line.length);
}

/** The pattern that finds a written id in a lowercased heading line; compiled once per id, not once per heading per keystroke. */
const idPattern = rememberRecent(
  (candidate: string) => new RegExp(`(?<![\\w.])${escapeRegExp(candidate.toLowerCase()).replace(/\\ /g, '[\\s*_\\-]*')}(?![\\w]|\\.\\d)`),
  5_000,
  100,
);

/** The id's position in an item or summary line: where its text is written, else the whole line. */
export function locateWrittenId(line: string, idText: string, lineNumber: number, range: RangeAt): Range {
  const idAt = line.indexOf(idText);
  return idAt >= 0 ? range(lineNumber, idAt, idAt + idText.length) : range(lineNumber, 0, line.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, ' ');
}
