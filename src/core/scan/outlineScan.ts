import { readPhaseHeading } from '../parse/headings';
import { cleanText } from '../text/clean';

/** A phase heading found by the line scan, before any full parse. */
export interface OutlineHeading {
  /** 1-based. */
  line: number;
  /** The `#` count. */
  depth: number;
  id: string;
  key: string;
  title: string;
}

export interface PlanOutline {
  file: string;
  /** The first heading's text, else the file's name (as `parsePlan` titles a plan). */
  title: string;
  phases: OutlineHeading[];
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** What remark's toString drops from a heading: code ticks, link targets, images, HTML tags. */
const INLINE_MARKUP = /!?\[([^\]]*)\]\([^)]*\)|`+|<[^>]+>/g;

/**
 * The plan and phase headings of a markdown text, from one pass over its lines: no remark, so
 * about a thousand times cheaper than a parse. A cold workspace can show every plan and its
 * heading phases at once, and refine each plan when its full parse arrives. Only ATX headings
 * outside fenced code are read, with the parser's own heading reader; phases written in lists,
 * tables, setext headings or by context (numbered sub-phases) wait for the full parse.
 */
export function scanOutline(text: string, file: string): PlanOutline {
  const phases: OutlineHeading[] = [];
  let title: string | undefined;
  let fence: { char: string; length: number } | undefined;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    if (fence) {
      const close = FENCE_CLOSE.exec(content);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const open = FENCE_OPEN.exec(content);
    if (open && (open[1]![0] === '~' || !open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    const heading = ATX_HEADING.exec(content);
    if (!heading) continue;
    const headingText = (heading[2] ?? '').replace(INLINE_MARKUP, '$1');
    title ??= cleanText(headingText) || undefined;
    const read = readPhaseHeading(headingText);
    if (read) phases.push({ line, depth: heading[1]!.length, id: read.id, key: read.key, title: read.title });
  }
  return { file, title: title ?? file.split(/[\\/]/).pop() ?? file, phases };
}
