import { parseCodedId, parseIdToken, phaseKey, PHASE_NUMBER, VERSION_ID } from '../ids';
import type { PhaseKind } from '../model';
import { rememberRecent } from '../text/recent';
import { UNIT_WORD, unitOfWord } from '../vocabulary';

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

const NUMBER = PHASE_NUMBER;
const LIST_JOINER = String.raw`\s*(?:,|&|\+|/|\band\b|\bor\b)\s*`;
const RANGE_JOINER = String.raw`\s*(?:-|–|—|\bto\b|\.\.)\s*`;
const WORD_REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<word>${UNIT_WORD})\s+(?<numbers>${NUMBER}(?:(?:${LIST_JOINER}|${RANGE_JOINER})${NUMBER}(?![\w]))*)`,
  'giu',
);
const SHORT_REFERENCE = new RegExp(String.raw`(?<![\w.])(?:P${NUMBER}|M\d{1,4}|${VERSION_ID}|\d{1,4}[A-Z](?:\.\d{1,4}[A-Za-z]?)*|[A-Z]\d{1,3})(?![\w]|\.\d)`, 'g');
const COMPLETE_MARK = /(?:[\u2705\u2714\u2611]|\b(?:complete|completed|done|finished)\b\s*[)\]]?\s*$)/iu;
const NONE = /^[^\p{L}\p{N}]*(?:(?:none|nothing|n\/a|no dependencies|ninguna|nenhuma|aucune?|keine|нет)(?![\p{L}\p{N}])|(?:无|無)|[-–—]+[^\p{L}\p{N}]*$|$)/iu;

function kindOfWord(word: string): PhaseKind {
  return unitOfWord(word)?.kind ?? 'phase';
}

/** "Step 2 depends on Step 1", "2A → 2B": a relation between other items, not a dependency of the phase. */
const RELATION = /\b(?:depends? on|requires|blocks|before|after|precedes|follows|unlocks|enables)\b|→|->|=>/iu;

/**
 * The ids a dependency field's value names. Remembered for recent values (see recent.ts): a
 * keystroke reads every field of its plan again. The result is shared: read-only.
 */
export const readDependencyIds: (value: string) => readonly Readonly<RawReference>[] = rememberRecent((value) => Object.freeze(readDependencyIdsOnce(value).map((reference) => Object.freeze(reference))));

function readDependencyIdsOnce(value: string): RawReference[] {
  if (NONE.test(value)) return [];
  const markedComplete = COMPLETE_MARK.test(value.replace(/[*_`]/g, ''));
  const found: RawReference[] = [];
  // Word references come in order and never overlap, so one forward cursor finds any overlap.
  const taken: Array<[number, number]> = [];
  let cursor = 0;
  const overlaps = (start: number, end: number) => {
    while (cursor < taken.length && taken[cursor]![1] <= start) cursor++;
    return cursor < taken.length && taken[cursor]![0] < end;
  };

  for (const { references, start, end } of wordReferenceGroups(value, markedComplete)) {
    found.push(...references);
    taken.push([start, end]);
  }
  for (const match of value.matchAll(SHORT_REFERENCE)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    const parsed = parseIdToken(match[0]) ?? parseCodedId(match[0]);
    if (parsed) found.push({ id: match[0], key: parsed.key, start, end, markedComplete });
  }
  if (found.length === 0) found.push(...bareNumberList(value, markedComplete));
  if (found.length > 1 && RELATION.test(value)) return [];
  // Repeats ("P3, Phase 3") stay: the plan builder keeps the first and remembers the others' places.
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Ids written with a unit word ("Phase 6", "Milestones 4 & 5", "Phases 3-5"), one group per
 * match; prose around them is left alone. For readers that find the relation themselves.
 */
export function readWordReferences(value: string): RawReference[] {
  return wordReferenceGroups(value, false).flatMap((group) => group.references);
}

function wordReferenceGroups(value: string, markedComplete: boolean): Array<{ references: RawReference[]; start: number; end: number }> {
  const groups: Array<{ references: RawReference[]; start: number; end: number }> = [];
  for (const match of value.matchAll(WORD_REFERENCE)) {
    const word = match.groups!.word!;
    const kind = kindOfWord(word);
    const numbersStart = match.index! + match[0].length - match.groups!.numbers!.length;
    const references: RawReference[] = [];
    for (const number of expandNumbers(match.groups!.numbers!, numbersStart)) {
      const id = kind === 'phase' ? number.text : `${singularDisplay(word)} ${number.text}`;
      // The first number's range covers the word too ("Phase 6"), so renaming and go-to work on it.
      const start = number.first ? match.index! : number.start;
      references.push({ id, key: phaseKey(kind, number.text), start, end: number.end, markedComplete });
    }
    groups.push({ references, start: match.index!, end: match.index! + match[0].length });
  }
  return groups;
}

interface NumberToken {
  text: string;
  start: number;
  end: number;
  first: boolean;
}

const NUMBER_OR_RANGE = new RegExp(String.raw`(${NUMBER})(?:${RANGE_JOINER}(${NUMBER}))?`, 'gi');
const WHOLE_NUMBER = new RegExp(`^${NUMBER}$`);

/** `4 & 5` → 4, 5; `1-3` → 1, 2, 3 (small integer ranges only); `2.1, 2.2` → both. */
function expandNumbers(numbers: string, offset: number): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of numbers.matchAll(NUMBER_OR_RANGE)) {
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
    const parsed = WHOLE_NUMBER.test(text) ? parseIdToken(text) : undefined;
    if (!parsed) return [];
    const start = match.index! + raw.indexOf(text);
    result.push({ id: text, key: parsed.key, start, end: start + text.length, markedComplete });
  }
  return result;
}

/** "Milestones" → "Milestone", "Stories" → "Story", "Etapas" → "Etapa": the word as one id writes it. */
function singularDisplay(word: string): string {
  const singular = /^[a-z]/i.test(word) ? word.replace(/ies$/i, 'y').replace(/(?<=[a-z]{3})s$/i, '') : word;
  return /^[a-z]/i.test(singular) ? `${singular[0]!.toUpperCase()}${singular.slice(1).toLowerCase()}` : singular;
}
