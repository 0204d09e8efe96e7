import { isWeakKind } from '../../ids';
import type { Phase, Section, Task } from '../../model';
import { cleanText } from '../../text/clean';
import type { HeadingBlock } from '../blocks';
import { readCriteriaHeading } from '../fields';
import { readCodedSiblings, readNumberedSubphase, readPhaseHeading, type PhaseHeading } from '../headings';
import { readHeadingStatus } from '../status';
import { readNumberedGroupHeadings } from '../notations/numberedGroups';
import { readTaskHeading, taskHeadingMark } from '../notations/taskHeadings';
import { closeForHeading, criteriaHeadingTarget, headingMayStartPhase, isOpen, type Target } from './placement';
import type { PlanDraft } from './planDraft';
import { headingSource, locateId } from './sourceText';

/** Phases written as headings (`## Phase 2: Auth`), and the success-criteria headings among them. */

export interface HeadingPhases {
  /** The headings that read as a phase on their own, before any section context. */
  phaseHeadings: Map<HeadingBlock, PhaseHeading>;
  /** Some phase heading is of a stronger unit than a calendar one. */
  hasStrongPhase: boolean;
}

/** The first pass: which headings name a phase, by their own text, as coded siblings (`S0…S11`), or as numbered groups. */
export function readHeadingPhases(headings: readonly HeadingBlock[]): HeadingPhases {
  const phaseHeadings = new Map<HeadingBlock, PhaseHeading>();
  let hasStrongPhase = false;
  for (const heading of headings) {
    const read = readPhaseHeading(heading.text);
    if (!read) continue;
    phaseHeadings.set(heading, read);
    if (!isWeakKind(read.kind)) hasStrongPhase = true;
  }
  for (const [heading, read] of readCodedSiblings(headings.filter((heading) => !phaseHeadings.has(heading)))) {
    phaseHeadings.set(heading, read);
    hasStrongPhase = true;
  }
  if (phaseHeadings.size === 0) {
    for (const [heading, read] of readNumberedGroupHeadings(headings)) {
      phaseHeadings.set(heading, read);
      hasStrongPhase = true;
    }
  }
  return { phaseHeadings, hasStrongPhase };
}

/** A heading: closes the sections it ends, then opens a criteria section, a phase, or a plain section. */
export function onHeading(draft: PlanDraft, phaseHeadings: ReadonlyMap<HeadingBlock, PhaseHeading>, heading: HeadingBlock): void {
  draft.currentHeading = cleanText(heading.text);
  closeForHeading(draft.stack, heading.depth);
  draft.pending = undefined;
  const enclosing = draft.innermostPhase();
  const read = phaseHeadings.get(heading) ?? (enclosing ? readNumberedSubphase(heading.text, enclosing.key) : undefined);
  const criteria = readCriteriaHeading(cleanText(heading.text));
  if (criteria) {
    const named = criteria.before ? (draft.byKey.get(read?.key ?? '') ?? []).at(-1) : undefined;
    // "Phase 4: Verification & Launch" names a new phase; "PHASE 3 SUCCESS CRITERIA" names a known one.
    const target = criteriaHeadingTarget(criteria, read, named, enclosing);
    if (target) {
      startCriteria(draft, heading, target, !!named);
      return;
    }
  }
  if (read && headingMayStartPhase(read.kind, draft.hasStrongPhase, !!draft.innermostPhase())) {
    startPhase(draft, heading, read);
    return;
  }
  const taskHeading = enclosing ? readTaskHeading(cleanText(heading.text)) : undefined;
  if (enclosing && taskHeading) {
    startTaskHeading(draft, heading, enclosing);
    return;
  }
  draft.stack.push({ level: heading.depth });
}

/** `### Task 3: …` inside a phase: one task of it, whose section holds its subtasks. */
function startTaskHeading(draft: PlanDraft, heading: HeadingBlock, phase: Phase): void {
  const line = heading.line;
  const source = draft.lineText(line);
  const mark = taskHeadingMark(source, line);
  const task: Task = {
    text: cleanText(heading.text),
    done: readHeadingStatus(heading.text) === 'done',
    line,
    checkbox: draft.range(line, mark.column, mark.endColumn),
    heading: draft.range(line, 0, source.length),
    children: [],
  };
  phase.tasks.push(task);
  draft.stack.push({ level: heading.depth, task });
}

function startPhase(draft: PlanDraft, heading: HeadingBlock, read: PhaseHeading): void {
  const parent = draft.innermostPhase();
  const existing = (draft.byKey.get(read.key) ?? []).find((candidate) => isOpen(draft.stack, draft.drafts.get(candidate)!.parent));
  const line = heading.line;
  const section: Section = { line, endLine: line, level: heading.depth, title: read.title, idLeads: read.idLeads, criteriaOnly: false };
  if (existing) {
    // "PHASE 3 OVERVIEW" inside Phase 3's own section is part of it, not a new section.
    if (!draft.stack.some((entry) => entry.phase === existing)) existing.sections.push(section);
    draft.stack.push({ level: heading.depth, phase: existing });
    return;
  }
  const text = draft.lineText(line);
  const phase = draft.addPhase(read, read.title || cleanText(heading.text), headingSource(text), section, locateId(text, read, line, draft.range), parent);
  const headingStatus = readHeadingStatus(heading.text, read.title);
  if (headingStatus) {
    phase.status = headingStatus;
    phase.statusSource = 'heading';
  }
  draft.stack.push({ level: heading.depth, phase });
}

function startCriteria(draft: PlanDraft, heading: HeadingBlock, target: Target, namedPhase: boolean): void {
  if (namedPhase && target.kind === 'phase' && !draft.stack.some((entry) => entry.phase === target.phase)) {
    target.phase.sections.push({ line: heading.line, endLine: heading.line, level: heading.depth, title: cleanText(heading.text), idLeads: false, criteriaOnly: true });
  }
  draft.stack.push({ level: heading.depth, criteriaFor: target });
}
