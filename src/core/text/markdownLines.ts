/**
 * The one line scanner for fenced code and headings, for every reader that works on lines rather
 * than on remark's tree: chunking, lint ranges and suppressions, and the text edits. It follows
 * CommonMark line by line without tracking containers, so the caller says how far a fence may
 * stand inside one (`FenceContext`). Every function here is linear in its input.
 */

/** An open fence: a closing fence needs the same character and at least the same length. */
export interface Fence {
  marker: '`' | '~';
  length: number;
}

/**
 * Where fences are looked for.
 * - `top-level`: only fences the document's own top level opens (at most three spaces of
 *   indentation, nothing before them). A column-0 heading outside such a fence is certainly a
 *   heading, which is what chunking needs.
 * - `nested`: fences inside list items and block quotes too (any indentation, after `>` marks and
 *   list markers), so that a `## heading` or a `<!-- comment -->` in a code sample inside a list
 *   is not read as real.
 */
export type FenceContext = 'top-level' | 'nested';

const OPEN: Record<FenceContext, RegExp> = {
  'top-level': /^ {0,3}(`{3,}|~{3,})(.*)$/,
  nested: /^[ \t]*(?:(?:>|(?:[-*+]|\d{1,9}[.)])[ \t])[ \t]*)*(`{3,}|~{3,})(.*)$/,
};
const CLOSE: Record<FenceContext, RegExp> = {
  'top-level': /^ {0,3}(`{3,}|~{3,})[ \t]*$/,
  nested: /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})[ \t]*$/,
};

/** The fence `line` opens, if any. */
export function readFenceOpening(line: string, context: FenceContext): Fence | undefined {
  const open = OPEN[context].exec(line);
  if (!open) return undefined;
  const run = open[1]!;
  // A backtick fence's info string may not contain backticks; otherwise it is inline code.
  if (run[0] === '`' && open[2]!.includes('`')) return undefined;
  return { marker: run[0] as Fence['marker'], length: run.length };
}

/** Whether `line` closes `fence`: the same character, at least as many, nothing after but spaces. */
export function closesFence(line: string, fence: Fence, context: FenceContext): boolean {
  const close = CLOSE[context].exec(line);
  return !!close && close[1]![0] === fence.marker && close[1]!.length >= fence.length;
}

/**
 * Fence state through a document, one line at a time. An unclosed fence runs to the end of the
 * document, as in CommonMark.
 */
export class FenceTracker {
  private fence: Fence | undefined;

  constructor(private readonly context: FenceContext) {}

  /** True while a fence is open (after its opening line, before its closing one). */
  get isOpen(): boolean {
    return this.fence !== undefined;
  }

  /** Reads the next line; true when it is fenced code, its opening and closing lines included. */
  step(line: string): boolean {
    if (this.fence) {
      if (closesFence(line, this.fence, this.context)) this.fence = undefined;
      return true;
    }
    this.fence = readFenceOpening(line, this.context);
    return this.fence !== undefined;
  }
}

const fencedOfFrozenLines = new WeakMap<readonly string[], Partial<Record<FenceContext, readonly boolean[]>>>();

/**
 * Which lines stand inside fenced code (fence lines included), fences inside containers too.
 * The answer for a frozen array (the shared lines of `splitLines`) is remembered: lint fixes ask
 * for it once per finding, and a scan per finding made n findings cost n × lines.
 */
export function fencedLines(lines: readonly string[], context: FenceContext = 'nested'): readonly boolean[] {
  const frozen = Object.isFrozen(lines);
  const known = frozen ? fencedOfFrozenLines.get(lines)?.[context] : undefined;
  if (known) return known;
  const fences = new FenceTracker(context);
  const fenced = Object.freeze(lines.map((line) => fences.step(line)));
  if (frozen) fencedOfFrozenLines.set(lines, { ...fencedOfFrozenLines.get(lines), [context]: fenced });
  return fenced;
}

/** An ATX heading line: `## Title ##`. Columns are 0-based in the line. */
export interface AtxHeading {
  level: number;
  /** Spaces before the first `#` (0 to 3). */
  indent: number;
  /** Where the heading's text starts and ends, without the marks, closing hashes and surrounding spaces. */
  textStart: number;
  textEnd: number;
}

const ATX_OPENING = /^( {0,3})(#{1,6})(?:[ \t]|$)/;

/**
 * Reads an ATX heading line as CommonMark does: up to three spaces, one to six `#`, then a space,
 * a tab or the line's end (a no-break space does not count); the closing run of `#` counts only
 * after a space or a tab, or when it is all the text there is (`### ###` is an empty heading).
 */
export function readAtxHeading(line: string): AtxHeading | undefined {
  const opening = ATX_OPENING.exec(line);
  if (!opening) return undefined;
  const afterMarks = opening[1]!.length + opening[2]!.length;
  let start = afterMarks;
  while (start < line.length && isSpaceOrTab(line[start]!)) start++;
  let end = line.length;
  while (end > start && isSpaceOrTab(line[end - 1]!)) end--;
  let hashes = end;
  while (hashes > start && line[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === start || isSpaceOrTab(line[hashes - 1]!))) {
    end = hashes;
    while (end > start && isSpaceOrTab(line[end - 1]!)) end--;
  }
  return { level: opening[2]!.length, indent: opening[1]!.length, textStart: start, textEnd: end };
}

/** The text of an ATX heading line, or undefined when the line is not one. */
export function atxHeadingText(line: string): string | undefined {
  const heading = readAtxHeading(line);
  return heading ? line.slice(heading.textStart, heading.textEnd) : undefined;
}

function isSpaceOrTab(char: string): boolean {
  return char === ' ' || char === '\t';
}

const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/** A setext underline: `===` (level 1) or `---` (level 2), at most three spaces in. */
export function isSetextUnderline(line: string): boolean {
  return SETEXT_UNDERLINE.test(line);
}

/**
 * The last line (1-based) of the heading on `line`: the line itself, or the underline below a
 * setext heading's text. A byte-order mark before a heading on the first line is not part of it.
 */
export function headingEndLine(lines: readonly string[], line: number): number {
  const text = (lines[line - 1] ?? '').replace(/^\uFEFF/, '');
  return !readAtxHeading(text) && isSetextUnderline(lines[line] ?? '') ? line + 1 : line;
}

export interface HeadingLine {
  line: number;
  level: number;
}

/** A line that starts something other than a paragraph, so no underline below it makes a heading. */
const NOT_PARAGRAPH = /^\s*(?:$|[-*+>|#]|\d+[.)]\s)/;

/** Every heading outside fenced code, ATX and setext, in document order (1-based lines). */
export function headingOutline(lines: readonly string[]): HeadingLine[] {
  const fenced = fencedLines(lines);
  const outline: HeadingLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const atx = readAtxHeading(lines[index]!);
    if (atx) {
      outline.push({ line: index + 1, level: atx.level });
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(lines[index + 1] ?? '');
    if (underline && !fenced[index + 1] && !NOT_PARAGRAPH.test(lines[index]!)) {
      outline.push({ line: index + 1, level: underline[1]![0] === '=' ? 1 : 2 });
      index++;
    }
  }
  return outline;
}

export const BLANK = 0;
export const CONTENT = 1;
export const LOOK_CLOSER = 2;

/**
 * Outside a fence: BLANK for a line of at most three spaces, CONTENT for one whose first
 * character after up to three spaces is printable ASCII that starts no heading (`#`), fence
 * (`` ` ``, `~`) or thematic break (`-`, `*`, `_`); else LOOK_CLOSER. Exactly what
 * `readFenceOpening('top-level')`, `readAtxHeading`, `isThematicBreak` and a blank test would
 * say of those lines (the patterns above), for a scan that reads `text` from `start` to `end`
 * (one line, without its break) at the cost of one character.
 */
export function plainLineLead(text: string, start: number, end: number): typeof BLANK | typeof CONTENT | typeof LOOK_CLOSER {
  let at = start;
  while (at < end && at - start < 3 && text.charCodeAt(at) === 32) at++;
  if (at === end) return BLANK;
  const code = text.charCodeAt(at);
  if (code <= 32 || code >= 127) return LOOK_CLOSER;
  // # ` ~ - * _
  if (code === 35 || code === 96 || code === 126 || code === 45 || code === 42 || code === 95) return LOOK_CLOSER;
  return CONTENT;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** `---`, `***`, `___`: a divider between sections, not content of the one above. */
export function isThematicBreak(line: string): boolean {
  return THEMATIC_BREAK.test(line);
}
