import type { Block, ListItemBlock } from '../blocks';
import type { Criterion, DependencyRef, Phase, Task } from '../../model';
import { cleanText } from '../../text/clean';
import { readDependencyIds } from '../dependencies';
import { readField, type Field } from '../fields';
import { readStatusValue } from '../status';
import { isCriteriaLabel, nestedCriteria, type Place, type Target } from './placement';
import type { PlanDraft } from './planDraft';
import { checkboxRange, itemContentColumn, LIST_MARKER, type RangeAt } from './sourceText';

/**
 * What a phase's body holds, read from paragraphs and lists wherever the placement rules put
 * them: tasks, success criteria, status and dependency fields.
 */

/** A capitalised `Label:` starting a line: "**Plans**: 2 plans", "Note: needs SSO". */
const LABEL_LINE = /^(?:\*\*|__)?\p{Lu}[\p{L}\p{N} ]{0,30}(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?(?:[ \t]|$)/u;

/** An item's text without the lazy field and label lines that CommonMark folded into it. */
function itemText(draft: PlanDraft, item: ListItemBlock): string {
  if (!item.text.includes('\n')) return item.text;
  const parts = item.text.split('\n');
  for (let index = 1; index < parts.length; index++) {
    const text = draft.lineText(item.line + index);
    if (!/^\s/.test(text) && (readField(text) || LABEL_LINE.test(text))) return parts.slice(0, index).join(' ');
  }
  return parts.join(' ');
}

export function addCriterion(draft: PlanDraft, target: Target, text: string, line: number, item?: ListItemBlock): void {
  const clean = cleanText(text);
  if (!clean) return;
  const criterion: Criterion = { text: clean, line };
  if (item && item.checked !== null) {
    criterion.done = item.checked;
    const box = checkboxRange(draft.lineText(item.line), item.line, draft.range);
    if (box) criterion.checkbox = box;
  }
  draft.criteriaOf(target).push(criterion);
}

export function addCriteriaItems(draft: PlanDraft, target: Target, items: readonly ListItemBlock[]): void {
  for (const item of items) {
    addCriterion(draft, target, itemText(draft, item), item.line, item);
    addCriteriaItems(draft, target, nestedCriteria(item));
  }
}

export function addDependencies(draft: PlanDraft, phase: Phase, value: string, line: number, valueColumn: number): void {
  let known = draft.dependencyKeys.get(phase);
  if (!known) draft.dependencyKeys.set(phase, (known = new Map()));
  for (const reference of readDependencyIds(value)) {
    const written = draft.range(line, valueColumn + reference.start, valueColumn + reference.end);
    const existing = known.get(reference.key);
    if (existing) {
      (existing.repeats ??= []).push(written);
      continue;
    }
    const dependency: DependencyRef = {
      id: reference.id,
      key: reference.key,
      line,
      range: written,
      resolved: false,
      markedComplete: reference.markedComplete,
    };
    known.set(reference.key, dependency);
    phase.dependsOn.push(dependency);
  }
}

export function recordStatusField(phase: Phase, field: Field, line: number, range: RangeAt): void {
  const status = readStatusValue(field.value);
  if (phase.statusField?.status !== undefined) return;
  if (phase.statusField && status === undefined) return;
  phase.statusField = {
    line,
    rawValue: field.value,
    valueRange: range(line, field.valueColumn, field.valueColumn + field.value.length),
    ...(status ? { status } : {}),
  };
}

/** Records a field where it stands; false when it has no owner there (a status at plan level). */
export function applyField(draft: PlanDraft, field: Field, line: number, where: Place): boolean {
  const phase = where.phase;
  switch (field.kind) {
    case 'status':
      if (!phase) return false;
      recordStatusField(phase, field, line, draft.range);
      return true;
    case 'dependencies':
      if (!phase) return false;
      if (field.value.trim()) addDependencies(draft, phase, field.value, line, field.valueColumn);
      else draft.pending = { field, line, target: { kind: 'phase', phase } };
      return true;
    case 'criteria': {
      const target: Target = where.criteria ?? (phase ? { kind: 'phase', phase } : { kind: 'plan' });
      if (field.value.trim()) addCriterion(draft, target, field.value, line);
      else draft.pending = { field, line, target };
      return true;
    }
  }
}

function toTask(draft: PlanDraft, item: ListItemBlock, phase: Phase, where: Place): Task {
  const task: Task = {
    text: cleanText(itemText(draft, item)),
    done: item.checked === true,
    line: item.line,
    checkbox: checkboxRange(draft.lineText(item.line), item.line, draft.range) ?? draft.range(item.line, 0, 0),
    children: [],
  };
  if (item.inProgress) task.inProgress = true;
  if (item.optional) task.optional = true;
  collectItems(draft, item.children, phase, where, task);
  return task;
}

/**
 * A field line right under an item without a blank line is a lazy continuation of the item
 * in CommonMark, but a reader sees a field of its own ("- Phase 4\n**Success Gate**: …").
 */
export function readLazyFields(draft: PlanDraft, item: ListItemBlock, where: Place): void {
  for (let line = item.line + 1; line <= item.contentEndLine; line++) {
    const text = draft.lineText(line);
    if (/^\s/.test(text) || LIST_MARKER.test(text)) continue;
    const lazy = readField(text);
    if (lazy) applyField(draft, lazy, line, where);
  }
}

/** Tasks, fields and nested criteria in a list that belongs to `phase`. */
export function collectItems(draft: PlanDraft, items: readonly ListItemBlock[], phase: Phase, where: Place, parentTask?: Task): void {
  for (const item of items) {
    if (!parentTask) readLazyFields(draft, item, where);
    const field = readField(draft.lineText(item.line));
    if (field) {
      // Dependencies written under a task are the task's, not the phase's.
      if (field.kind === 'dependencies' && parentTask) continue;
      if (field.kind === 'criteria') {
        const target: Target = { kind: 'phase', phase };
        if (field.value.trim()) addCriterion(draft, target, field.value, item.line);
        addCriteriaItems(draft, target, item.children);
        continue;
      }
      if (field.kind === 'status' && parentTask) continue;
      applyField(draft, field, item.line, where);
      if (field.kind === 'dependencies' && !field.value.trim()) {
        for (const child of item.children) {
          const text = draft.lineText(child.line);
          addDependencies(draft, phase, text.slice(itemContentColumn(text)), child.line, itemContentColumn(text));
        }
        draft.pending = undefined;
      }
      continue;
    }
    if (item.checked !== null) {
      const task = toTask(draft, item, phase, where);
      (parentTask ? parentTask.children : phase.tasks).push(task);
    } else {
      collectItems(draft, item.children, phase, where, parentTask);
    }
  }
}

/** A paragraph's field lines, marker-less checkboxes (tasks) and, in a criteria section, its text as one criterion. */
export function readParagraph(draft: PlanDraft, block: Block): void {
  const where = draft.context();
  const previousPending = draft.pending;
  draft.pending = undefined;
  const paragraphLines: string[] = [];
  for (let line = block.line; line <= block.endLine; line++) {
    const text = draft.lineText(line);
    const field = readField(text);
    if (field && applyField(draft, field, line, where)) continue;
    const box = /^\s*\[([ xX])\]\s+(.*)$/.exec(text);
    if (box && where.phase && !where.criteria) {
      // A checkbox with no list marker ("[x] Implement 1.1") is still a task.
      (where.task?.children ?? where.phase.tasks).push({ text: cleanText(box[2]!), done: box[1] !== ' ', line, checkbox: draft.range(line, text.indexOf('['), text.indexOf('[') + 3), children: [] });
      continue;
    }
    paragraphLines.push(text);
  }
  if (where.criteria && paragraphLines.length > 0) {
    const text = paragraphLines.join(' ').trim();
    if (!isCriteriaLabel(text)) addCriterion(draft, where.criteria, text, block.line);
  }
  // A paragraph of nothing but fields keeps waiting for the list an earlier blank field announced.
  if (previousPending && draft.pending === undefined && paragraphLines.length === 0) draft.pending = previousPending;
}

/**
 * A list read as content: the list a pending field was waiting for, criteria items, or a phase's
 * tasks. Returns false for a list at plan level (after taking its criteria fields), which may
 * itself define phases.
 */
export function readListContent(draft: PlanDraft, block: Extract<Block, { type: 'list' }>): boolean {
  const where = draft.context();
  if (where.phase || where.criteria || draft.pending) {
    const [first, ...labelled] = splitAtLazyLabels(draft, block.items);
    if (labelled.length > 0) {
      readItems(draft, first!.items, where);
      for (const run of labelled) readLabelledRun(draft, run, where);
      return true;
    }
  }
  return readItems(draft, block.items, where);
}

/**
 * A label alone on a line right under a list item ("- c2\n**Deliverables:**\n- d1") is, in
 * CommonMark, part of that item, and the items after it stay in the same list. A reader sees
 * a new label over the items below it. Only a label with nothing after its colon splits a list
 * (one with a value is a lazy field, `readLazyFields`), and only a bold one or a capitalised one
 * of a few words: "and then run the following:" continues its sentence.
 */
const LABEL_ALONE = /^ {0,3}(?:(?<mark>\*\*|__)[^\s*_:][^*_:]{0,40}?(?:[:：]\k<mark>|\k<mark>[ \t]*[:：])|\p{Lu}[\p{L}\p{N}'’&/-]*(?: [\p{L}\p{N}'’&/-]+){0,3}[:：])[ \t]*$/u;

interface LabelledRun {
  /** The label's line, and its field when it is one the reader knows ("Success Criteria:"). */
  label?: { line: number; field: Field | undefined };
  items: ListItemBlock[];
}

export function splitAtLazyLabels(draft: PlanDraft, items: readonly ListItemBlock[]): LabelledRun[] {
  const runs: LabelledRun[] = [{ items: [] }];
  for (const item of items) {
    let cut: number | undefined;
    for (let line = item.line + 1; line <= item.contentEndLine && cut === undefined; line++) {
      const text = draft.lineText(line);
      if (!/^\s/.test(text) && LABEL_ALONE.test(text)) cut = line;
    }
    if (cut === undefined) {
      runs.at(-1)!.items.push(item);
      continue;
    }
    const kept = cut - item.line;
    runs.at(-1)!.items.push({ ...item, text: item.text.split('\n').slice(0, kept).join('\n'), contentEndLine: cut - 1 });
    runs.push({ label: { line: cut, field: readField(draft.lineText(cut)) }, items: [] });
  }
  return runs;
}

/** The items under a lazy label: criteria under a criteria label, the phase's own content under any other. */
function readLabelledRun(draft: PlanDraft, run: LabelledRun, where: Place): void {
  draft.pending = undefined;
  const field = run.label?.field;
  const phase = where.phase;
  if (field?.kind === 'criteria') {
    addCriteriaItems(draft, phase ? { kind: 'phase', phase } : where.criteria ?? { kind: 'plan' }, run.items);
    return;
  }
  if (field) applyField(draft, field, run.label!.line, where);
  if (draft.pending) {
    readItems(draft, run.items, where);
    return;
  }
  // "Deliverables:", "Notes:": no longer the criteria section the list began in.
  if (phase) collectItems(draft, run.items, phase, { phase, task: where.task }, where.task);
}

function readItems(draft: PlanDraft, items: readonly ListItemBlock[], where: Place): boolean {
  const carried = draft.pending;
  draft.pending = undefined;
  if (carried) {
    if (carried.field.kind === 'criteria') {
      addCriteriaItems(draft, carried.target, items);
      for (const item of items) readLazyFields(draft, item, where);
      return true;
    }
    if (carried.field.kind === 'dependencies' && carried.target.kind === 'phase') {
      for (const item of items) {
        const text = draft.lineText(item.line);
        const column = itemContentColumn(text);
        addDependencies(draft, carried.target.phase, text.slice(column), item.line, column);
        readLazyFields(draft, item, where);
      }
      return true;
    }
  }
  if (where.criteria) {
    addCriteriaItems(draft, where.criteria, items);
    return true;
  }
  if (where.phase) {
    collectItems(draft, items, where.phase, where, where.task);
    return true;
  }
  collectPlanLevelFields(draft, items);
  return false;
}

function collectPlanLevelFields(draft: PlanDraft, items: readonly ListItemBlock[]): void {
  for (const item of items) {
    const field = readField(draft.lineText(item.line));
    if (field?.kind === 'criteria') {
      if (field.value.trim()) addCriterion(draft, { kind: 'plan' }, field.value, item.line);
      addCriteriaItems(draft, { kind: 'plan' }, item.children);
    }
  }
}
