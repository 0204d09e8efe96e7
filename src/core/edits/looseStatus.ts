import type { StatusField } from '../model';
import { readStatusValue } from '../parse/status';
import { FenceTracker, readAtxHeading } from '../text/markdownLines';

/**
 * Status written where the parser's field reader does not look: in a blockquote
 * (`> **Status**: ✅ Complete`) or a table cell (`| **Status** | Done |`, `| Status: Planned |`).
 * Start must rewrite such a status rather than insert a second, contradicting one.
 */
const LABEL = String.raw`(?:\*\*|__)?Status(?:\*\*|__)?`;
const BLOCKQUOTE_FIELD = new RegExp(String.raw`^(\s*(?:>\s*)+(?:[-*+]\s+)?(?:\*\*|__)?Status(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*)(\S.*?)\s*$`, 'i');
const LABEL_CELL = new RegExp(String.raw`^\s*${LABEL}\s*:?\s*$`, 'i');
const FIELD_CELL = new RegExp(String.raw`^(\s*${LABEL}\s*:\s*)(\S.*?)\s*$`, 'i');

/** Cells of a table row with the column where each starts; `\|` does not split. */
function cells(line: string): Array<{ text: string; column: number }> {
  const out: Array<{ text: string; column: number }> = [];
  let start = line.indexOf('|') + 1;
  for (let i = start; i <= line.length; i++) {
    if (i < line.length && (line[i] !== '|' || line[i - 1] === '\\')) continue;
    out.push({ text: line.slice(start, i), column: start });
    start = i + 1;
  }
  if (out.length > 0 && out[out.length - 1]!.text.trim() === '') out.pop();
  return out;
}

function field(line: number, column: number, value: string): StatusField {
  return { line, rawValue: value, valueRange: { line, column, endLine: line, endColumn: column + value.length }, status: readStatusValue(value) };
}

/** The first such status between `from` and `to` (1-based lines), before any sub-heading. */
export function findLooseStatus(lines: readonly string[], from: number, to: number): StatusField | undefined {
  const fences = new FenceTracker('nested');
  for (let number = from; number <= Math.min(to, lines.length); number++) {
    const line = lines[number - 1]!;
    if (fences.step(line)) continue;
    if (readAtxHeading(line)) return undefined;
    const quoted = BLOCKQUOTE_FIELD.exec(line);
    if (quoted) return field(number, quoted[1]!.length, quoted[2]!);
    if (!line.trimStart().startsWith('|')) continue;
    const row = cells(line);
    for (let index = 0; index < row.length; index++) {
      const cell = row[index]!;
      const inline = FIELD_CELL.exec(cell.text);
      if (inline) return field(number, cell.column + inline[1]!.length, inline[2]!);
      const value = row[index + 1];
      if (LABEL_CELL.test(cell.text) && value && value.text.trim() !== '') {
        const lead = /^\s*/.exec(value.text)![0].length;
        return field(number, value.column + lead, value.text.trim());
      }
    }
  }
  return undefined;
}
