import { isWeakKind, parentKey } from '../ids';
import type { Criterion, DependencyRef, Phase, Plan, Range, Section, Task } from '../model';
import { cleanText } from '../text/clean';
import type { Block, HeadingBlock, ListItemBlock } from './blocks';
import { readDependencyIds } from './dependencies';
import { readCriteriaHeading, readField, type Field } from './fields';
import { readNumberedSubphase, readPhaseHeading, type PhaseHeading } from './headings';
import { readHeadingStatus, readStatusValue } from './status';
import { deriveStatuses } from './deriveStatus';

/**
 * Turns a document's blocks into the plan model. One pass over the blocks with a stack of open
 * headings decides, for every paragraph and list, which phase it belongs to and whether it sits
 * in a success-criteria section; a second pass closes sections and derives statuses.
 */

export interface SourceLines {
  /** The document's lines without line terminators (a BOM removed from the first). */
  lines: readonly string[];
  /** Columns on line 1 are shifted by this much in the real text (1 when a BOM was removed). */
  firstLineOffset: number;
}

type Target = { kind: 'phase'; phase: Phase } | { kind: 'plan' };

interface OpenHeading {
  level: number;
  phase?: Phase;
  /** A success-criteria heading: content below goes to this target's criteria. */
  criteriaFor?: Target;
}

interface PendingField {
  field: Field;
  line: number;
  target: Target;
}

interface PhaseDraft {
  phase: Phase;
  parent: Phase | undefined;
}

export function buildPlan(file: string, title: string, source: SourceLines, blocks: readonly Block[]): Plan {
  const { lines } = source;
  const headingLines = blocks.filter((block): block is HeadingBlock => block.type === 'heading');
  const phaseHeadings = new Map<HeadingBlock, PhaseHeading>();
  let hasStrongPhase = false;
  for (const heading of headingLines) {
    const read = readPhaseHeading(heading.text);
    if (!read) continue;
    phaseHeadings.set(heading, read);
    if (!isWeakKind(read.kind)) hasStrongPhase = true;
  }

  const plan: Plan = { file, title, phases: [], successCriteria: [], lineCount: lines.length, eol: '\n', mojibake: [] };
  const drafts = new Map<Phase, PhaseDraft>();
  const byKey = new Map<string, Phase[]>();
  const stack: OpenHeading[] = [];
  let pending: PendingField | undefined;

  const range = (line: number, column: number, endColumn: number): Range => {
    const shift = line === 1 ? source.firstLineOffset : 0;
    return { line, column: column + shift, endLine: line, endColumn: endColumn + shift };
  };
  const lineText = (line: number) => lines[line - 1] ?? '';

  const innermostPhase = (): Phase | undefined => {
    for (let index = stack.length - 1; index >= 0; index--) if (stack[index]!.phase) return stack[index]!.phase;
    return undefined;
  };
  /** Where content goes now: a criteria section, a phase, or the plan itself. */
  const context = (): { criteria?: Target; phase?: Phase } => {
    for (let index = stack.length - 1; index >= 0; index--) {
      const entry = stack[index]!;
      if (entry.criteriaFor) return { criteria: entry.criteriaFor, phase: innermostPhase() };
      if (entry.phase) return { phase: entry.phase };
    }
    return {};
  };
  const criteriaOf = (target: Target): Criterion[] => (target.kind === 'phase' ? target.phase.successCriteria : plan.successCriteria);
  const isOpen = (phase: Phase | undefined) => !phase || stack.some((entry) => entry.phase === phase);

  const startPhase = (heading: HeadingBlock, read: PhaseHeading) => {
    const parent = innermostPhase();
    const existing = (byKey.get(read.key) ?? []).find((candidate) => isOpen(drafts.get(candidate)!.parent));
    const line = heading.line;
    const section: Section = { line, endLine: line, level: heading.depth, title: read.title, idLeads: read.idLeads, criteriaOnly: false };
    if (existing) {
      // "PHASE 3 OVERVIEW" inside Phase 3's own section is part of it, not a new section.
      if (!stack.some((entry) => entry.phase === existing)) existing.sections.push(section);
      stack.push({ level: heading.depth, phase: existing });
      return;
    }
    const phase: Phase = {
      id: read.id,
      key: read.key,
      kind: read.kind,
      title: read.title || cleanText(heading.text),
      heading: headingSource(lineText(line)),
      line,
      endLine: line,
      level: heading.depth,
      idRange: locateId(lineText(line), read, line, range),
      sections: [section],
      status: 'planned',
      statusSource: 'default',
      tasks: [],
      successCriteria: [],
      dependsOn: [],
      children: [],
      empty: false,
    };
    const headingStatus = readHeadingStatus(heading.text, read.title);
    if (headingStatus) {
      phase.status = headingStatus;
      phase.statusSource = 'heading';
    }
    if (parent) {
      phase.parentId = parent.id;
      parent.children.push(phase);
    } else {
      plan.phases.push(phase);
    }
    drafts.set(phase, { phase, parent });
    byKey.set(read.key, [...(byKey.get(read.key) ?? []), phase]);
    stack.push({ level: heading.depth, phase });
  };

  const startCriteria = (heading: HeadingBlock, target: Target, namedPhase: boolean) => {
    if (namedPhase && target.kind === 'phase' && !stack.some((entry) => entry.phase === target.phase)) {
      target.phase.sections.push({ line: heading.line, endLine: heading.line, level: heading.depth, title: cleanText(heading.text), idLeads: false, criteriaOnly: true });
    }
    stack.push({ level: heading.depth, criteriaFor: target });
  };

  const onHeading = (heading: HeadingBlock) => {
    while (stack.length > 0 && stack.at(-1)!.level >= heading.depth) stack.pop();
    pending = undefined;
    const enclosing = innermostPhase();
    const read = phaseHeadings.get(heading) ?? (enclosing ? readNumberedSubphase(heading.text, enclosing.key) : undefined);
    const criteria = readCriteriaHeading(cleanText(heading.text));
    if (criteria) {
      const named = criteria.before ? (byKey.get(read?.key ?? '') ?? []).at(-1) : undefined;
      // "Phase 4: Verification & Launch" names a new phase; "PHASE 3 SUCCESS CRITERIA" names a known one.
      if (!(criteria.before && read?.separated && !named)) {
        const target: Target = named ? { kind: 'phase', phase: named } : enclosing ? { kind: 'phase', phase: enclosing } : { kind: 'plan' };
        startCriteria(heading, target, !!named);
        return;
      }
    }
    if (read && (!isWeakKind(read.kind) || !hasStrongPhase || innermostPhase())) {
      startPhase(heading, read);
      return;
    }
    stack.push({ level: heading.depth });
  };

  /** An item's text without the lazy field lines that CommonMark folded into it. */
  const itemText = (item: ListItemBlock): string => {
    const parts = item.text.split('\n');
    for (let index = 1; index < parts.length; index++) {
      const text = lineText(item.line + index);
      if (!/^\s/.test(text) && readField(text)) return parts.slice(0, index).join(' ');
    }
    return parts.join(' ');
  };

  const addCriterion = (target: Target, text: string, line: number, item?: ListItemBlock) => {
    const clean = cleanText(text);
    if (!clean) return;
    const criterion: Criterion = { text: clean, line };
    if (item && item.checked !== null) {
      criterion.done = item.checked;
      const box = checkboxRange(lineText(item.line), item.line, range);
      if (box) criterion.checkbox = box;
    }
    criteriaOf(target).push(criterion);
  };

  const addCriteriaItems = (target: Target, items: readonly ListItemBlock[]) => {
    for (const item of items) {
      addCriterion(target, itemText(item), item.line, item);
      // Nested checkboxes are criteria of their own; nested plain bullets are details.
      addCriteriaItems(target, item.children.filter((child) => child.checked !== null));
    }
  };

  const addDependencies = (phase: Phase, value: string, line: number, valueColumn: number) => {
    for (const reference of readDependencyIds(value)) {
      const written = range(line, valueColumn + reference.start, valueColumn + reference.end);
      const existing = phase.dependsOn.find((dependency) => dependency.key === reference.key);
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
      phase.dependsOn.push(dependency);
    }
  };

  const applyField = (field: Field, line: number, where: { criteria?: Target; phase?: Phase }): boolean => {
    const phase = where.phase;
    switch (field.kind) {
      case 'status':
        if (!phase) return false;
        recordStatusField(phase, field, line, range);
        return true;
      case 'dependencies':
        if (!phase) return false;
        if (field.value.trim()) addDependencies(phase, field.value, line, field.valueColumn);
        else pending = { field, line, target: { kind: 'phase', phase } };
        return true;
      case 'criteria': {
        const target: Target = where.criteria ?? (phase ? { kind: 'phase', phase } : { kind: 'plan' });
        if (field.value.trim()) addCriterion(target, field.value, line);
        else pending = { field, line, target };
        return true;
      }
    }
  };

  const toTask = (item: ListItemBlock, phase: Phase, where: { criteria?: Target; phase?: Phase }): Task => {
    const task: Task = {
      text: cleanText(itemText(item)),
      done: item.checked === true,
      line: item.line,
      checkbox: checkboxRange(lineText(item.line), item.line, range) ?? range(item.line, 0, 0),
      children: [],
    };
    collectItems(item.children, phase, where, task);
    return task;
  };

  /**
   * A field line right under an item without a blank line is a lazy continuation of the item
   * in CommonMark, but a reader sees a field of its own ("- Phase 4\n**Success Gate**: …").
   */
  const readLazyFields = (item: ListItemBlock, where: { criteria?: Target; phase?: Phase }) => {
    for (let line = item.line + 1; line <= item.contentEndLine; line++) {
      const text = lineText(line);
      if (/^\s/.test(text) || LIST_MARKER.test(text)) continue;
      const lazy = readField(text);
      if (lazy) applyField(lazy, line, where);
    }
  };

  /** Tasks, fields and nested criteria in a list that belongs to `phase`. */
  const collectItems = (items: readonly ListItemBlock[], phase: Phase, where: { criteria?: Target; phase?: Phase }, parentTask?: Task) => {
    for (const item of items) {
      if (!parentTask) readLazyFields(item, where);
      const field = readField(lineText(item.line));
      if (field) {
        // Dependencies written under a task are the task's, not the phase's.
        if (field.kind === 'dependencies' && parentTask) continue;
        if (field.kind === 'criteria') {
          const target: Target = { kind: 'phase', phase };
          if (field.value.trim()) addCriterion(target, field.value, item.line);
          addCriteriaItems(target, item.children);
          continue;
        }
        if (field.kind === 'status' && parentTask) continue;
        applyField(field, item.line, where);
        if (field.kind === 'dependencies' && !field.value.trim()) {
          for (const child of item.children) addDependencies(phase, lineText(child.line).slice(itemContentColumn(lineText(child.line))), child.line, itemContentColumn(lineText(child.line)));
          pending = undefined;
        }
        continue;
      }
      if (item.checked !== null) {
        const task = toTask(item, phase, where);
        (parentTask ? parentTask.children : phase.tasks).push(task);
      } else {
        collectItems(item.children, phase, where, parentTask);
      }
    }
  };

  const onParagraph = (block: Block) => {
    const where = context();
    const previousPending = pending;
    pending = undefined;
    if (where.criteria && !where.phase && where.criteria.kind === 'plan') {
      // Plan-level criteria section.
    }
    const paragraphLines: string[] = [];
    for (let line = block.line; line <= block.endLine; line++) {
      const text = lineText(line);
      const field = readField(text);
      if (field && applyField(field, line, where)) continue;
      const box = /^\s*\[([ xX])\]\s+(.*)$/.exec(text);
      if (box && where.phase && !where.criteria) {
        // A checkbox with no list marker ("[x] Implement 1.1") is still a task.
        where.phase.tasks.push({ text: cleanText(box[2]!), done: box[1] !== ' ', line, checkbox: range(line, text.indexOf('['), text.indexOf('[') + 3), children: [] });
        continue;
      }
      paragraphLines.push(text);
    }
    if (where.criteria && paragraphLines.length > 0) {
      const text = paragraphLines.join(' ').trim();
      // Lead-ins ("Phase complete when:") and sub-labels ("**Functional**") are not criteria.
      const isLabel = /[:：]\s*$/.test(text) || /^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(text);
      if (!isLabel) addCriterion(where.criteria, text, block.line);
    }
    if (previousPending && pending === undefined && paragraphLines.length === 0) pending = previousPending;
  };

  const onList = (block: Extract<Block, { type: 'list' }>) => {
    const where = context();
    const carried = pending;
    pending = undefined;
    if (carried) {
      if (carried.field.kind === 'criteria') {
        addCriteriaItems(carried.target, block.items);
        for (const item of block.items) readLazyFields(item, where);
        return;
      }
      if (carried.field.kind === 'dependencies' && carried.target.kind === 'phase') {
        for (const item of block.items) {
          const text = lineText(item.line);
          const column = itemContentColumn(text);
          addDependencies(carried.target.phase, text.slice(column), item.line, column);
          readLazyFields(item, where);
        }
        return;
      }
    }
    if (where.criteria) {
      addCriteriaItems(where.criteria, block.items);
      return;
    }
    if (where.phase) collectItems(block.items, where.phase, where);
    else collectPlanLevelFields(block.items);
  };

  const collectPlanLevelFields = (items: readonly ListItemBlock[]) => {
    for (const item of items) {
      const field = readField(lineText(item.line));
      if (field?.kind === 'criteria') {
        if (field.value.trim()) addCriterion({ kind: 'plan' }, field.value, item.line);
        addCriteriaItems({ kind: 'plan' }, item.children);
      }
    }
  };

  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        onHeading(block);
        break;
      case 'paragraph':
        onParagraph(block);
        break;
      case 'list':
        onList(block);
        break;
      default:
        pending = undefined;
    }
  }

  nestById(plan, byKey, drafts);
  closeSections(plan, headingLines, lines);
  for (const phases of byKey.values()) {
    for (const phase of phases) for (const dependency of phase.dependsOn) dependency.resolved = byKey.has(dependency.key);
  }
  deriveStatuses(plan.phases);
  return plan;
}

function headingSource(line: string): string {
  return line.replace(/^ {0,3}#{1,6}\s*/, '').replace(/\s+#+\s*$/, '').trim();
}

const LIST_MARKER = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;

function itemContentColumn(line: string): number {
  return LIST_MARKER.exec(line)?.[0].length ?? 0;
}

function checkboxRange(line: string, lineNumber: number, range: (line: number, column: number, endColumn: number) => Range): Range | undefined {
  const match = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+(\[[ xX]\])/.exec(line);
  if (!match) return undefined;
  const column = match[0].length - 3;
  return range(lineNumber, column, column + 3);
}

/** The id's position in the heading line: the written id ("P5.1"), else its number, else the heading text. */
function locateId(line: string, read: PhaseHeading, lineNumber: number, range: (line: number, column: number, endColumn: number) => Range): Range {
  const candidates = [read.idText, read.id, read.id.replace(/^\D+\s*/, '')];
  const lower = line.toLowerCase();
  for (const candidate of candidates) {
    if (!candidate) continue;
    const pattern = new RegExp(`(?<![\\w.])${escapeRegExp(candidate.toLowerCase()).replace(/\\ /g, '[\\s*_\\-]*')}(?![\\w]|\\.\\d)`);
    const match = pattern.exec(lower);
    if (match) return range(lineNumber, match.index, match.index + match[0].length);
  }
  const start = line.search(/[^#\s]/);
  return range(lineNumber, Math.max(0, start), line.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, ' ');
}

function recordStatusField(phase: Phase, field: Field, line: number, range: (line: number, column: number, endColumn: number) => Range) {
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

/**
 * A section runs to the line before the next heading of the same or a higher level; trailing
 * blank lines and `---` separators are not part of it.
 */
function closeSections(plan: Plan, headings: readonly HeadingBlock[], lines: readonly string[]) {
  const nextBoundary = (section: Section): number => {
    for (const heading of headings) if (heading.line > section.line && heading.depth <= section.level) return heading.line - 1;
    return lines.length;
  };
  const isFiller = (text: string) => /^\s*(?:(?:[-*_]\s*){3,})?$/.test(text);
  const visit = (phases: readonly Phase[]) => {
    for (const phase of phases) {
      for (const section of phase.sections) {
        let end = nextBoundary(section);
        while (end > section.line && isFiller(lines[end - 1] ?? '')) end--;
        section.endLine = end;
      }
      phase.line = phase.sections[0]!.line;
      phase.endLine = phase.sections[0]!.endLine;
      phase.empty =
        phase.children.length === 0 &&
        phase.sections.every((section) => {
          for (let line = section.line + 1; line <= section.endLine; line++) if (!isFiller(lines[line - 1] ?? '')) return false;
          return true;
        });
      visit(phase.children);
    }
  };
  visit(plan.phases);
}

/** `P5.1.1` belongs under `P5.1` when both are in the plan, wherever the headings stand. */
function nestById(plan: Plan, byKey: Map<string, Phase[]>, drafts: Map<Phase, PhaseDraft>) {
  const isAncestor = (candidate: Phase | undefined, of: Phase): boolean => {
    for (let current = drafts.get(of)?.parent; current; current = drafts.get(current)?.parent) if (current === candidate) return true;
    return candidate === undefined;
  };
  for (const phases of byKey.values()) {
    for (const phase of phases) {
      const key = parentKey(phase.key);
      if (!key) continue;
      const idParent = byKey.get(key)?.[0];
      const current = drafts.get(phase)!.parent;
      if (!idParent || idParent === current || idParent === phase || isAncestor(phase, idParent)) continue;
      // Only move deeper: the id parent must sit below the phase's current parent.
      if (!isAncestor(current, idParent)) continue;
      const siblings = current ? current.children : plan.phases;
      siblings.splice(siblings.indexOf(phase), 1);
      idParent.children.push(phase);
      idParent.children.sort((a, b) => a.line - b.line);
      drafts.get(phase)!.parent = idParent;
      phase.parentId = idParent.id;
    }
  }
}
