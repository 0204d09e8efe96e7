import { rememberRecent } from '../text/recent';
import { isWeakKind, parentKey, parseCodedId, parseIdToken, type ParsedId, PHASE_NUMBER, QUARTER_ID, VERSION_ID } from '../ids';
import { UNIT_WORD, unitOfKind } from '../vocabulary';
import { cleanText } from '../text/clean';

/**
 * Reads a heading as a careful human reader would: which phase it names, if any.
 *
 * `Phase 2A: SQL File Execution`, `P3.1: Telemetry (Week 1-2)`, `Stage 1 – Setup`,
 * `Milestone 0 — Genesis`, `Day 1 (Monday): Kickoff`, `START HERE: P5.1.1 - PolicyGate`,
 * `Week 13-14: Security Foundation (P5.1)` (the trailing strong id wins over the calendar one),
 * `Security Architecture (Feature 2)`.
 */
export interface PhaseHeading extends ParsedId {
  /** Cleaned title without the id. */
  title: string;
  /** The id is the first thing in the heading (after decoration), not named later. */
  idLeads: boolean;
  /** The id is followed by `:`/`-`/`—` rather than running straight into words ("PHASE 3 OVERVIEW"). */
  separated: boolean;
  /** The id's text as it appears in the cleaned heading, for locating it in the source line. */
  idText: string;
}

const WORD = String.raw`(?<word>${UNIT_WORD})`;
const WORD_ID = new RegExp(
  String.raw`^${WORD}[\s\-]*#?(?:(?<=(?:phases?|fases?)[\s\-]*)P|(?<=milestones?[\s\-]*)M)?(?<number>${PHASE_NUMBER}(?:\s?[-–]\s?\d{1,4}(?![\w.]))?|[A-Z](?![\p{L}\p{N}]))`,
  'iu',
);
const SHORT_ID = new RegExp(String.raw`^(?<short>P${PHASE_NUMBER}|M\d{1,4}|${VERSION_ID}|${QUARTER_ID})(?![\w.])`, 'u');
const LEAD_DECORATION = /^(?:[\s\-–—*_#>|•·.:~]+|\[[ xX]\]\s*|\[(?=[^\]]{3,}\]))+/u;
/** A short label before the id: "START HERE: P5.1.1 - …". */
const LEAD_LABEL = /^(?<label>[A-Za-z][A-Za-z' ]{0,24}?)\s*[:：]\s+/u;
/** Text that may follow an id: end, punctuation, an opening parenthesis or (for word ids) a space. */
const SEPARATOR = /^\s*(?:$|[:：.,)\]]|[-–—|]|\()/u;
const PAREN = /\((?<inner>[^()]{1,40})\)/gu;

const COUNT_SUFFIX = /^\s*(?:\/|of(?=\s)|de(?=\s)|von(?=\s)|из(?=\s))\s*\d{1,3}(?![\d.])/iu;

function readLeadingId(text: string): { parsed: ParsedId; length: number; word: boolean } | undefined {
  const wordMatch = WORD_ID.exec(text);
  if (wordMatch?.groups) {
    const number = wordMatch.groups.number!;
    const word = wordMatch.groups.word!;
    // A range only makes sense for calendar ids ("Week 13-14"); "Phase 1A-1C" is Phase 1A.
    const parsed = parseIdToken(`${word} ${number}`) ?? parseIdToken(`${word} ${number.split(/[-–]/)[0]}`);
    if (!parsed) return undefined;
    const length = parsed.key.includes('-') ? wordMatch[0].length : wordMatch[0].length - (number.length - number.split(/[-–]/)[0]!.length);
    return { parsed, length, word: true };
  }
  const shortMatch = SHORT_ID.exec(text);
  if (shortMatch?.groups) {
    const parsed = parseIdToken(shortMatch.groups.short!);
    if (parsed) return { parsed, length: shortMatch[0].length, word: false };
  }
  return undefined;
}

function strongTrailingId(text: string): { parsed: ParsedId; index: number; length: number; inner: string } | undefined {
  let found: { parsed: ParsedId; index: number; length: number; inner: string } | undefined;
  for (const match of text.matchAll(PAREN)) {
    const inner = match.groups!.inner!.trim();
    const parsed = parseIdToken(inner);
    if (!parsed || isWeakKind(parsed.kind)) continue;
    // A bare number in parentheses is a count or a note ("(3 hours)", "(2)"), never an id; a
    // lone "(P0)".."(P3)" after a title is a priority far more often than a phase.
    if (/^\d/.test(inner) || /^P\d+$/i.test(inner)) continue;
    found = { parsed, index: match.index!, length: match[0].length, inner };
  }
  return found;
}

/** "(P3) Planning Summary" → "Planning Summary"; "(Monday): Kickoff" → "Kickoff (Monday)". */
function tidyTitle(rest: string, sameKey: string): string {
  let title = rest.replace(/^\s*[:：.\-–—|\]]*\s*/u, '');
  const lead = /^\((?<inner>[^()]*)\)\s*[:：.\-–—|]?\s*/u.exec(title);
  if (lead) {
    const inner = lead.groups!.inner!;
    const synonym = parseIdToken(inner);
    title = title.slice(lead[0].length);
    if (!synonym || synonym.key !== sameKey) title = title ? `${title} (${inner})` : `(${inner})`;
  }
  return title.replace(/\s*[:：\-–—|]+\s*$/u, '').trim();
}

/** The phase a heading's text names, if any. Remembered for recent texts (a keystroke re-reads every heading); each caller gets its own copy. */
export function readPhaseHeading(headingText: string): PhaseHeading | undefined {
  const read = readPhaseHeadingOnce(headingText);
  return read ? { ...read } : undefined;
}

const readPhaseHeadingOnce = rememberRecent(readPhaseHeadingText);

function readPhaseHeadingText(headingText: string): PhaseHeading | undefined {
  const clean = cleanText(headingText);
  let text = clean.replace(LEAD_DECORATION, '');
  let idLeads = true;
  let leading = readLeadingId(text);
  if (!leading) {
    const label = LEAD_LABEL.exec(text);
    if (label) {
      const afterLabel = text.slice(label[0].length);
      const candidate = readLeadingId(afterLabel);
      if (candidate) {
        text = afterLabel;
        leading = candidate;
        idLeads = false;
      }
    }
  }
  if (leading) {
    const range = /^\s?[-–]\s?\d{1,4}[A-Za-z]?(?=\s*(?:$|[:：\-–—(]))/u.exec(text.slice(leading.length));
    if (range) leading = { ...leading, length: leading.length + range[0].length };
    // "Phase 2/4", "Phase 1 of 5": how many phases there are, not part of the id or the title.
    const count = COUNT_SUFFIX.exec(text.slice(leading.length))?.[0].length ?? 0;
    const after = text.slice(leading.length + count);
    const separated = SEPARATOR.test(after) && !/^\s*\(/.test(after) ? /^\s*[:：.\-–—|]/.test(after) : false;
    // A short id ("P3", "M1") needs punctuation after it: "P3 Overview" is prose about P3.
    const acceptable = SEPARATOR.test(after) || (leading.word && !!unitOfKind(leading.parsed.kind)?.titleMayFollowBareId && /^\s+\S/.test(after));
    if (acceptable) {
      const trailing = isWeakKind(leading.parsed.kind) ? strongTrailingId(after) : undefined;
      if (trailing) {
        // "Week 13-14: Security Foundation (P5.1)" reads as P5.1, "Security Foundation (Week 13-14)".
        const rest = tidyTitle(`${after.slice(0, trailing.index)}${after.slice(trailing.index + trailing.length)}`, trailing.parsed.key);
        const calendar = text.slice(0, leading.length).trim();
        return { ...trailing.parsed, title: rest ? `${rest} (${calendar})` : calendar, idLeads: false, separated: true, idText: trailing.inner };
      }
      const title = tidyTitle(after, leading.parsed.key);
      return { ...leading.parsed, title, idLeads, separated, idText: text.slice(0, leading.length).trim() };
    }
  }
  const trailing = strongTrailingId(text);
  if (trailing) {
    const title = tidyTitle(`${text.slice(0, trailing.index)}${text.slice(trailing.index + trailing.length)}`.trim(), trailing.parsed.key);
    return { ...trailing.parsed, title, idLeads: false, separated: true, idText: trailing.inner };
  }
  return undefined;
}

const NUMBERED = /^(?<number>\d{1,4}(?:\.\d{1,4})+)[.:)]?\s+(?<title>\S.*)$/u;

/**
 * "### 4.1 Undo stack" under "# Phase 4" is sub-phase 4.1: a bare dotted number is an id only
 * where its prefix names the enclosing phase ("### 1. Expert Review" never is).
 */
export function readNumberedSubphase(headingText: string, enclosingKey: string): PhaseHeading | undefined {
  const text = cleanText(headingText).replace(LEAD_DECORATION, '');
  const match = NUMBERED.exec(text);
  if (!match?.groups) return undefined;
  const parsed = parseIdToken(match.groups.number!);
  if (!parsed || parentKey(parsed.key) !== enclosingKey) return undefined;
  return { ...parsed, title: tidyTitle(match.groups.title!, parsed.key), idLeads: true, separated: true, idText: match.groups.number! };
}

const CODED = /^(?<code>[A-Z]\d{1,3})(?<after>\s*(?:$|[:：.)\-–—|]\s*(?<title>.*)$))/u;

/**
 * A letter-coded heading ("S0 - Freeze + Parity Baseline", "A1: Intake"). It names a phase only
 * where the document uses several codes of the same letter at one level (see `readCodedSiblings`).
 */
export function readCodedHeading(headingText: string): PhaseHeading | undefined {
  const text = cleanText(headingText).replace(LEAD_DECORATION, '');
  const match = CODED.exec(text);
  if (!match?.groups) return undefined;
  const parsed = parseCodedId(match.groups.code!);
  if (!parsed) return undefined;
  const title = (match.groups.title ?? '').replace(/\s*[:：\-–—|]+\s*$/u, '').trim();
  return { ...parsed, title, idLeads: true, separated: true, idText: match.groups.code! };
}

/** Coded headings that are phases: two or more of one letter at one level ("## S0", "## S1"…). */
export function readCodedSiblings<T extends { depth: number; text: string }>(headings: readonly T[]): Map<T, PhaseHeading> {
  const read = new Map<T, PhaseHeading>();
  const groups = new Map<string, T[]>();
  for (const heading of headings) {
    const coded = readCodedHeading(heading.text);
    if (!coded) continue;
    read.set(heading, coded);
    const group = `${heading.depth}:${coded.idText[0]}`;
    groups.set(group, [...(groups.get(group) ?? []), heading]);
  }
  for (const members of groups.values()) {
    const codes = new Set(members.map((heading) => read.get(heading)!.key));
    if (codes.size < 2) for (const heading of members) read.delete(heading);
  }
  return read;
}
