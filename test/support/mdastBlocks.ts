import { toString } from 'mdast-util-to-string';
import type { Code, Heading, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Block, ListItemBlock } from '../../src/core/parse/blocks';
import { closesFence, readFenceOpening } from '../../src/core/text/markdownLines';
import { withKiroBox } from '../../src/core/parse/readBlocks';

/**
 * The reference the block reader is held to: the plan model's blocks read from remark's syntax
 * tree (mdast-util-from-markdown, as remark-parse runs it, with the GFM constructs the reader
 * tokenizes; mdast-util-to-string for text), as PhaseLens read them before it read micromark's
 * events directly (src/core/parse/readBlocks.ts). Kiro's boxes are read from the item text after either
 * reader, with the one `withKiroBox`.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfmTable(), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown()],
  });
}

export interface MdastChunk {
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
export function parseChunkWithRemark(text: string, definitions = ''): MdastChunk {
  const source = definitions ? `${text}\n\n${definitions}` : text;
  const root = parseMarkdown(source);
  const lineCount = text.split('\n').length;
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

