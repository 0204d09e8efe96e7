import { runToEnd } from '../steps';
import { splitIntoChunks, type Chunk } from './chunks';
import { readAtxHeading } from '../text/markdownLines';
import { countLines } from '../edits/text';
import { readBlocks, type ReadChunk } from './readBlocks';

/**
 * The few facts the plan model needs from the markdown, as small plain records with absolute
 * 1-based lines, read from the tokenizer's events (readBlocks.ts) without building a syntax
 * tree: the model never needed one.
 */
export type Block = HeadingBlock | ParagraphBlock | ListBlock | OpaqueBlock;

export interface HeadingBlock {
  type: 'heading';
  line: number;
  endLine: number;
  depth: number;
  /** Plain text (emphasis and code marks removed, not yet cleaned of emoji or mojibake). */
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  line: number;
  endLine: number;
}

export interface ListBlock {
  type: 'list';
  line: number;
  endLine: number;
  items: ListItemBlock[];
}

export interface ListItemBlock {
  line: number;
  endLine: number;
  /** GFM task state: true/false for `[x]`/`[ ]`, null for a plain item. Kiro's `[-]`/`[~]` are false. */
  checked: boolean | null;
  /** Kiro's `[-]` / `[~]`: the task is under way. */
  inProgress?: boolean;
  /** Kiro's `[ ]*`: an optional task. */
  optional?: boolean;
  /**
   * Plain text of the item's own content, nested lists excluded. Soft line breaks stay as
   * `\n`, so line `i` of the text is source line `line + i` of the first paragraph.
   */
  text: string;
  /** Last line of the item's own content (before any nested list). */
  contentEndLine: number;
  children: ListItemBlock[];
}

/** Code, HTML, tables, thematic breaks, blockquotes: content that is never a task or a field. */
export interface OpaqueBlock {
  type: 'code' | 'html' | 'table' | 'blockquote' | 'break' | 'other';
  line: number;
  endLine: number;
}

export interface ParsedChunk extends ReadChunk {
  /** The chunk's source text; the cache key for incremental re-parsing. */
  text: string;
}

/**
 * Reads a chunk's blocks. `definitions` (link reference and footnote definition lines of the
 * whole document) are appended so that references resolve as they would in a full parse;
 * they sit after the chunk's content and do not move any of its positions.
 */
export function parseChunk(text: string, definitions = ''): ParsedChunk {
  const source = definitions ? `${text}\n\n${definitions}` : text;
  try {
    return { text, ...readBlocks(source, countLines(text)) };
  } catch {
    // Thousands of nested containers can exhaust the tokenizer's stack. Such a chunk holds no
    // plan structure a reader could use: keep its headings only.
    return { text, blocks: scanHeadings(text), runsOn: false, definitions: [] };
  }
}

function scanHeadings(text: string): Block[] {
  const blocks: Block[] = [];
  text.split('\n').forEach((line, index) => {
    const heading = readAtxHeading(line);
    if (heading?.indent === 0) blocks.push({ type: 'heading', line: index + 1, endLine: index + 1, depth: heading.level, text: line.slice(heading.textStart, heading.textEnd) });
  });
  return blocks;
}


export interface DocumentBlocks {
  blocks: Block[];
  chunks: ParsedChunk[];
}

/** Parsed chunks by their text; a cache that also knows which lines made each can skip the join. */
export interface ChunkCache {
  get(text: string): ParsedChunk | undefined;
  set(text: string, chunk: ParsedChunk): unknown;
  /**
   * The chunk parsed from these very lines (`lines[start…end)`, equal line by line), found
   * without joining them: after a keystroke every other chunk's lines are the previous
   * version's strings, and joining and hashing them all again was a tenth of the keystroke.
   */
  withLines?(lines: readonly string[], start: number, end: number): ParsedChunk | undefined;
  /** Remembers that `lines[start…end)` make the chunk cached under `text`, for `withLines`. */
  noteLines?(lines: readonly string[], start: number, end: number, text: string): void;
  /** `splitIntoChunks(lines)`, found from the cuts of the last lines it was told of (`noteCuts`), if any. */
  cutsOf?(lines: readonly string[]): Chunk[] | undefined;
  /** Remembers the cuts of `lines`, for `cutsOf` on the next version. */
  noteCuts?(lines: readonly string[], cuts: readonly Chunk[]): void;
}

/**
 * Parses a document chunk by chunk (see chunks.ts) and returns its blocks with absolute lines.
 * A `cache` of chunks from an earlier version makes re-parsing after an edit cost only the
 * chunks that changed.
 */
export function parseBlocks(lines: readonly string[], cache?: ChunkCache, wholeDocument = false): DocumentBlocks {
  return runToEnd(parseBlocksInSteps(lines, cache, wholeDocument));
}

/**
 * `parseBlocks` one chunk at a time: the generator pauses after each chunk the tokenizer actually
 * parses (cache hits do not pause), so a caller can yield to its event loop between chunks.
 */
export function* parseBlocksInSteps(lines: readonly string[], cache?: ChunkCache, wholeDocument = false): Generator<void, DocumentBlocks, void> {
  let cuts: Chunk[];
  if (wholeDocument) cuts = [{ startLine: 0, endLine: lines.length }];
  else {
    cuts = cache?.cutsOf?.(lines) ?? splitIntoChunks(lines);
    cache?.noteCuts?.(lines, cuts);
  }
  let parsed = yield* readChunks(lines, cuts, '', cache);
  // Link reference and footnote definitions resolve document-wide: when chunks define any,
  // read the chunks again with all of them appended, as a whole-document parse would see them.
  const definitions = parsed.flatMap((entry) => entry.result.definitions);
  if (definitions.length > 0 && parsed.length > 1) parsed = yield* readChunks(lines, cuts, definitions.join('\n\n'), cache);
  const blocks: Block[] = [];
  for (const { chunk, result } of parsed) {
    for (const block of blocksAt(result, chunk.startLine)) blocks.push(block);
  }
  return { blocks, chunks: parsed.map((entry) => entry.result) };
}

/**
 * A chunk's blocks moved to absolute lines, remembered per chunk: after a keystroke every chunk
 * but the edited one is where it was, and copying each of their blocks and items again was
 * most of what a keystroke allocated. Blocks are shared between versions, so read-only (the
 * first chunk's always were: its offset is 0).
 */
const shiftedBlocks = new WeakMap<ParsedChunk, { offset: number; blocks: readonly Block[] }>();

function blocksAt(result: ParsedChunk, offset: number): readonly Block[] {
  if (offset === 0) return result.blocks;
  const known = shiftedBlocks.get(result);
  if (known?.offset === offset) return known.blocks;
  const blocks = result.blocks.map((block) => shift(block, offset));
  shiftedBlocks.set(result, { offset, blocks });
  return blocks;
}

function* readChunks(lines: readonly string[], cuts: readonly Chunk[], definitions: string, cache?: ChunkCache) {
  const parsed: { chunk: Chunk; result: ParsedChunk }[] = [];
  let index = 0;
  while (index < cuts.length) {
    let chunk = cuts[index]!;
    let result = yield* readChunk(lines, chunk, definitions, cache);
    // A cut inside code that the tokenizer saw continuing: merge with the next chunk and read again.
    while (result.runsOn && index + 1 < cuts.length) {
      index++;
      chunk = { startLine: chunk.startLine, endLine: cuts[index]!.endLine };
      result = yield* readChunk(lines, chunk, definitions, cache);
    }
    parsed.push({ chunk, result });
    index++;
  }
  return parsed;
}

/**
 * Lines longer than this are cut before parsing: no heading, task or field is that long, and
 * the tokenizer's cost on one huge paragraph grows faster than its length.
 */
const MAX_PARSED_LINE = 10_000;

/**
 * Indentation beyond this is cut before parsing. Real plans nest a handful of levels; hundreds
 * of levels make the tokenizer's list handling quadratic (1,000 levels took over a minute).
 */
const MAX_PARSED_INDENT = 32;

function boundLine(line: string): string {
  let bounded = line.length > MAX_PARSED_LINE ? line.slice(0, MAX_PARSED_LINE) : line;
  if (bounded.length > MAX_PARSED_INDENT && /^[ \t>]{33}/.test(bounded)) {
    const indent = /^[ \t>]*/.exec(bounded)![0];
    bounded = indent.slice(0, MAX_PARSED_INDENT) + bounded.slice(indent.length);
  }
  return bounded;
}

function* readChunk(lines: readonly string[], chunk: Chunk, definitions: string, cache?: ChunkCache): Generator<void, ParsedChunk, void> {
  // The same lines make the same text, bounded or not; definitions are part of the key.
  const sameLines = definitions ? undefined : cache?.withLines?.(lines, chunk.startLine, chunk.endLine);
  if (sameLines) return sameLines;
  const slice = lines.slice(chunk.startLine, chunk.endLine);
  const needsBounds = slice.some((line) => line.length > MAX_PARSED_INDENT && (line.length > MAX_PARSED_LINE || /^[ \t>]{33}/.test(line)));
  const text = needsBounds ? slice.map(boundLine).join('\n') : slice.join('\n');
  const key = definitions ? `${definitions}\u0000${text}` : text;
  let result = cache?.get(key);
  if (!result) {
    result = parseChunk(text, definitions);
    cache?.set(key, result);
    yield;
  }
  if (!definitions) cache?.noteLines?.(lines, chunk.startLine, chunk.endLine, key);
  return result;
}

function shift<T extends Block>(block: T, offset: number): T {
  if (offset === 0) return block;
  const moved = { ...block, line: block.line + offset, endLine: block.endLine + offset };
  if (moved.type === 'list') (moved as ListBlock).items = (moved as ListBlock).items.map((item) => shiftItem(item, offset));
  return moved;
}

function shiftItem(item: ListItemBlock, offset: number): ListItemBlock {
  return {
    ...item,
    line: item.line + offset,
    endLine: item.endLine + offset,
    contentEndLine: item.contentEndLine + offset,
    children: item.children.map((child) => shiftItem(child, offset)),
  };
}
