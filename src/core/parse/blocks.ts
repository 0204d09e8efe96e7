import type * as MarkdownStack from './markdownStack';
import { toString } from 'mdast-util-to-string';
import type { Code, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { runToEnd } from '../steps';
import { splitIntoChunks, type Chunk } from './chunks';
import { closesFence, readAtxHeading, readFenceOpening } from '../text/markdownLines';

/**
 * The few facts the plan model needs from mdast, as small plain records with absolute
 * 1-based lines. The mdast itself is dropped as soon as a chunk is read: it is large
 * (positions alone are ~40% of it) and the model never needs it again.
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

let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
  // Required on the first parse, not when this module loads: evaluating the remark stack was
  // almost all of the extension's activation time, and a warm start may never parse at all.
  const { unified, remarkParse, remarkGfm } = require('./markdownStack') as typeof MarkdownStack;
  const processor = unified().use(remarkParse).use(remarkGfm).freeze();
  withoutAutolinkLiteralTransform(processor.data('fromMarkdownExtensions'));
  return processor;
}

/**
 * GFM's autolink literals ("www.example.com", "ops@example.com" in running text) become links
 * in a tree transform that runs after every parse and walks every text node: 10–15% of remark's
 * time on plans. The plan model reads text through `toString`, which gives the same characters
 * whether such a literal is a link or plain text, and reads no inline node's position; so the
 * transform is dropped. The extension is recognised by its `literalAutolink` handlers (names
 * that survive minification); the micromark side of the extension is left as it is.
 */
function withoutAutolinkLiteralTransform(extensions: unknown): void {
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    const extension = value as { enter?: Record<string, unknown>; transforms?: unknown[] } | undefined;
    if (extension?.enter && 'literalAutolink' in extension.enter && Array.isArray(extension.transforms)) extension.transforms = [];
  };
  visit(extensions);
}

export function parseMarkdown(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text) as Root;
}

export interface ParsedChunk {
  /** The chunk's source text; the cache key for incremental re-parsing. */
  text: string;
  /** Blocks with lines relative to the chunk (1-based within the chunk). */
  blocks: Block[];
  /** The chunk ends inside unclosed code or HTML: the cut after it was wrong. */
  runsOn: boolean;
  /** Source lines of the link reference and footnote definitions remark found in the chunk. */
  definitions: string[];
}

/**
 * Reads a chunk's blocks. `definitions` (link reference and footnote definition lines of the
 * whole document) are appended so that references resolve as they would in a full parse;
 * they sit after the chunk's content and do not move any of its positions.
 */
export function parseChunk(text: string, definitions = ''): ParsedChunk {
  const source = definitions ? `${text}\n\n${definitions}` : text;
  let root: Root;
  try {
    root = parseMarkdown(source);
  } catch {
    // remark-gfm's tree walks recurse; thousands of nested containers exhaust the stack.
    // Such a chunk holds no plan structure a reader could use: keep its headings only.
    return { text, blocks: scanHeadings(text), runsOn: false, definitions: [] };
  }
  const lineCount = countLines(text);
  const blocks: Block[] = [];
  for (const node of root.children) {
    const block = toBlock(node);
    if (block && block.line <= lineCount) blocks.push(block);
  }
  return { text, blocks, runsOn: endsInsideOpenBlock(root, text, lineCount), definitions: definitionLines(root, text, lineCount) };
}

function definitionLines(root: Root, text: string, lineCount: number): string[] {
  const found: string[] = [];
  let lines: string[] | undefined;
  const visit = (nodes: readonly Nodes[]) => {
    for (const node of nodes) {
      if (node.type === 'definition' || node.type === 'footnoteDefinition') {
        const start = lineOf(node, 'start');
        const end = node.type === 'definition' ? lineOf(node, 'end') : start;
        if (start && start <= lineCount) {
          lines ??= text.split('\n');
          // Inside a container the definition's line carries the container's markers.
          found.push(lines.slice(start - 1, end).map((line) => line.replace(/^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/, '')).join('\n'));
        }
      } else if ('children' in node) {
        visit(node.children as Nodes[]);
      }
    }
  };
  visit(root.children);
  return found;
}

function scanHeadings(text: string): Block[] {
  const blocks: Block[] = [];
  text.split('\n').forEach((line, index) => {
    const heading = readAtxHeading(line);
    if (heading?.indent === 0) blocks.push({ type: 'heading', line: index + 1, endLine: index + 1, depth: heading.level, text: line.slice(heading.textStart, heading.textEnd) });
  });
  return blocks;
}

function countLines(text: string): number {
  let count = 1;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

function lineOf(node: Nodes | undefined, edge: 'start' | 'end'): number {
  return node?.position?.[edge].line ?? 0;
}

function toBlock(node: RootContent): Block | undefined {
  const line = lineOf(node, 'start');
  const endLine = lineOf(node, 'end') || line;
  if (!line) return undefined;
  switch (node.type) {
    case 'heading':
      return { type: 'heading', line, endLine, depth: (node as Heading).depth, text: toString(node) };
    case 'paragraph':
      return { type: 'paragraph', line, endLine };
    case 'list':
      return { type: 'list', line, endLine, items: toItems(node as List) };
    case 'code':
      return { type: 'code', line, endLine };
    case 'html':
      return { type: 'html', line, endLine };
    case 'table':
      return { type: 'table', line, endLine };
    case 'blockquote':
      return { type: 'blockquote', line, endLine };
    case 'thematicBreak':
      return { type: 'break', line, endLine };
    default:
      return { type: 'other', line, endLine };
  }
}

function toItems(list: List): ListItemBlock[] {
  const items: ListItemBlock[] = [];
  for (const item of list.children) {
    const line = lineOf(item, 'start');
    if (!line) continue;
    items.push(toItem(item, line));
  }
  return items;
}

function toItem(item: ListItem, line: number): ListItemBlock {
  const children: ListItemBlock[] = [];
  const ownText: string[] = [];
  let contentEndLine = line;
  for (const child of item.children) {
    if (child.type === 'list') {
      children.push(...toItems(child));
    } else if (child.type === 'paragraph' || child.type === 'heading') {
      ownText.push(toString(child as Paragraph));
      contentEndLine = Math.max(contentEndLine, lineOf(child, 'end'));
    } else {
      contentEndLine = Math.max(contentEndLine, lineOf(child, 'end'));
    }
  }
  const block: ListItemBlock = {
    line,
    endLine: lineOf(item, 'end') || line,
    checked: typeof item.checked === 'boolean' ? item.checked : null,
    text: ownText.join('\n'),
    contentEndLine,
    children,
  };
  return block.checked === null ? withKiroBox(block) : block;
}

/**
 * Kiro writes `[-]` or `[~]` for a task under way and `[ ]*` for an optional one; GFM reads
 * neither as a task (it wants `[ ]`/`[x]` and a space), so the box is read from the item's text.
 */
const KIRO_BOX = /^\[(?<mark>[ xX~-])\](?<optional>\*)?[ \t]+/;

function withKiroBox(item: ListItemBlock): ListItemBlock {
  const match = KIRO_BOX.exec(item.text);
  if (!match?.groups) return item;
  const mark = match.groups.mark!;
  const kiro: ListItemBlock = { ...item, checked: mark === 'x' || mark === 'X', text: item.text.slice(match[0].length) };
  if (mark === '-' || mark === '~') kiro.inProgress = true;
  if (match.groups.optional) kiro.optional = true;
  return kiro;
}

/** True when the chunk's last block is code or HTML that did not close before the chunk ended. */
function endsInsideOpenBlock(root: Root, text: string, lineCount: number): boolean {
  let node: Nodes | undefined = root.children.at(-1);
  while (node && 'children' in node && node.children.length > 0 && node.type !== 'paragraph' && node.type !== 'heading') {
    node = (node.children as Nodes[]).at(-1);
  }
  if (!node || (node.type !== 'code' && node.type !== 'html')) return false;
  const end = lineOf(node, 'end');
  const lines = text.split('\n');
  let lastContentLine = lineCount;
  while (lastContentLine > 1 && lines[lastContentLine - 1]!.trim() === '') lastContentLine--;
  if (end < lastContentLine) return false;
  if (node.type === 'html') return true;
  const code = node as Code;
  const first = lines[lineOf(code, 'start') - 1] ?? '';
  const fence = readFenceOpening(first, 'nested');
  if (!fence) return false; // indented code: ends at the first column-0 line, never runs on
  const closed = end > lineOf(code, 'start') && closesFence(lines[end - 1] ?? '', fence, 'nested');
  return !closed;
}

export interface DocumentBlocks {
  blocks: Block[];
  chunks: ParsedChunk[];
}

export type ChunkCache = Map<string, ParsedChunk>;

/**
 * Parses a document chunk by chunk (see chunks.ts) and returns its blocks with absolute lines.
 * A `cache` of chunks from an earlier version makes re-parsing after an edit cost only the
 * chunks that changed.
 */
export function parseBlocks(lines: readonly string[], cache?: ChunkCache, wholeDocument = false): DocumentBlocks {
  return runToEnd(parseBlocksInSteps(lines, cache, wholeDocument));
}

/**
 * `parseBlocks` one chunk at a time: the generator pauses after each chunk remark actually
 * parses (cache hits do not pause), so a caller can yield to its event loop between chunks.
 */
export function* parseBlocksInSteps(lines: readonly string[], cache?: ChunkCache, wholeDocument = false): Generator<void, DocumentBlocks, void> {
  const cuts = wholeDocument ? [{ startLine: 0, endLine: lines.length }] : splitIntoChunks(lines);
  let parsed = yield* readChunks(lines, cuts, '', cache);
  // Link reference and footnote definitions resolve document-wide: when chunks define any,
  // read the chunks again with all of them appended, as a whole-document parse would see them.
  const definitions = parsed.flatMap((entry) => entry.result.definitions);
  if (definitions.length > 0 && parsed.length > 1) parsed = yield* readChunks(lines, cuts, definitions.join('\n\n'), cache);
  const blocks: Block[] = [];
  for (const { chunk, result } of parsed) {
    for (const block of result.blocks) blocks.push(shift(block, chunk.startLine));
  }
  return { blocks, chunks: parsed.map((entry) => entry.result) };
}

function* readChunks(lines: readonly string[], cuts: readonly Chunk[], definitions: string, cache?: ChunkCache) {
  const parsed: { chunk: Chunk; result: ParsedChunk }[] = [];
  let index = 0;
  while (index < cuts.length) {
    let chunk = cuts[index]!;
    let result = yield* readChunk(lines, chunk, definitions, cache);
    // A cut inside code that remark saw continuing: merge with the next chunk and read again.
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
 * remark's cost on one huge paragraph grows faster than its length.
 */
const MAX_PARSED_LINE = 10_000;

/**
 * Indentation beyond this is cut before parsing. Real plans nest a handful of levels; hundreds
 * of levels make remark's list handling quadratic (1,000 levels took over a minute).
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
  const slice = lines.slice(chunk.startLine, chunk.endLine);
  const needsBounds = slice.some((line) => line.length > MAX_PARSED_INDENT && (line.length > MAX_PARSED_LINE || /^[ \t>]{33}/.test(line)));
  const text = needsBounds ? slice.map(boundLine).join('\n') : slice.join('\n');
  const key = definitions ? `${definitions}\u0000${text}` : text;
  const cached = cache?.get(key);
  if (cached) return cached;
  const result = parseChunk(text, definitions);
  cache?.set(key, result);
  yield;
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
