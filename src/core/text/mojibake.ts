/**
 * Mojibake: UTF-8 bytes that a Windows program read as Windows-1252 or Windows-1254 and saved
 * again (`âœ…` for ✅, `ğŸ“‹` for 📋, `â”€` for ─, `Ã©` for é). Each damaged character is turned
 * back into its bytes with the explicit tables in `codePages.ts` and decoded as UTF-8.
 *
 * A stretch of characters from the high half of the code pages is mojibake where its bytes form
 * UTF-8 sequences. Some runs lost bytes (the pages leave 0x81 0x8D 0x8F 0x90 0x9D undefined, and
 * 1254 also 0x8E 0x9E): a lead byte with some but not all of its continuation bytes is reported as
 * a run that cannot be repaired. What legitimate text can look like a sequence is filtered out
 * (see `isTrustedSequence` and `isLostByteDamage`), because a false repair is worse than a miss.
 *
 * Everything here is linear in the text, allocation-light, and never throws.
 */
import type { MojibakeRun, Range, TextEdit } from '../model';
import { HIGH_BYTE_OF as IMPORTED_HIGH_BYTE_OF, ONLY_IN_1254 as IMPORTED_ONLY_IN_1254, type CodePage } from './codePages';

// Local copies: a transpiled import is a getter call, and these are read once per character.
const HIGH_BYTE_OF = IMPORTED_HIGH_BYTE_OF;
const ONLY_IN_1254 = IMPORTED_ONLY_IN_1254;

/** Characters that stand for a UTF-8 lead byte (0xC2–0xF4) in either page; without one there is no mojibake. */
const LEAD_BYTE_CHARACTER = /[\u00C2-\u00F4\u011E\u011F\u0130\u015E]/;

/** One stretch of mojibake by UTF-16 offsets; `repaired` is undefined when bytes were lost. */
interface DamagedSpan {
  start: number;
  end: number;
  repaired: string | undefined;
  codePage: CodePage;
}

/** Every damaged run, in document order. Ranges are UTF-16 offsets into `text` as given (a BOM counts). */
export function findMojibake(text: string): MojibakeRun[] {
  const spans = scanMojibake(text);
  const runs: MojibakeRun[] = [];
  let line = 1;
  let lineStart = 0;
  // Line breaks as CommonMark counts them (CRLF, LF, lone CR), so lines agree with the parser's.
  const breaks = /\r\n|\r|\n/g;
  let nextBreak = spans.length > 0 ? breaks.exec(text) : null;
  for (const span of spans) {
    while (nextBreak && nextBreak.index < span.start) {
      line++;
      lineStart = nextBreak.index + nextBreak[0].length;
      nextBreak = breaks.exec(text);
    }
    // A span never holds ASCII, so it never crosses a line break.
    const range: Range = { line, column: span.start - lineStart, endLine: line, endColumn: span.end - lineStart };
    const run: MojibakeRun = { range, text: text.slice(span.start, span.end), codePage: span.codePage };
    if (span.repaired !== undefined) run.repaired = span.repaired;
    runs.push(run);
  }
  return runs;
}

/** The text with every repairable run repaired; runs that lost bytes and all other text are kept as they are. */
export function repairMojibake(text: string): string {
  const spans = scanMojibake(text);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.repaired === undefined) continue;
    out += text.slice(cursor, span.start) + span.repaired;
    cursor = span.end;
  }
  return cursor === 0 ? text : out + text.slice(cursor);
}

/**
 * Text for display: repairable runs repaired, runs that lost bytes removed (they are noise to a
 * reader), with the space they leave behind tidied. Returns the input itself when there is no damage.
 */
export function cleanMojibake(text: string): string {
  const spans = scanMojibake(text);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    let { start, end } = span;
    if (span.repaired !== undefined) {
      out += text.slice(cursor, start) + span.repaired;
      cursor = end;
      continue;
    }
    const blankBefore = isBlank(text, start - 1);
    const opensBefore = start === 0 || isLineBreak(text, start - 1) || OPENERS.includes(text[start - 1]!);
    if ((blankBefore || opensBefore) && isBlank(text, end)) {
      while (isBlank(text, end)) end++;
    } else if (blankBefore && (end === text.length || isLineBreak(text, end))) {
      while (start > cursor && isBlank(text, start - 1)) start--;
    }
    out += text.slice(cursor, start);
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The edits `repairMojibake` applies to the text `runs` were found in (`findMojibake`), one per repairable run, for a WorkspaceEdit. */
export function repairEdits(runs: readonly MojibakeRun[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const run of runs) {
    if (run.repaired !== undefined) edits.push({ range: { ...run.range }, newText: run.repaired });
  }
  return edits;
}

/** Runs on adjacent lines, reported together (one `mojibake` finding per block: docs/rules/mojibake.md). */
export interface MojibakeBlock {
  /** From the start of the first run to the end of the last. */
  range: Range;
  runs: MojibakeRun[];
  /** At least one run can be repaired, so the block has a fix. */
  repairable: boolean;
  /** How many runs lost bytes and cannot be repaired. */
  unrepairable: number;
}

/** Groups runs into blocks of adjacent damaged lines, in document order. */
export function mojibakeBlocks(runs: readonly MojibakeRun[]): MojibakeBlock[] {
  const sorted = [...runs].sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
  const blocks: MojibakeBlock[] = [];
  let current: MojibakeBlock | undefined;
  for (const run of sorted) {
    if (current && run.range.line <= current.range.endLine + 1) {
      current.runs.push(run);
      current.range.endLine = run.range.endLine;
      current.range.endColumn = run.range.endColumn;
    } else {
      current = { range: { ...run.range }, runs: [run], repairable: false, unrepairable: 0 };
      blocks.push(current);
    }
    if (run.repaired !== undefined) current.repairable = true;
    else current.unrepairable++;
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Scanning

/** Two or more characters that stand for bytes 0x80–0xFF: the only places a sequence can be. */
const STRETCH = new RegExp(`[${highByteCharacterClass()}]{2,}`, 'g');

function highByteCharacterClass(): string {
  let body = '';
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  for (let code = 0; code < 0x10000; code++) {
    if (HIGH_BYTE_OF[code]! < 0) continue;
    let last = code;
    while (last + 1 < 0x10000 && HIGH_BYTE_OF[last + 1]! >= 0) last++;
    body += last === code ? hex(code) : `${hex(code)}-${hex(last)}`;
    code = last;
  }
  return body;
}

function scanMojibake(text: string): DamagedSpan[] {
  const spans: DamagedSpan[] = [];
  if (!LEAD_BYTE_CHARACTER.test(text)) return spans;
  const collector = new SpanCollector(text, spans);
  const stretches = STRETCH;
  stretches.lastIndex = 0;
  // `test` rather than `exec`: no match array or substring per stretch. The match is greedy and
  // leftmost, so walking back from its end finds its start.
  while (stretches.test(text)) {
    const end = stretches.lastIndex;
    let start = end - 2;
    while (start > 0 && HIGH_BYTE_OF[text.charCodeAt(start - 1)]! >= 0) start--;
    scanStretch(text, start, end, collector);
  }
  return spans;
}

/** A stretch is a maximal run of characters that stand for bytes 0x80–0xFF. */
function scanStretch(text: string, start: number, end: number, collector: SpanCollector): void {
  let hasTrusted = false;
  for (let at = start; at < end && !hasTrusted; ) {
    const sequence = readSequence(text, at, end);
    if (kindOf(sequence) === COMPLETE && isTrustedSequence(text, at, sequence, start, end)) hasTrusted = true;
    at += lengthOf(sequence);
  }
  for (let at = start; at < end; ) {
    const sequence = readSequence(text, at, end);
    const length = lengthOf(sequence);
    const kind = kindOf(sequence);
    if (kind === COMPLETE && isTrustedSequence(text, at, sequence, start, end)) {
      collector.add(at, at + length, valueOf(sequence));
    } else if (kind === TRUNCATED && (hasTrusted || isLostByteDamage(valueOf(sequence)))) {
      collector.add(at, at + length, LOST);
    } else {
      collector.flush();
    }
    at += length;
  }
  collector.flush();
}

// A sequence is packed in one number so that scanning a 5 MB line allocates nothing per character:
// value (code point, or lead × 256 + second byte of a truncated sequence) × 32 + length × 4 + kind.
const NOT_A_SEQUENCE = 0;
const COMPLETE = 1;
const TRUNCATED = 2;

function pack(value: number, length: number, kind: number): number {
  return value * 32 + length * 4 + kind;
}
function kindOf(sequence: number): number {
  return sequence & 3;
}
function lengthOf(sequence: number): number {
  return (sequence >> 2) & 7;
}
function valueOf(sequence: number): number {
  return sequence >> 5;
}

function byteAt(text: string, index: number): number {
  return HIGH_BYTE_OF[text.charCodeAt(index)]! & 0xff;
}

/** Reads the strict UTF-8 sequence (no overlongs, surrogates or code points past U+10FFFF) at `at`. */
function readSequence(text: string, at: number, end: number): number {
  const lead = byteAt(text, at);
  let need: number;
  let value: number;
  let min = 0x80;
  let max = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    need = 1;
    value = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    value = lead & 0x0f;
    if (lead === 0xe0) min = 0xa0;
    else if (lead === 0xed) max = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    value = lead & 0x07;
    if (lead === 0xf0) min = 0x90;
    else if (lead === 0xf4) max = 0x8f;
  } else {
    return pack(0, 1, NOT_A_SEQUENCE);
  }
  let length = 1;
  while (length <= need && at + length < end) {
    const byte = byteAt(text, at + length);
    if (byte < min || byte > max) break;
    value = (value << 6) | (byte & 0x3f);
    min = 0x80;
    max = 0xbf;
    length++;
  }
  if (length === need + 1) return pack(value, length, COMPLETE);
  if (length > 1) return pack(lead * 256 + byteAt(text, at + 1), length, TRUNCATED);
  return pack(0, 1, NOT_A_SEQUENCE);
}

/**
 * Three- and four-byte sequences need a lowercase accented letter followed by two or three
 * symbols, which ordinary text does not write. Two-byte sequences are an accented capital (or ß, ×)
 * followed by a symbol, which it does: „Straße“, “CAFÉ”. Those are kept only when they decode to a
 * script people write, and not when they look like a word's last letter followed by punctuation.
 */
function isTrustedSequence(text: string, at: number, sequence: number, stretchStart: number, stretchEnd: number): boolean {
  if (lengthOf(sequence) > 2) return true;
  if (!isTrustedTwoByteCodePoint(valueOf(sequence))) return false;
  if (at !== stretchStart || at + 2 !== stretchEnd || !isLetter(text, at - 1)) return true;
  const follower = text[at + 1]!;
  // An apostrophe is followed by letters too ("DAĞ’A", "CAFÉ’S"); the other marks end the word.
  if (follower === '’') return false;
  return !(WORD_FOLLOWERS.includes(follower) && !isLetter(text, at + 2));
}

/** Latin, combining marks, Greek, Cyrillic, Hebrew letters, Arabic; not C1 controls, IPA, Armenian, Syriac, Thaana, NKo. */
function isTrustedTwoByteCodePoint(codePoint: number): boolean {
  return (
    (codePoint >= 0x00a0 && codePoint <= 0x024f) ||
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x0370 && codePoint <= 0x052f) ||
    (codePoint >= 0x05d0 && codePoint <= 0x05ea) ||
    (codePoint >= 0x0600 && codePoint <= 0x06ff)
  );
}

/** Punctuation that legitimately follows a word's last letter. */
const WORD_FOLLOWERS = '…‘“”–—';

/**
 * A truncated sequence on its own is damage only where symbols and emoji start: â (U+2xxx: arrows,
 * checks, box drawing, `â€` for a lost ”), ï¸ (U+FE0x: the emoji variation selector), ðŸ/ğŸ
 * (U+1Fxxx: emoji). Other leads followed by a symbol are ordinary words ("café’s", “café”, "Dağ’a").
 */
function isLostByteDamage(leadAndSecond: number): boolean {
  const lead = leadAndSecond >> 8;
  const second = leadAndSecond & 0xff;
  return lead === 0xe2 || (lead === 0xef && second === 0xb8) || (lead === 0xf0 && second === 0x9f);
}

const LETTER = /\p{L}/u;

function isLetter(text: string, index: number): boolean {
  return index >= 0 && index < text.length && LETTER.test(text[index]!);
}

/** After these a removed run takes the blank that followed it: `**ğŸ¯ Goal**` → `**Goal**`. */
const OPENERS = '"\'([{*_`“‘«>';

function isBlank(text: string, index: number): boolean {
  const char = text[index];
  return char === ' ' || char === '\t';
}

function isLineBreak(text: string, index: number): boolean {
  const char = text[index];
  return char === '\n' || char === '\r';
}

/** Marks a sequence that lost bytes, in place of a code point. */
const LOST = -1;

/** Joins adjacent damaged sequences of one kind (repairable or not) into spans. */
class SpanCollector {
  private start = -1;
  private end = -1;
  private lost = false;
  private onlyIn1254 = false;
  /** UTF-16 code units of the repaired span, reused so that long spans cost no string per character. */
  private units = new Uint16Array(256);
  private unitCount = 0;

  constructor(
    private readonly text: string,
    private readonly spans: DamagedSpan[],
  ) {}

  add(start: number, end: number, codePoint: number): void {
    const lost = codePoint === LOST;
    if (this.start === -1 || this.end !== start || this.lost !== lost) {
      this.flush();
      this.start = start;
      this.lost = lost;
    }
    this.end = end;
    if (!lost) this.pushCodePoint(codePoint);
    for (let index = start; index < end; index++) {
      if (HIGH_BYTE_OF[this.text.charCodeAt(index)]! & ONLY_IN_1254) this.onlyIn1254 = true;
    }
  }

  flush(): void {
    if (this.start === -1) return;
    this.spans.push({
      start: this.start,
      end: this.end,
      repaired: this.lost ? undefined : this.repairedText(),
      codePage: this.onlyIn1254 ? 'windows-1254' : 'windows-1252',
    });
    this.start = -1;
    this.unitCount = 0;
    this.onlyIn1254 = false;
  }

  private pushCodePoint(codePoint: number): void {
    if (this.unitCount + 2 > this.units.length) {
      const grown = new Uint16Array(this.units.length * 2);
      grown.set(this.units);
      this.units = grown;
    }
    if (codePoint < 0x10000) {
      this.units[this.unitCount++] = codePoint;
    } else {
      const offset = codePoint - 0x10000;
      this.units[this.unitCount++] = 0xd800 + (offset >> 10);
      this.units[this.unitCount++] = 0xdc00 + (offset & 0x3ff);
    }
  }

  private repairedText(): string {
    const units = this.units;
    // Most spans are one character: skip the cost of `apply` for them.
    if (this.unitCount === 1) return String.fromCharCode(units[0]!);
    if (this.unitCount === 2) return String.fromCharCode(units[0]!, units[1]!);
    // fromCharCode takes its arguments on the stack: convert long spans in slices.
    const slice = 8192;
    let out = '';
    for (let from = 0; from < this.unitCount; from += slice) {
      const part = units.subarray(from, Math.min(from + slice, this.unitCount));
      out += String.fromCharCode.apply(null, part as unknown as number[]);
    }
    return out;
  }
}
