import type { PhaseKind } from './model';
import { UNIT_WORD, unitOfKind, unitOfWord } from './vocabulary';

/**
 * Phase identity. Only these synonyms unify: `Phase 3` ≡ `P3` ≡ `3` (≡ `Fase 3`, `阶段 3`),
 * `Milestone 1` ≡ `M1`, and `Version 0.3` ≡ `v0.3`. Every other kind keeps its word: `Stage 7`,
 * `Milestone 7` and `Phase 7` are three ids. The words themselves live in `vocabulary/units.ts`.
 */

/** `3`, `2A`, `5.1.1`, `3.5`, `0.1`; letters only as a suffix of a number part. */
export const PHASE_NUMBER = String.raw`\d{1,4}[A-Za-z]?(?:\.\d{1,4}[A-Za-z]?){0,4}`;
/** Calendar numbers may be ranges: `Week 13-14`, `Day 1-2`. */
const CALENDAR_NUMBER = String.raw`\d{1,4}(?:\s?[-–]\s?\d{1,4})?`;
/** A single capital letter names a unit too: `Track A`, `Sprint B`, `Part C`. */
const LETTER_NUMBER = String.raw`[A-Z](?![\p{L}\p{N}])`;
/** `Q1 2026`, `2026 Q1`. */
export const QUARTER_ID = String.raw`(?:Q[1-4]\s+\d{4}|\d{4}\s+Q[1-4])`;
/** `v0.3.0`, `v1.1`, `v2`. */
export const VERSION_ID = String.raw`v\d{1,4}(?:\.\d{1,4}){0,3}`;

/** Calendar and procedural ids lose to a Phase / P / Stage / Milestone / Feature id in the same heading. */
export function isWeakKind(kind: PhaseKind): boolean {
  return unitOfKind(kind)?.weak ?? false;
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
  String.raw`^(?<word>${UNIT_WORD})[\s\-]*(?<number>${CALENDAR_NUMBER}(?![\d.])|${PHASE_NUMBER}|${LETTER_NUMBER})$`,
  'iu',
);
const P_ID = new RegExp(String.raw`^P(?<number>${PHASE_NUMBER})$`, 'i');
const M_ID = new RegExp(String.raw`^M(?<number>\d{1,4}(?:\.\d{1,4})?)$`, 'i');
const V_ID = new RegExp(String.raw`^${VERSION_ID}$`);
const Q_ID = new RegExp(String.raw`^${QUARTER_ID}$`, 'i');
const BARE_ID = new RegExp(String.raw`^(?<number>${PHASE_NUMBER})$`);
const CODED_ID = /^[A-Z]\d{1,3}$/;

/**
 * Reads one id token: `Phase 2A`, `P3.1`, `3`, `Stage 1`, `M1`, `Milestone 3`, `Week 13-14`,
 * `Fase 2`, `v0.3.0`, `Q1 2026`, `Track A`. Returns undefined for anything else. A bare number
 * is accepted here; callers decide whether the context allows one.
 */
export function parseIdToken(token: string): ParsedId | undefined {
  const text = token.trim();
  let match = WORD_ID.exec(text);
  if (match?.groups) {
    const word = match.groups.word!;
    const unit = unitOfWord(word);
    if (!unit) return undefined;
    const kind = unit.kind;
    const number = match.groups.number!;
    const isRange = /[-–]\s?\d/.test(number) && !new RegExp(`^${PHASE_NUMBER}$`).test(number);
    if (isRange && !unit.weak) return undefined;
    // A lone letter names a unit only when it is written in capitals after the word.
    if (/^[A-Za-z]$/.test(number) && !/^[A-Z]$/.test(number)) return undefined;
    if (kind === 'phase') return { kind, id: number, key: phaseKey(kind, number) };
    const canonicalWord = /^[a-z]/i.test(word) ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word;
    return { kind, id: `${canonicalWord} ${number}`.replace(/\s+/g, ' '), key: phaseKey(kind, number) };
  }
  match = P_ID.exec(text);
  if (match?.groups) return { kind: 'phase', id: text, key: phaseKey('phase', match.groups.number!) };
  match = M_ID.exec(text);
  if (match?.groups) return { kind: 'milestone', id: text, key: phaseKey('milestone', match.groups.number!) };
  if (V_ID.test(text)) return { kind: 'release', id: text, key: phaseKey('release', text.slice(1)) };
  if (Q_ID.test(text)) {
    const quarter = /Q([1-4])/i.exec(text)![1]!;
    const year = /\d{4}/.exec(text)![0];
    return { kind: 'quarter', id: `Q${quarter} ${year}`, key: phaseKey('quarter', `${year}-q${quarter}`) };
  }
  match = BARE_ID.exec(text);
  if (match?.groups) return { kind: 'phase', id: text, key: phaseKey('phase', match.groups.number!) };
  return undefined;
}

/** A letter-coded id (`S0`, `A1`): an id only where the document uses several as siblings. */
export function parseCodedId(token: string): ParsedId | undefined {
  const text = token.trim();
  if (!CODED_ID.test(text) || /^[PMV]/i.test(text)) return undefined;
  return { kind: 'coded', id: text, key: phaseKey('coded', text) };
}

/** The dotted parent of a phase key: `phase:5.1.1` → `phase:5.1`, `phase:3.2` → `phase:3`. */
export function parentKey(key: string): string | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  // A version's dots are not nesting: v1.1 is not part of v1.
  if (kind === 'release' || kind === 'quarter') return undefined;
  const number = key.slice(colon + 1);
  const dot = number.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return `${kind}:${number.slice(0, dot)}`;
}
