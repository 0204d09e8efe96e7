import { FenceTracker, readAtxHeading } from '../text/markdownLines';

/**
 * Cuts a document into chunks that remark can parse independently: each chunk after the first
 * starts at a column-0 ATX heading that is outside fenced code, HTML blocks and comments.
 *
 * Why: remark's cost per byte grows with the document (ARCHITECTURE.md, performance facts), and unchanged chunks can
 * be reused after an edit. A column-0 `#` heading closes every open container (lists,
 * blockquotes, fences inside list items), so a cut there cannot change how the rest parses;
 * the only constructs that survive such a line are top-level fences, HTML blocks and comments,
 * which this scan tracks. `parseBlocks` double-checks each cut and merges chunks when remark
 * disagrees, so a scan mistake costs speed, never correctness.
 *
 * Long stretches without headings are also cut after a blank line, before a line that starts
 * at column 0 and is not a list item: no block continues across that pair except fences and
 * HTML (tracked). A list is never cut: its items are read together (a Kiro task tree makes every
 * numbered item a phase once one of them has numbered subtasks).
 */

/**
 * A chunk longer than this is cut at the next blank-line boundary outside a list, so no parse
 * grows large and a keystroke in a long stretch without headings re-reads a few lines only.
 */
const SOFT_CHUNK_LINES = 12;

/**
 * A heading closer than this to the chunk's start does not cut: every remark parse has a fixed
 * cost (tokenizer setup, the event walk), and plans full of short sections would pay it for
 * every few lines. Small enough that a keystroke re-reads few lines: at 12 instead of 30 the
 * bench's keystroke in a 2,000-line plan cost ~5.0 ms instead of ~5.8, and whole parses stayed
 * as fast. Counted in lines, so typing inside a line never moves a cut.
 */
const MIN_CHUNK_LINES = 12;

export interface Chunk {
  /** 0-based index of the chunk's first line in the document. */
  startLine: number;
  /** 0-based, exclusive. */
  endLine: number;
}

/**
 * A column-0 list item after a blank line continues the list above it: cutting there would read
 * one list as two, and a reader that looks at a list as a whole (numbered items as phases, as in
 * Kiro's tasks.md) would see each half alone. Every item start, an empty one ("-") included.
 */
const LIST_ITEM_START = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

const HTML_COMMENT_OPEN = /^ {0,3}<!--/;
const HTML_RAW_OPEN = /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i;
const HTML_BLOCK_OPEN = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:\s|\/?>|$)/;
const HTML_SPECIAL_OPEN = /^ {0,3}<[?!]/;

export function splitIntoChunks(lines: readonly string[]): Chunk[] {
  return chunksStartingAt([0, ...cutsFrom(lines, 0)], lines.length);
}

/** Where a new version's lines differ from the last one's: `[firstChanged, endChanged)` now, `lineDelta` more lines than before. */
export interface LineEdit {
  firstChanged: number;
  endChanged: number;
  lineDelta: number;
}

/**
 * `splitIntoChunks(lines)` for a new version of a document, from the last version's chunks:
 * a cut depends only on the lines before it (at a cut no fence or HTML block is open), so the
 * cuts before the edit stand; the scan resumes at the last of them and stops at its first cut
 * after the edit that the last version also had (from there both read the same lines the
 * same way), taking the rest of the old cuts, moved. A keystroke scans a few chunks, not the text.
 */
export function splitIntoChunksAfterEdit(lines: readonly string[], previous: readonly Chunk[], edit: LineEdit): Chunk[] {
  const oldStarts = previous.map((chunk) => chunk.startLine);
  const starts = oldStarts.filter((start) => start < edit.firstChanged);
  const resume = starts.pop() ?? 0;
  starts.push(resume);
  const oldCuts = new Set(oldStarts);
  for (const cut of cutsFrom(lines, resume)) {
    const old = cut - edit.lineDelta;
    if (cut >= edit.endChanged && oldCuts.has(old)) {
      for (const start of oldStarts) if (start >= old) starts.push(start + edit.lineDelta);
      return chunksStartingAt(starts, lines.length);
    }
    starts.push(cut);
  }
  return chunksStartingAt(starts, lines.length);
}

/** Where `lines` differ from `before`, by a comparison from both ends (carried-over lines are the same strings). */
export function lineEditBetween(before: readonly string[], lines: readonly string[]): LineEdit {
  const shorter = Math.min(before.length, lines.length);
  let first = 0;
  while (first < shorter && lines[first] === before[first]) first++;
  let same = 0;
  while (same < shorter - first && lines[lines.length - 1 - same] === before[before.length - 1 - same]) same++;
  return { firstChanged: first, endChanged: lines.length - same, lineDelta: lines.length - before.length };
}

function chunksStartingAt(starts: readonly number[], lineCount: number): Chunk[] {
  return starts.map((startLine, index) => ({ startLine, endLine: starts[index + 1] ?? lineCount }));
}

/** The lines after `from` (a chunk start) where a new chunk starts, in order. */
function* cutsFrom(lines: readonly string[], from: number): Generator<number, void, void> {
  let start = from;
  // Only the top level's own fences: a column-0 heading ends any list item or quote a fence stood in.
  const fences = new FenceTracker('top-level');
  let rawHtmlEnd: RegExp | undefined;
  let htmlBlockOpen = false;

  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    if (fences.isOpen) {
      fences.step(line);
      continue;
    }
    if (rawHtmlEnd) {
      if (rawHtmlEnd.test(line)) rawHtmlEnd = undefined;
      continue;
    }
    if (htmlBlockOpen) {
      if (line.trim() === '') htmlBlockOpen = false;
      continue;
    }
    if (index - start >= MIN_CHUNK_LINES && readAtxHeading(line)?.indent === 0) {
      yield index;
      start = index;
      continue;
    }
    if (index - start >= SOFT_CHUNK_LINES && /^\S/.test(line) && !LIST_ITEM_START.test(line) && lines[index - 1]!.trim() === '') {
      yield index;
      start = index;
    }
    if (fences.step(line)) continue;
    if (HTML_COMMENT_OPEN.test(line)) {
      if (!line.includes('-->')) rawHtmlEnd = /-->/;
      continue;
    }
    if (HTML_RAW_OPEN.test(line)) {
      if (!/<\/(?:script|pre|style|textarea)>/i.test(line)) rawHtmlEnd = /<\/(?:script|pre|style|textarea)>/i;
      continue;
    }
    if (HTML_SPECIAL_OPEN.test(line)) {
      const end = line.startsWith('<?', line.indexOf('<')) ? /\?>/ : /\]\]>|>/;
      if (!end.test(line.slice(line.indexOf('<') + 2))) rawHtmlEnd = end;
      continue;
    }
    if (HTML_BLOCK_OPEN.test(line)) htmlBlockOpen = true;
  }
}
