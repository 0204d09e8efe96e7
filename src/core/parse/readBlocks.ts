import type * as MarkdownStack from './markdownStack';
import { markdownStack } from './loadMarkdownStack';
import type { Block, ListItemBlock } from './blocks';
import { closesFence, readFenceOpening } from '../text/markdownLines';

/**
 * Reads the plan model's blocks from micromark's events: the same records remark's tree gave
 * (test/unit/perf/equivalences.slow.test.ts holds them equal on the seeds, the corpus, the
 * fixtures and generated markdown; readBlocks.test.ts has the delicate cases), without building
 * the tree. Positions come from the tokens; a heading's or list
 * item's text is what `mdast-util-to-string` would give: the characters of its text, code and
 * HTML, emphasis and link syntax removed, references decoded, soft line breaks as `\n`.
 */

type Token = { type: string; start: { line: number }; end: { line: number } };
type Context = { sliceSerialize(token: Token): string };
type Event = [kind: 'enter' | 'exit', token: Token, context: Context];

export interface ReadChunk {
  blocks: Block[];
  /** The chunk ends inside unclosed code or HTML: the cut after it was wrong. */
  runsOn: boolean;
  /** Source lines of the link reference and footnote definitions found in the chunk. */
  definitions: string[];
}

let stack: typeof MarkdownStack | undefined;
let parser: ReturnType<typeof MarkdownStack.parse> | undefined;

function tokenize(text: string): Event[] {
  stack ??= markdownStack();
  // One parser for every chunk: combining the extensions' constructs cost as much as tokenizing
  // a short chunk. What a parse learns about its document (definitions, footnotes, lazy lines)
  // is reset: micromark keeps it on the parser, and the extensions read it from there.
  parser ??= stack.parse({ extensions: [stack.gfmTable(), stack.gfmTaskListItem(), stack.gfmStrikethrough(), stack.gfmFootnote()] });
  parser.defined = [];
  parser.lazy = {};
  (parser as { gfmFootnotes?: string[] }).gfmFootnotes = [];
  const events = parser.document().write(stack.preprocess()(text, undefined, true));
  // micromark's postprocess, minus the inline tokenizing of what the model never reads.
  do leaveUnreadTextUntokenized(events as unknown as Event[]);
  while (!stack.subtokenize(events));
  return events as unknown as Event[];
}

/**
 * Inline content is tokenized in rounds, after the blocks are known. The model reads the text
 * of headings and of list items' paragraphs only: the text of other paragraphs, table cells,
 * code info strings and link definitions is left as it is. Block structure and positions do not
 * depend on it: the tokenizer finds the blocks before any inline content.
 */
function leaveUnreadTextUntokenized(events: Event[]): void {
  const open: string[] = [];
  let paragraphText = false;
  for (const [kind, token] of events) {
    const type = token.type;
    if (kind === 'exit') {
      open.pop();
      continue;
    }
    const tokenWithContent = token as Token & { contentType?: string };
    if (tokenWithContent.contentType === 'string') delete tokenWithContent.contentType;
    else if (tokenWithContent.contentType === 'text' && !(open.at(-1) === 'paragraph' ? paragraphText : isHeadingText(open))) delete tokenWithContent.contentType;
    if (type === 'paragraph') paragraphText = innermostContainer(open) === 'list';
    open.push(type);
  }
}

function isHeadingText(open: readonly string[]): boolean {
  const parent = open.at(-1);
  return parent === 'atxHeadingText' || parent === 'setextHeadingText';
}

function innermostContainer(open: readonly string[]): 'list' | 'other' | undefined {
  for (let index = open.length - 1; index >= 0; index--) {
    const type = open[index]!;
    if (type === 'listOrdered' || type === 'listUnordered') return 'list';
    if (CONTAINERS.has(type)) return 'other';
  }
  return undefined;
}

/** Flow constructs and the block each becomes; everything else at flow level is layout. */
const BLOCK_OF: Record<string, Block['type'] | 'list'> = {
  atxHeading: 'heading',
  setextHeading: 'heading',
  paragraph: 'paragraph',
  listOrdered: 'list',
  listUnordered: 'list',
  codeFenced: 'code',
  codeIndented: 'code',
  htmlFlow: 'html',
  table: 'table',
  blockQuote: 'blockquote',
  thematicBreak: 'break',
  definition: 'other',
  gfmFootnoteDefinition: 'other',
};

const CONTAINERS = new Set(['listOrdered', 'listUnordered', 'blockQuote', 'gfmFootnoteDefinition']);

/** Tokens whose characters are text. */
const TEXT_TOKENS = new Set(['data', 'characterEscapeValue', 'codeTextData', 'htmlTextData', 'autolinkProtocol', 'autolinkEmail']);

/** Tokens that open a text node in remark's tree (rather than code, HTML, a break or a link). */
const TEXT_NODE_STARTS = new Set(['data', 'characterEscape', 'characterReference', 'lineEnding']);

/** Whitespace that becomes no node in remark's tree. */
const LAYOUT_TOKENS = new Set(['lineSuffix', 'whitespace', 'linePrefix', 'listItemIndent', 'blockQuotePrefix', 'blockQuoteMarker', 'blockQuotePrefixWhitespace']);

/** Inside these, nothing is text: link targets and titles, footnote calls, the task box. */
const SILENT_TOKENS = new Set(['resource', 'reference', 'gfmFootnoteCall', 'taskListCheck']);

/** Layout between list items that the end of an item is found across (as remark finds it). */
const ITEM_TRAILING = new Set(['lineEnding', 'lineEndingBlank', 'linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);

export function readBlocks(text: string, lineCount: number): ReadChunk {
  const events = tokenize(text);
  const reader = new EventReader(events);
  const blocks: Block[] = [];
  for (const enter of reader.flowChildren(-1, events.length)) {
    const block = reader.block(enter);
    if (block.line <= lineCount) blocks.push(block);
  }
  return { blocks, runsOn: reader.endsInsideOpenBlock(text, lineCount), definitions: reader.definitionLines(text, lineCount) };
}

class EventReader {
  /** For each enter event, the index of its exit. */
  private readonly exitOf: Int32Array;

  constructor(private readonly events: Event[]) {
    this.exitOf = new Int32Array(events.length);
    const open: number[] = [];
    events.forEach(([kind], index) => {
      if (kind === 'enter') open.push(index);
      else this.exitOf[open.pop()!] = index;
    });
  }

  /** Enter indices of the blocks directly between two events (a container's content is transparent). */
  flowChildren(from: number, to: number): number[] {
    const children: number[] = [];
    for (let index = from + 1; index < to; index++) {
      const [kind, token] = this.events[index]!;
      if (kind !== 'enter') continue;
      if (token.type === 'content') continue; // its paragraph and definitions are children here
      if (token.type in BLOCK_OF) children.push(index);
      index = this.exitOf[index]!;
    }
    return children;
  }

  block(enter: number): Block {
    const token = this.events[enter]![1];
    const line = token.start.line;
    const endLine = token.end.line;
    const type = BLOCK_OF[token.type]!;
    if (type === 'heading') return { type, line, endLine, depth: this.headingDepth(enter), text: this.text(enter) };
    if (type === 'list') return { type, line, endLine, items: this.items(enter) };
    return { type, line, endLine };
  }

  private headingDepth(enter: number): number {
    const exit = this.exitOf[enter]!;
    for (let index = enter + 1; index < exit; index++) {
      const [kind, token, context] = this.events[index]!;
      if (kind !== 'enter') continue;
      if (token.type === 'atxHeadingSequence') return context.sliceSerialize(token).length;
      if (token.type === 'setextHeadingLineSequence') return context.sliceSerialize(token).startsWith('=') ? 1 : 2;
    }
    return 1;
  }

  /** The list's items: each starts at a marker of this list and owns the blocks up to the next. */
  items(listEnter: number): ListItemBlock[] {
    const listExit = this.exitOf[listEnter]!;
    const starts: number[] = [];
    for (let index = listEnter + 1; index < listExit; index++) {
      const [kind, token] = this.events[index]!;
      if (kind !== 'enter') continue;
      if (token.type === 'listItemPrefix') starts.push(index);
      index = this.exitOf[index]!;
    }
    return starts.map((start, number) => this.item(start, starts[number + 1] ?? listExit));
  }

  private item(prefix: number, next: number): ListItemBlock {
    const line = this.events[prefix]![1].start.line;
    const children: ListItemBlock[] = [];
    const ownText: string[] = [];
    let contentEndLine = line;
    let checked: boolean | null = null;
    let firstParagraph = true;
    for (const child of this.flowChildren(this.exitOf[prefix]!, next)) {
      const token = this.events[child]![1];
      const type = BLOCK_OF[token.type];
      if (type === 'list') {
        children.push(...this.items(child));
        continue;
      }
      contentEndLine = Math.max(contentEndLine, token.end.line);
      if (type === 'heading') ownText.push(this.text(child));
      if (type !== 'paragraph') continue;
      let text = this.text(child);
      if (firstParagraph) {
        const check = this.taskCheck(child);
        if (check !== null) {
          checked = check;
          // The space after the box, as remark-gfm removes it: from a text node only.
          if (this.textNodeFollows(this.exitOf[child + 1]!)) text = text.slice(1);
        }
        firstParagraph = false;
      }
      ownText.push(text);
    }
    const block: ListItemBlock = { line, endLine: this.itemEndLine(next), checked, text: ownText.join('\n'), contentEndLine, children };
    return checked === null ? withKiroBox(block) : block;
  }

  /**
   * Where remark ends an item: before the line endings, blank lines and container markers that
   * precede the next item's marker (or the end of the list).
   */
  private itemEndLine(next: number): number {
    let earliestLineEnding: number | undefined;
    for (let index = next - 1; index >= 0; index--) {
      const [kind, token] = this.events[index]!;
      if (!ITEM_TRAILING.has(token.type)) break;
      if (kind === 'enter' && (token.type === 'lineEnding' || token.type === 'lineEndingBlank')) earliestLineEnding = index;
    }
    return earliestLineEnding === undefined ? this.events[next]![1].end.line : this.events[earliestLineEnding]![1].start.line;
  }

  /** True when the first inline node after an event is text in remark's tree. */
  private textNodeFollows(index: number): boolean {
    for (let next = index + 1; next < this.events.length; next++) {
      const [kind, token] = this.events[next]!;
      if (kind === 'exit' || LAYOUT_TOKENS.has(token.type)) continue;
      return TEXT_NODE_STARTS.has(token.type);
    }
    return false;
  }

  /** The state of a GFM task box at the start of a paragraph: true, false, or null for none. */
  private taskCheck(paragraph: number): boolean | null {
    const [, token] = this.events[paragraph + 1]!;
    if (token.type !== 'taskListCheck') return null;
    const exit = this.exitOf[paragraph + 1]!;
    for (let index = paragraph + 2; index < exit; index++) {
      const type = this.events[index]![1].type;
      if (type === 'taskListCheckValueChecked') return true;
      if (type === 'taskListCheckValueUnchecked') return false;
    }
    return null;
  }

  /** The plain text of a heading or paragraph. */
  text(enter: number): string {
    const exit = this.exitOf[enter]!;
    let text = '';
    let afterHardBreak = false;
    let numericBase: number | undefined;
    let inSetextLine = false;
    for (let index = enter + 1; index < exit; index++) {
      const [kind, token, context] = this.events[index]!;
      const type = token.type;
      if (kind === 'exit') {
        if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') afterHardBreak = true;
        continue;
      }
      if (SILENT_TOKENS.has(type)) {
        index = this.exitOf[index]!;
        continue;
      }
      if (type === 'setextHeadingLine') inSetextLine = true;
      if (inSetextLine) continue;
      if (TEXT_TOKENS.has(type)) {
        text += context.sliceSerialize(token);
      } else if (type === 'lineEnding') {
        if (afterHardBreak) afterHardBreak = false;
        else if (!this.endsSetextText(index)) text += context.sliceSerialize(token);
      } else if (type === 'characterReferenceMarkerNumeric') {
        numericBase = 10;
      } else if (type === 'characterReferenceMarkerHexadecimal') {
        numericBase = 16;
      } else if (type === 'characterReferenceValue') {
        const value = context.sliceSerialize(token);
        text += numericBase ? stack!.decodeNumericCharacterReference(value, numericBase) : (stack!.decodeNamedCharacterReference(value) || value);
        numericBase = undefined;
      }
    }
    return text;
  }

  /** The line ending between a setext heading's text and its underline is not text. */
  private endsSetextText(lineEnding: number): boolean {
    const previous = this.events[lineEnding - 1]!;
    return previous[0] === 'exit' && previous[1].type === 'setextHeadingText';
  }

  /** True when the last block of the chunk, however deep, is code or HTML still open at its end. */
  endsInsideOpenBlock(text: string, lineCount: number): boolean {
    let last: number | undefined = this.flowChildren(-1, this.events.length).at(-1);
    while (last !== undefined) {
      const type = this.events[last]![1].type;
      if (type === 'listOrdered' || type === 'listUnordered') {
        const listExit = this.exitOf[last]!;
        let prefix: number | undefined;
        for (let index = last + 1; index < listExit; index++) {
          if (this.events[index]![0] !== 'enter') continue;
          if (this.events[index]![1].type === 'listItemPrefix') prefix = index;
          index = this.exitOf[index]!;
        }
        // An empty last item is the last node: not code.
        last = prefix === undefined ? undefined : this.flowChildren(this.exitOf[prefix]!, listExit).at(-1);
        if (last === undefined) return false;
      } else if (CONTAINERS.has(type)) {
        last = this.flowChildren(last, this.exitOf[last]!).at(-1);
        if (last === undefined) return false;
      } else {
        break;
      }
    }
    if (last === undefined) return false;
    const token = this.events[last]![1];
    const kind = BLOCK_OF[token.type];
    if (kind !== 'code' && kind !== 'html') return false;
    const lines = text.split('\n');
    let lastContentLine = lineCount;
    while (lastContentLine > 1 && lines[lastContentLine - 1]!.trim() === '') lastContentLine--;
    const end = token.end.line;
    if (end < lastContentLine) return false;
    if (kind === 'html') return true;
    const fence = readFenceOpening(lines[token.start.line - 1] ?? '', 'nested');
    if (!fence) return false; // indented code: ends at the first column-0 line, never runs on
    const closed = end > token.start.line && closesFence(lines[end - 1] ?? '', fence, 'nested');
    return !closed;
  }

  /** Link reference and footnote definitions, at any depth, as source lines without container markers. */
  definitionLines(text: string, lineCount: number): string[] {
    const found: string[] = [];
    let lines: string[] | undefined;
    for (const [kind, token] of this.events) {
      if (kind !== 'enter' || (token.type !== 'definition' && token.type !== 'gfmFootnoteDefinition')) continue;
      const start = token.start.line;
      const end = token.type === 'definition' ? token.end.line : start;
      if (start > lineCount) continue;
      lines ??= text.split('\n');
      // Inside a container the definition's line carries the container's markers.
      found.push(lines.slice(start - 1, end).map((line) => line.replace(/^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?/, '')).join('\n'));
    }
    return found;
  }
}

/**
 * Kiro writes `[-]` or `[~]` for a task under way and `[ ]*` for an optional one; GFM reads
 * neither as a task (it wants `[ ]`/`[x]` and a space), so the box is read from the item's text.
 */
const KIRO_BOX = /^\[(?<mark>[ xX~-])\](?<optional>\*)?[ \t]+/;

export function withKiroBox(item: ListItemBlock): ListItemBlock {
  const match = KIRO_BOX.exec(item.text);
  if (!match?.groups) return item;
  const mark = match.groups.mark!;
  const kiro: ListItemBlock = { ...item, checked: mark === 'x' || mark === 'X', text: item.text.slice(match[0].length) };
  if (mark === '-' || mark === '~') kiro.inProgress = true;
  if (match.groups.optional) kiro.optional = true;
  return kiro;
}
