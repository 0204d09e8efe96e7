import { parseIdToken } from '../../ids';
import { UNIT_WORD, unitOfWord, type Unit } from '../../vocabulary';
import type { PhaseHeading } from '../headings';
import type { ListItemPhase } from './listItems';

/**
 * Phases numbered under a heading that names their unit, in a plan that writes no unit word
 * beside each one:
 *
 *     ## Phases                      ## Implementation Phases
 *     1) **Foundations** — …         ### 1. Foundation
 *     2) **Walls** — …               ### 2. Core Engine
 *
 * The heading must be a plural of a strong unit ("Phases", "Milestones", "Etapas"), every item
 * or sub-heading numbered in order from 0 or 1, at least two: so "## Risks" over a bold list,
 * "## 1. Introduction" and a lone numbered heading stay prose.
 */
/** A short heading that names its items as a group of units: `## Phases`, `## Implementation Milestones`, `## Fases`. */
const GROUP_HEADING = new RegExp(
  String.raw`^[^\p{L}\p{N}]*(?:(?:implementation|delivery|development|project|build|release|work|the)\s+)?(?<word>${UNIT_WORD})(?:\s+(?:overview|plan|breakdown|do projeto|del proyecto))?[^\p{L}\p{N}]*$`,
  'iu',
);
/** `1) **Foundations** — …`, `2. __Walls__: …`: a number, a bold name, then a separator or nothing. */
const GROUPED_ITEM = /^[ \t>]*(?<number>\d{1,3})[.)][ \t]+(?:\[[ xX~-]\][ \t]+)?(?<open>\*\*|__)(?<title>[^*_]+?)\k<open>[ \t]*(?:[—–:.-]|\(|$)/u;

/**
 * The unit a heading names its list's items with, when it is a plural of a strong unit
 * ("Phases", "Milestones", "Etapas"); steps and weeks in a list are a how-to or a schedule.
 */
export function groupUnitOfHeading(headingText: string): Unit | undefined {
  const word = GROUP_HEADING.exec(headingText.trim())?.groups?.word;
  const unit = word ? unitOfWord(word) : undefined;
  if (!unit || unit.weak || !isPlural(word!)) return undefined;
  return unit;
}

/**
 * Under such a heading, a numbered list whose every item is a bold name is the phases
 * themselves: `1) **Foundations** — …` is Phase 1. All items or none, numbered in order, at
 * least two, so a lone bold item or a list of risks stays prose.
 */
export function readGroupedListPhases(itemLines: readonly string[], unit: Unit): Array<ListItemPhase | undefined> {
  const reads = itemLines.map((line) => GROUPED_ITEM.exec(line)?.groups);
  if (reads.length < 2 || reads.some((groups) => !groups)) return [];
  const numbers = reads.map((groups) => Number(groups!.number));
  if (numbers[0]! > 1 || numbers.some((number, i) => i > 0 && number !== numbers[i - 1]! + 1)) return [];
  return reads.map((groups) => {
    const title = groups!.title!.trim();
    if (new RegExp(`^(?:${UNIT_WORD})\\s`, 'iu').test(title)) return undefined;
    const parsed = parseIdToken(`${unit.display} ${groups!.number}`);
    return parsed && { ...parsed, title, idText: groups!.number! };
  });
}

function isPlural(word: string): boolean {
  return !/^[a-z]/i.test(word) || /s$/i.test(word);
}

/** `1. Foundation`, `2) Core Engine`, after any decoration. */
const NUMBERED_HEADING = /^[^\p{L}\p{N}]*(?<number>\d{1,3})[.)][ \t]+(?<title>\S.*)$/u;

/**
 * The sub-headings of every group heading, when all of them (at the first depth below it) are
 * numbered in order: each is a phase of the heading's unit.
 */
export function readNumberedGroupHeadings<T extends { depth: number; text: string }>(headings: readonly T[]): Map<T, PhaseHeading> {
  const read = new Map<T, PhaseHeading>();
  headings.forEach((group, at) => {
    const unit = groupUnitOfHeading(group.text);
    if (!unit) return;
    const below: T[] = [];
    for (let next = at + 1; next < headings.length && headings[next]!.depth > group.depth; next++) below.push(headings[next]!);
    const depth = Math.min(...below.map((heading) => heading.depth));
    const members = below.filter((heading) => heading.depth === depth);
    const matches = members.map((heading) => NUMBERED_HEADING.exec(heading.text.trim())?.groups);
    if (members.length < 2 || matches.some((groups) => !groups)) return;
    const numbers = matches.map((groups) => Number(groups!.number));
    if (numbers[0]! > 1 || numbers.some((number, i) => i > 0 && number !== numbers[i - 1]! + 1)) return;
    members.forEach((heading, i) => {
      const groups = matches[i]!;
      const parsed = parseIdToken(`${unit.display} ${groups.number}`);
      if (parsed) read.set(heading, { ...parsed, title: groups.title!.trim(), idLeads: true, separated: true, idText: groups.number! });
    });
  });
  return read;
}
