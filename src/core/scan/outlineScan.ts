import type { PhaseKind, PhaseStatus, Range } from '../model';
import { readCriteriaHeading } from '../parse/fields';
import { readPhaseHeading } from '../parse/headings';
import { headingMayStartPhase } from '../parse/build/placement';
import { locateId } from '../parse/build/sourceText';
import { readHeadingStatus } from '../parse/status';
import { isWeakKind } from '../ids';
import { cleanText } from '../text/clean';
import { BLANK, CONTENT, FenceTracker, isThematicBreak, plainLineLead, readAtxHeading } from '../text/markdownLines';

/** A phase heading found by the line scan, before any full parse. */
export interface OutlineHeading {
  /** 1-based. */
  line: number;
  /** The `#` count. */
  depth: number;
  id: string;
  key: string;
  kind: PhaseKind;
  title: string;
  /** The heading's text as written, without the `#` marks (the model's `Phase.heading`). */
  heading: string;
  /** Where the id is written in the heading line. */
  idRange: Range;
  /** The heading starts with the id ("P5.1.1: …") rather than naming it later. */
  idLeads: boolean;
  /** What the heading itself says of the phase (✅, "(done)", 🚧), as the parser reads it. */
  status?: PhaseStatus;
  /** The last line before the next heading as shallow or shallower, else the text's last line. */
  endLine: number;
  /** The enclosing phase heading's index in `phases`. */
  parent?: number;
}

export interface PlanOutline {
  file: string;
  /** The first heading's text, else the file's name (as `parsePlan` titles a plan). */
  title: string;
  phases: OutlineHeading[];
}

/** What remark's toString drops from a heading: code ticks, link targets, images, HTML tags. */
const INLINE_MARKUP = /!?\[([^\]]*)\]\([^)]*\)|`+|<[^>]+>/g;


/** An open heading while the lines are read: a phase (its index) or a plain section. */
interface OpenHeading {
  depth: number;
  phase?: number;
}

/**
 * The plan and phase headings of a markdown text, from one pass over its lines: no remark, so
 * about a thousand times cheaper than a parse. A cold workspace can show every plan and its
 * heading phases at once (`outlinePlan`), and refine each plan when its full parse arrives.
 * Only ATX headings outside fenced code are read, with the shared line scanner
 * (`markdownLines`) and the parser's own heading reader; phases written in lists, tables,
 * setext headings or by context (numbered sub-phases) wait for the full parse. Headings nest as
 * the parser nests them: a heading closes every open one as deep or deeper.
 */
export function scanOutline(text: string, file: string): PlanOutline {
  const phases: OutlineHeading[] = [];
  const open: OpenHeading[] = [];
  const fences = new FenceTracker('top-level');
  let title: string | undefined;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let start = bom;
  let line = 1;
  /** A section ends at its last line with content, as the parser ends it. */
  let lastContent = 0;
  const close = (depth: number, endLine: number) => {
    while (open.length > 0 && open.at(-1)!.depth >= depth) {
      const closed = open.pop()!;
      if (closed.phase !== undefined) phases[closed.phase]!.endLine = endLine;
    }
  };
  for (; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const lineStart = start;
    start = end + 1;
    // Most lines are prose or list items: what their first character (after up to three
    // spaces) says is all there is to know, without cutting the line out of the text.
    if (!fences.isOpen) {
      const lead = plainLineLead(text, lineStart, contentEnd);
      if (lead === BLANK) continue;
      if (lead === CONTENT) {
        lastContent = line;
        continue;
      }
    }
    const content = text.slice(lineStart, contentEnd);
    if (fences.step(content)) {
      lastContent = line;
      continue;
    }
    const atx = readAtxHeading(content);
    if (!atx) {
      if (content.trim() !== '' && !isThematicBreak(content)) lastContent = line;
      continue;
    }
    const written = content.slice(atx.textStart, atx.textEnd);
    const headingText = written.replace(INLINE_MARKUP, '$1');
    title ??= cleanText(headingText) || undefined;
    close(atx.level, lastContent);
    lastContent = line;
    const read = readPhaseHeading(headingText);
    const enclosing = innermostPhase(open);
    if (!read || isMoreOfKnownPhase(read.key, headingText, enclosing, phases, open)) {
      open.push({ depth: atx.level });
      continue;
    }
    // Columns count in the real text: past the byte-order mark on line 1, as the parser's do.
    const shift = line === 1 ? bom : 0;
    const lineRange = (at: number, column: number, endColumn: number): Range => ({ line: at, column: column + shift, endLine: at, endColumn: endColumn + shift });
    phases.push({
      line,
      depth: atx.level,
      id: read.id,
      key: read.key,
      kind: read.kind,
      title: read.title || cleanText(headingText),
      heading: written.trim(),
      idRange: locateId(content, read, line, lineRange),
      idLeads: read.idLeads,
      status: readHeadingStatus(headingText, read.title),
      endLine: line,
      parent: enclosing,
    });
    open.push({ depth: atx.level, phase: phases.length - 1 });
  }
  close(0, lastContent);
  return { file, title: title ?? file.split(/[\\/]/).pop() ?? file, phases: withoutScheduleHeadings(phases) };
}

/**
 * "PHASE 3 OVERVIEW" inside Phase 3's own section, a second "Phase 3" heading beside it, or
 * "Phase 3 Success Criteria" after it, is more
 * of Phase 3 and no new phase, as the parser reads it.
 */
function isMoreOfKnownPhase(key: string, headingText: string, enclosing: number | undefined, phases: readonly OutlineHeading[], open: readonly OpenHeading[]): boolean {
  if (open.some((heading) => heading.phase !== undefined && phases[heading.phase]!.key === key)) return true;
  // A second heading of a phase under the same parent is another section of it.
  if (phases.some((phase) => phase.key === key && phase.parent === enclosing)) return true;
  return !!readCriteriaHeading(cleanText(headingText))?.before && phases.some((phase) => phase.key === key);
}

function innermostPhase(open: readonly OpenHeading[]): number | undefined {
  for (let index = open.length - 1; index >= 0; index--) if (open[index]!.phase !== undefined) return open[index]!.phase;
  return undefined;
}

/**
 * A calendar heading ("## Week 2") outside every phase is a schedule, not a phase, when the plan
 * has stronger units (the parser's `headingMayStartPhase`); its sub-phases move up to its parent.
 */
function withoutScheduleHeadings(phases: OutlineHeading[]): OutlineHeading[] {
  const hasStrongPhase = phases.some((heading) => !isWeakKind(heading.kind));
  const kept = phases.map((heading) => heading.parent !== undefined || headingMayStartPhase(heading.kind, hasStrongPhase, false));
  if (kept.every(Boolean)) return phases;
  const newIndex: Array<number | undefined> = [];
  const result: OutlineHeading[] = [];
  phases.forEach((heading, index) => {
    if (!kept[index]) return;
    newIndex[index] = result.length;
    const parent = heading.parent === undefined ? undefined : newIndex[heading.parent];
    result.push({ ...heading, parent });
  });
  return result;
}
