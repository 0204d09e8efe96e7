import type { PhaseKind } from './model';

/**
 * Phase identity. Only these synonyms unify: `Phase 3` ≡ `P3` ≡ `3`, and `Milestone 1` ≡ `M1`.
 * Every other kind keeps its word: `Stage 7`, `Milestone 7` and `Phase 7` are three ids.
 */

/** `3`, `2A`, `5.1.1`, `3.5`, `0.1`; letters only as a suffix of a number part. */
export const PHASE_NUMBER = String.raw`\d{1,4}[A-Za-z]?(?:\.\d{1,4}[A-Za-z]?){0,4}`;
/** Calendar numbers may be ranges: `Week 13-14`, `Day 1-2`. */
const CALENDAR_NUMBER = String.raw`\d{1,4}(?:\s?[-–]\s?\d{1,4})?`;

const KIND_WORDS: ReadonlyArray<[PhaseKind, string]> = [
  ['phase', 'phase|fase|阶段|階段'],
  ['stage', 'stage'],
  ['milestone', 'milestone'],
  ['feature', 'feature'],
  ['epic', 'epic'],
  ['story', 'story'],
  ['sprint', 'sprint'],
  ['week', 'weeks?'],
  ['day', 'days?'],
  ['step', 'step'],
];

const CALENDAR_KINDS: ReadonlySet<PhaseKind> = new Set(['week', 'day', 'sprint', 'step']);

/** Calendar and procedural ids lose to a Phase / P / Stage / Milestone / Feature id in the same heading. */
export function isWeakKind(kind: PhaseKind): boolean {
  return CALENDAR_KINDS.has(kind);
}

export interface ParsedId {
  kind: PhaseKind;
  /** The id as the plan writes it: `2A` for "Phase 2A", `P3.1`, `Stage 1`, `M1`. */
  id: string;
  key: string;
}

/** The identity key of an id of `kind` with `number`: `phase:2a`, `milestone:1`, `week:13-14`. */
export function phaseKey(kind: PhaseKind, number: string): string {
  return `${kind}:${number.toLowerCase().replace(/\s+/g, '').replace(/–/g, '-')}`;
}

const WORD_ID = new RegExp(
  String.raw`^(?<word>${KIND_WORDS.map(([, w]) => w).join('|')})\s*(?<number>${CALENDAR_NUMBER}(?![\d.])|${PHASE_NUMBER})$`,
  'i',
);
const P_ID = new RegExp(String.raw`^P(?<number>${PHASE_NUMBER})$`, 'i');
const M_ID = new RegExp(String.raw`^M(?<number>\d{1,4}(?:\.\d{1,4})?)$`, 'i');
const BARE_ID = new RegExp(String.raw`^(?<number>${PHASE_NUMBER})$`);

function kindOfWord(word: string): PhaseKind {
  const lower = word.toLowerCase();
  for (const [kind, pattern] of KIND_WORDS) {
    if (new RegExp(`^${pattern}$`).test(lower)) return kind;
  }
  return 'phase';
}

/**
 * Reads one id token: `Phase 2A`, `P3.1`, `3`, `Stage 1`, `M1`, `Milestone 3`, `Week 13-14`.
 * Returns undefined for anything else. A bare number is accepted here; callers decide whether
 * the context allows one.
 */
export function parseIdToken(token: string): ParsedId | undefined {
  const text = token.trim();
  let match = WORD_ID.exec(text);
  if (match?.groups) {
    const kind = kindOfWord(match.groups.word!);
    const number = match.groups.number!;
    if (!isWeakKind(kind) && !new RegExp(`^${PHASE_NUMBER}$`).test(number)) return undefined;
    if (kind === 'phase') return { kind, id: number, key: phaseKey(kind, number) };
    const word = match.groups.word!;
    const canonicalWord = word[0]!.toUpperCase() + word.slice(1).toLowerCase();
    return { kind, id: `${canonicalWord} ${number}`.replace(/\s+/g, ' '), key: phaseKey(kind, number) };
  }
  match = P_ID.exec(text);
  if (match?.groups) return { kind: 'phase', id: text, key: phaseKey('phase', match.groups.number!) };
  match = M_ID.exec(text);
  if (match?.groups) return { kind: 'milestone', id: text, key: phaseKey('milestone', match.groups.number!) };
  match = BARE_ID.exec(text);
  if (match?.groups) return { kind: 'phase', id: text, key: phaseKey('phase', match.groups.number!) };
  return undefined;
}

/** The dotted parent of a phase key: `phase:5.1.1` → `phase:5.1`, `phase:3.2` → `phase:3`. */
export function parentKey(key: string): string | undefined {
  const colon = key.indexOf(':');
  const number = key.slice(colon + 1);
  const dot = number.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return `${key.slice(0, colon)}:${number.slice(0, dot)}`;
}
