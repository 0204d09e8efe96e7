import { parseIdToken, type ParsedId } from '../../ids';
import { DEPENDENCY_LABELS, STATUS_LABELS, UNIT_WORD } from '../../vocabulary';
import { cleanText } from '../../text/clean';

/**
 * A table with a row per phase: `| Phase | Plan | Depends On | Status |`. The first column is
 * headed by a unit word (Phase, Milestone, Fase, Wave…) and every row's first cell names a
 * different phase; a table where phases repeat (a task list with a Phase column) or stand in a
 * later column merely mentions them and yields nothing.
 */
export interface TableCell {
  /** The cell's text, trimmed, markup kept. */
  text: string;
  /** 0-based columns of the trimmed text in its line. */
  column: number;
  endColumn: number;
}

export interface TableRowPhase {
  parsed: ParsedId;
  title: string;
  line: number;
  idCell: TableCell;
  /** The id's own columns in the line ("6.1" of "| 6.1 |", "Phase 2" of "| **Phase 2** |"). */
  idColumn: number;
  idEndColumn: number;
  status?: TableCell;
  dependsOn?: TableCell;
}

const UNIT_HEADER = new RegExp(String.raw`^(?:#\s*)?(?:${UNIT_WORD})(?:\s*(?:#|id|no\.?|number))?$`, 'iu');
const STATUS_HEADER = new RegExp(String.raw`^(?:${STATUS_LABELS.join('|')})$`, 'iu');
const DEPENDS_HEADER = new RegExp(String.raw`^(?:${DEPENDENCY_LABELS.join('|')})$`, 'iu');
const TITLE_HEADER = /^(?:name|title|plan|component|goal|focus|description|summary|scope|theme|deliverables?|nombre|nome|t[íi]tulo|descripci[óo]n|descri[çc][ãa]o|objetivo|名称|描述)$/iu;
const DELIMITER_ROW = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/;
/** "1. Project Scaffold", "Phase 2 – Auth": an id with the title in the same cell. */
const ID_THEN_TITLE = /^(?<id>.+?)(?:\s*[.:：)\-–—]\s+|\s+)(?<title>\S.*)$/u;

/** Splits a table row into cells with their columns; `\|` and pipes inside code spans stay in the cell. */
export function splitRow(line: string): TableCell[] {
  const cells: TableCell[] = [];
  let start = 0;
  let index = 0;
  let inCode = false;
  const leading = /^\s*\|/.exec(line);
  if (leading) start = index = leading[0].length;
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, column: from + lead, endColumn: from + lead + text.length });
  };
  for (; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '`') inCode = !inCode;
    else if (char === '|' && !inCode) {
      push(start, index);
      start = index + 1;
    }
  }
  if (line.slice(start).trim() !== '') push(start, line.length);
  return cells;
}

function plain(cell: string): string {
  return cleanText(cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'));
}

/** Reads the id at the start of a phase cell: "1", "6.1", "Phase 2", "**M3**", "1. Project Scaffold". */
function readIdCell(cell: TableCell, unitWord: string): { parsed: ParsedId; title: string; idText: string } | undefined {
  const text = plain(cell.text);
  if (!text) return undefined;
  // A bare number is an id of the column's unit: "3" under "Milestone" is Milestone 3.
  const read = (id: string) => (/^\d/.test(id) ? parseIdToken(`${unitWord} ${id}`) : parseIdToken(id));
  const whole = read(text);
  if (whole) return { parsed: whole, title: '', idText: text };
  const split = ID_THEN_TITLE.exec(text);
  if (!split?.groups) return undefined;
  const parsed = read(split.groups.id!);
  if (!parsed) return undefined;
  return { parsed, title: split.groups.title!, idText: split.groups.id! };
}

/** The phases of the table on `lines[first - 1 .. last - 1]` (1-based, inclusive), or none. */
export function readTableRows(lines: readonly string[], first: number, last: number): TableRowPhase[] {
  if (last - first < 2 || !DELIMITER_ROW.test(lines[first] ?? '')) return [];
  const header = splitRow(lines[first - 1]!).map((cell) => plain(cell.text));
  const unitHeader = UNIT_HEADER.exec(header[0] ?? '');
  if (!unitHeader) return [];
  const unitWord = unitHeader[0].replace(/^#\s*/, '').split(/\s/)[0]!;
  const statusAt = header.findIndex((name) => STATUS_HEADER.test(name));
  const dependsAt = header.findIndex((name) => DEPENDS_HEADER.test(name));
  const titleAt = header.findIndex((name, index) => index > 0 && TITLE_HEADER.test(name));
  const rows: TableRowPhase[] = [];
  const keys = new Set<string>();
  for (let line = first + 2; line <= last; line++) {
    const cells = splitRow(lines[line - 1] ?? '');
    if (cells.length === 0) continue;
    const idCell = cells[0]!;
    const read = readIdCell(idCell, unitWord);
    // A row that names no phase, or one named before: the table is about something else.
    if (!read || keys.has(read.parsed.key)) return [];
    keys.add(read.parsed.key);
    const titleCell = titleAt > 0 ? cells[titleAt] : undefined;
    const title = read.title || (titleCell ? plain(titleCell.text) : '');
    const idStart = lines[line - 1]!.indexOf(read.idText, idCell.column);
    const row: TableRowPhase = {
      parsed: read.parsed,
      title,
      line,
      idCell,
      idColumn: idStart >= 0 ? idStart : idCell.column,
      idEndColumn: idStart >= 0 ? idStart + read.idText.length : idCell.endColumn,
    };
    if (statusAt > 0 && cells[statusAt]) row.status = cells[statusAt];
    if (dependsAt > 0 && cells[dependsAt]) row.dependsOn = cells[dependsAt];
    rows.push(row);
  }
  return rows;
}
