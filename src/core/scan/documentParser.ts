import type { Plan } from '../model';
import type { ChunkCache, ParsedChunk } from '../parse/blocks';
import { lineEditBetween, splitIntoChunksAfterEdit, type Chunk } from '../parse/chunks';
import { rememberLines } from '../edits/text';
import { parsePlan } from '../parse/parsePlan';
import { editedLines, type LineVersion } from './editedLines';
import { editedMojibake } from './editedMojibake';

/**
 * Re-parses one open document as it is edited. Each version is parsed section by section and
 * the sections that did not change since the previous version are taken from a cache instead
 * of going through remark again, so a keystroke costs one small remark parse plus the model.
 *
 * What is derived line by line (the split into lines, the mojibake runs) is carried over too:
 * only the lines between the first and the last changed character are read again.
 *
 * The cache holds the chunks of the last version only: a chunk that the new version no longer
 * has is dropped, so memory stays proportional to the document however long it is edited.
 */
export interface DocumentParser {
  /** The plan of `text`. Equal to `parsePlan(text, file)`; the same object again when the text did not change. */
  parse(text: string): Plan;
  /** Number of chunks kept from the last version. */
  readonly cachedChunks: number;
}

export function createDocumentParser(file: string): DocumentParser {
  const chunks = new LastVersionChunks();
  let lastText: string | undefined;
  let lastPlan: Plan | undefined;
  let lastBody: string | undefined;
  let lastLines: LineVersion | undefined;
  return {
    parse(text: string): Plan {
      if (text === lastText && lastPlan) return lastPlan;
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const body = bom ? text.slice(1) : text;
      // A byte order mark that came or went moves every column of line 1: read everything again.
      const sameBom = lastText !== undefined && (lastText.charCodeAt(0) === 0xfeff ? 1 : 0) === bom;
      chunks.beginVersion();
      try {
        const version = editedLines(body, sameBom ? lastBody : undefined, sameBom ? lastLines : undefined);
        const mojibake = editedMojibake(text, bom, version, sameBom && lastPlan ? lastPlan.mojibake : []);
        // Set before parsing: if it throws, the next version starts from nothing rather than from a half-read one.
        lastText = lastBody = lastLines = lastPlan = undefined;
        lastPlan = parsePlan(text, file, { cache: chunks, known: { lines: version.lines, mojibake } });
        // Without a BOM the body's lines are the text's, as lint splits them.
        if (!bom) rememberLines(text, version.lines);
        lastText = text;
        lastBody = body;
        lastLines = version;
      } finally {
        chunks.endVersion();
      }
      return lastPlan;
    },
    get cachedChunks() {
      return chunks.size;
    },
  };
}

/** The lines a cached chunk was read from, and the text it is cached under. */
interface ChunkLines {
  lines: readonly string[];
  text: string;
}

/**
 * A chunk cache that keeps only what the latest parse used: during a version, a lookup that
 * misses the current generation is served from the previous one and moved over; what was not
 * looked up is dropped when the version ends. It also remembers each chunk's lines, found by
 * their first line: the unchanged lines of a new version are the previous version's strings
 * (`editedLines`), so comparing them is a pointer comparison each.
 */
class LastVersionChunks extends Map<string, ParsedChunk> implements ChunkCache {
  private previous = new Map<string, ParsedChunk>();
  private lineIndex = new Map<string, ChunkLines[]>();
  private previousLineIndex = new Map<string, ChunkLines[]>();

  beginVersion() {
    this.previous = new Map(this);
    this.clear();
    this.previousLineIndex = this.lineIndex;
    this.lineIndex = new Map();
  }

  endVersion() {
    this.previous = new Map();
    this.previousLineIndex = new Map();
  }

  override get(key: string): ParsedChunk | undefined {
    const current = super.get(key);
    if (current !== undefined) return current;
    const kept = this.previous.get(key);
    if (kept !== undefined) this.set(key, kept);
    return kept;
  }

  withLines(lines: readonly string[], start: number, end: number): ParsedChunk | undefined {
    const first = lines[start];
    if (first === undefined) return undefined;
    const known = findLines(this.lineIndex.get(first), lines, start, end) ?? findLines(this.previousLineIndex.get(first), lines, start, end);
    if (!known) return undefined;
    const chunk = this.get(known.text);
    if (chunk) this.noteLines(lines, start, end, known.text);
    return chunk;
  }

  /** The last version's lines and where they were cut. */
  private lastCuts: { lines: readonly string[]; cuts: readonly Chunk[] } | undefined;

  cutsOf(lines: readonly string[]): Chunk[] | undefined {
    // Compared here rather than taken from `editedLines`: the parser blanks front matter, so the
    // lines it cuts can differ from the text's outside the edited stretch (a `---` typed or removed).
    const last = this.lastCuts;
    return last ? splitIntoChunksAfterEdit(lines, last.cuts, lineEditBetween(last.lines, lines)) : undefined;
  }

  noteCuts(lines: readonly string[], cuts: readonly Chunk[]): void {
    this.lastCuts = { lines, cuts };
  }

  noteLines(lines: readonly string[], start: number, end: number, text: string): void {
    const first = lines[start];
    if (first === undefined) return;
    const entries = this.lineIndex.get(first) ?? [];
    if (findLines(entries, lines, start, end)) return;
    entries.push({ lines: lines.slice(start, end), text });
    this.lineIndex.set(first, entries);
  }
}

function findLines(entries: readonly ChunkLines[] | undefined, lines: readonly string[], start: number, end: number): ChunkLines | undefined {
  return entries?.find((entry) => entry.lines.length === end - start && entry.lines.every((line, offset) => line === lines[start + offset]));
}
