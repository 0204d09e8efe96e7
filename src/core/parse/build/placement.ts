import { isWeakKind, parentKey } from '../../ids';
import type { Phase, PhaseKind, Task } from '../../model';
import type { ListItemBlock } from '../blocks';
import { DEPENDENCY_LABELS } from '../../vocabulary';

/**
 * The rules that decide where a block belongs: which phase, which criteria section, or the plan.
 * Each is a small pure function over the stack of open sections, so it can be read and tested on
 * its own; the notation readers and the content readers only ask them.
 */

/** Where criteria go: a phase's list, or the plan's own. */
export type Target = { kind: 'phase'; phase: Phase } | { kind: 'plan' };

export interface OpenHeading {
  /** Heading depth; a `<details>` phase sits half a level below its enclosing heading. */
  level: number;
  /** A `<details>` phase: closed by its `</details>` line rather than by a heading. */
  closesAt?: number;
  phase?: Phase;
  /** A success-criteria heading: content below goes to this target's criteria. */
  criteriaFor?: Target;
  /** A task heading (`### Task 3: …`) inside a phase: checkboxes below are its subtasks. */
  task?: Task;
}

/** Where a paragraph or list goes: a criteria section (with the phase it sits in), a phase, or neither (the plan). */
export interface Place {
  criteria?: Target;
  phase?: Phase;
  /** The task heading the content sits under, within `phase`. */
  task?: Task;
}

/** The innermost open phase owns what follows; undefined at plan level. */
export function innermostPhase(stack: readonly OpenHeading[]): Phase | undefined {
  for (let index = stack.length - 1; index >= 0; index--) if (stack[index]!.phase) return stack[index]!.phase;
  return undefined;
}

/** Content goes to the innermost open criteria section or phase, whichever is nearer; a criteria section keeps the phase it sits in. */
export function placeOfContent(stack: readonly OpenHeading[]): Place {
  for (let index = stack.length - 1; index >= 0; index--) {
    const entry = stack[index]!;
    if (entry.criteriaFor) return { criteria: entry.criteriaFor, phase: innermostPhase(stack) };
    if (entry.task) return { phase: innermostPhase(stack), task: entry.task };
    if (entry.phase) return { phase: entry.phase };
  }
  return {};
}

/** A heading closes every open section at its depth or deeper. */
export function closeForHeading(stack: OpenHeading[], depth: number): void {
  while (stack.length > 0 && stack.at(-1)!.level >= depth) stack.pop();
}

/** A `<details>` phase ends at its `</details>`, whatever headings stood inside it. */
export function closeEndedDetails(stack: OpenHeading[], line: number): void {
  const closed = stack.findIndex((entry) => entry.closesAt !== undefined && entry.closesAt < line);
  if (closed !== -1) stack.length = closed;
}

/** A phase written inside the current section (a list item, a table row) sits one level below its heading. */
export function levelInside(stack: readonly OpenHeading[]): number {
  return stack.length > 0 ? Math.floor(stack.at(-1)!.level) + 1 : 1;
}

/** A `<details>` phase sits half a level below its enclosing heading, so a heading of that level still closes it. */
export function summaryLevel(stack: readonly OpenHeading[]): number {
  return (stack.length > 0 ? Math.floor(stack.at(-1)!.level) : 0) + 0.5;
}

/** A phase is open while it (or the plan, for a top-level phase) is on the stack. */
export function isOpen(stack: readonly OpenHeading[], phase: Phase | undefined): boolean {
  return !phase || stack.some((entry) => entry.phase === phase);
}

/**
 * A calendar unit ("Week 2", "Day 1") heads a phase only when the plan has no stronger unit, or
 * inside a phase (its schedule).
 */
export function headingMayStartPhase(kind: PhaseKind, planHasStrongPhase: boolean, insidePhase: boolean): boolean {
  return !isWeakKind(kind) || !planHasStrongPhase || insidePhase;
}

/** Calendar units in a list ("- **Day 1-2**: …") are a schedule unless the plan has no other units. */
export function listItemMayBePhase(kind: PhaseKind, planHasStrongPhase: boolean): boolean {
  return !(isWeakKind(kind) && planHasStrongPhase);
}

/** Inside a phase, only a table of that phase's own sub-phases (6.1, 6.2 under Phase 6) counts. */
export function tableBelongsHere(rowKeys: readonly string[], enclosing: Phase | undefined): boolean {
  return rowKeys.length > 0 && (!enclosing || rowKeys.every((key) => parentKey(key) === enclosing.key));
}

/**
 * Whose criteria a success-criteria heading opens: the phase it names ("PHASE 3 SUCCESS
 * CRITERIA"), else the enclosing phase, else the plan. Undefined when the heading names a new
 * phase whose title merely contains a label ("Phase 4: Verification & Launch").
 */
export function criteriaHeadingTarget(
  criteria: { before: string },
  read: { separated: boolean } | undefined,
  named: Phase | undefined,
  enclosing: Phase | undefined,
): Target | undefined {
  if (criteria.before && read?.separated && !named) return undefined;
  return named ? { kind: 'phase', phase: named } : enclosing ? { kind: 'phase', phase: enclosing } : { kind: 'plan' };
}

/** Lead-ins ("Phase complete when:") and sub-labels ("**Functional**") in a criteria section are not criteria. */
export function isCriteriaLabel(text: string): boolean {
  return /[:：]\s*$/.test(text) || /^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(text);
}

/** Nested checkboxes under a criterion are criteria of their own; nested plain bullets are details. */
export function nestedCriteria(item: ListItemBlock): ListItemBlock[] {
  return item.children.filter((child) => child.checked !== null);
}

/** A section that lists phases by reference ("Depends On", "Enables", "See also"), not by definition. */
const REFERENCE_SECTION = new RegExp(String.raw`^(?:[^\p{L}]*)(?:${DEPENDENCY_LABELS.join('|')}|enables|unlocks|provides(?: to)?|blocks|related(?: phases)?|see also|references|links|next steps?|previous)\b`, 'iu');

export function namesOtherPhases(headingText: string): boolean {
  return REFERENCE_SECTION.test(headingText);
}
