import { parseIdToken, phaseKey, PHASE_NUMBER } from '../ids';
import type { PhaseKind } from '../model';

/**
 * Phase ids in a dependency field's value. Only tokens that name a phase count (`2A`, `P0`,
 * `Phase 6`, `Stage 1`, `M1`, `Milestones 4 & 5`); prose around them is ignored. A bare number
 * counts only when every item of the value is an id ("3", "2.1, 2.2"), never inside prose.
 */

export interface RawReference {
  id: string;
  key: string;
  /** 0-based offset of the id in the value. */
  start: number;
  end: number;
  markedComplete: boolean;
}

const WORD_KINDS: ReadonlyArray<[PhaseKind, string]> = [
  ['phase', 'phases?'],
  ['stage', 'stages?'],
  ['milestone', 'milestones?'],
  ['feature', 'features?'],
  ['epic', 'epics?'],
  ['story', 'stor(?:y|ies)'],
  ['sprint', 'sprints?'],
  ['week', 'weeks?'],
  ['day', 'days?'],
  ['step', 'steps?'],
];

const NUMBER = PHASE_NUMBER;
const LIST_JOINER = String.raw`\s*(?:,|&|\+|/|\band\b|\bor\b)\s*`;
const RANGE_JOINER = String.raw`\s*(?:-|–|—|\bto\b|\.\.)\s*`;
const WORD_REFERENCE = new RegExp(
  String.raw`\b(?<word>${WORD_KINDS.map(([, w]) => w).join('|')})\s+(?<numbers>${NUMBER}(?:(?:${LIST_JOINER}|${RANGE_JOINER})${NUMBER}(?![\w]))*)`,
  'giu',
);
const SHORT_REFERENCE = new RegExp(String.raw`(?<![\w.])(?:P${NUMBER}|M\d{1,4}|\d{1,4}[A-Z](?:\.\d{1,4}[A-Za-z]?)*)(?![\w]|\.\d)`, 'g');
const COMPLETE_MARK = /(?:[\u2705\u2714\u2611]|\b(?:complete|completed|done|finished)\b\s*[)\]]?\s*$)/iu;
const NONE = /^\W*(?:none|nothing|n\/a|no dependencies|-|—|无|無|ninguna|nenhuma)\b/iu;

function kindOfWord(word: string): PhaseKind {
  const lower = word.toLowerCase();
  for (const [kind, pattern] of WORD_KINDS) if (new RegExp(`^${pattern}$`).test(lower)) return kind;
  return 'phase';
}

/** "Step 2 depends on Step 1", "2A → 2B": a relation between other items, not a dependency of the phase. */
const RELATION = /\b(?:depends? on|requires|blocks|before|after|precedes|follows|unlocks|enables)\b|→|->|=>/iu;

export function readDependencyIds(value: string): RawReference[] {
  if (NONE.test(value)) return [];
  const markedComplete = COMPLETE_MARK.test(value.replace(/[*_`]/g, ''));
  const found: RawReference[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);

  for (const match of value.matchAll(WORD_REFERENCE)) {
    const word = match.groups!.word!;
    const kind = kindOfWord(word);
    const numbersStart = match.index! + match[0].length - match.groups!.numbers!.length;
    for (const number of expandNumbers(match.groups!.numbers!, numbersStart)) {
      const singular = word.replace(/(?:ies)$/i, 'y').replace(/s$/i, '');
      const id = kind === 'phase' ? number.text : `${singular[0]!.toUpperCase()}${singular.slice(1).toLowerCase()} ${number.text}`;
      // The first number's range covers the word too ("Phase 6"), so renaming and go-to work on it.
      const start = number.first ? match.index! : number.start;
      found.push({ id, key: phaseKey(kind, number.text), start, end: number.end, markedComplete });
    }
    taken.push([match.index!, match.index! + match[0].length]);
  }
  for (const match of value.matchAll(SHORT_REFERENCE)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    const parsed = parseIdToken(match[0]);
    if (parsed) found.push({ id: match[0], key: parsed.key, start, end, markedComplete });
    taken.push([start, end]);
  }
  if (found.length === 0) found.push(...bareNumberList(value, markedComplete));
  if (found.length > 1 && RELATION.test(value)) return [];
  // Repeats ("P3, Phase 3") stay: the plan builder keeps the first and remembers the others' places.
  return found.sort((a, b) => a.start - b.start);
}

interface NumberToken {
  text: string;
  start: number;
  end: number;
  first: boolean;
}

/** `4 & 5` → 4, 5; `1-3` → 1, 2, 3 (small integer ranges only); `2.1, 2.2` → both. */
function expandNumbers(numbers: string, offset: number): NumberToken[] {
  const tokens: NumberToken[] = [];
  const pattern = new RegExp(String.raw`(${NUMBER})(?:${RANGE_JOINER}(${NUMBER}))?`, 'gi');
  for (const match of numbers.matchAll(pattern)) {
    const start = offset + match.index!;
    const from = match[1]!;
    const to = match[2];
    if (to && /^\d+$/.test(from) && /^\d+$/.test(to) && Number(to) > Number(from) && Number(to) - Number(from) <= 50) {
      for (let n = Number(from); n <= Number(to); n++) {
        tokens.push({ text: String(n), start, end: start + match[0].length, first: tokens.length === 0 });
      }
    } else {
      tokens.push({ text: from, start, end: start + from.length, first: tokens.length === 0 });
      if (to) {
        const toStart = start + match[0].length - to.length;
        tokens.push({ text: to, start: toStart, end: toStart + to.length, first: false });
      }
    }
  }
  return tokens;
}

/** "3", "2.1, 2.2", "`1.3`": every item is a bare id. */
function bareNumberList(value: string, markedComplete: boolean): RawReference[] {
  const result: RawReference[] = [];
  const itemPattern = /[^,;+&/]+/g;
  for (const match of value.matchAll(itemPattern)) {
    const raw = match[0];
    const text = raw.replace(/\([^)]*\)/g, '').replace(/[*_`✅\u2714]/gu, '').replace(/\b(?:and|complete|completed|done)\b/gi, '').trim();
    if (text === '') continue;
    const parsed = new RegExp(`^${NUMBER}$`).test(text) ? parseIdToken(text) : undefined;
    if (!parsed) return [];
    const start = match.index! + raw.indexOf(text);
    result.push({ id: text, key: parsed.key, start, end: start + text.length, markedComplete });
  }
  return result;
}
