import { rememberRecent } from '../text/recent';
import { isWeakKind, parentKey } from '../ids';
import type { Criterion, DependencyRef, Phase, Plan, Range, Section, Task } from '../model';
import { cleanText } from '../text/clean';
import type { Block, HeadingBlock, ListItemBlock } from './blocks';
import { readDependencyIds } from './dependencies';
import { readCriteriaHeading, readField, type Field } from './fields';
import { readCodedSiblings, readNumberedSubphase, readPhaseHeading, type PhaseHeading } from './headings';
import { readHeadingStatus, readStatusValue } from './status';
import { readListItemPhase, readNumberedTaskPhase, type ListItemPhase } from './notations/listItems';
import { readTableRows, type TableRowPhase } from './notations/tableRows';
import { findDetailsEnd, readSummaryPhase } from './notations/summary';
import { deriveStatuses } from './deriveStatus';
import { DEPENDENCY_LABELS } from '../vocabulary';

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
  /** Heading depth; a `<details>` phase sits half a level below its enclosing heading. */
  level: number;
  /** A `<details>` phase: closed by its `</details>` line rather than by a heading. */
  closesAt?: number;
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
  for (const [heading, read] of readCodedSiblings(headingLines.filter((heading) => !phaseHeadings.has(heading)))) {
    phaseHeadings.set(heading, read);
    hasStrongPhase = true;
  }

  const headingKeys = new Set([...phaseHeadings.values()].map((read) => read.key));
  /** Roadmap index entries (list items, table rows) of phases whose body is a heading section. */
  const indexEntries = new Map<string, IndexEntry>();
  /** Sections of phases written outside headings end where their notation ends, not at a heading. */
  const fixedEnds = new Set<Section>();

  const plan: Plan = { file, title, phases: [], successCriteria: [], lineCount: lines.length, eol: '\n', mojibake: [] };
  const drafts = new Map<Phase, PhaseDraft>();
  const byKey = new Map<string, Phase[]>();
  const stack: OpenHeading[] = [];
  let pending: PendingField | undefined;
  /** The text of the last heading, for the context of phases written in lists. */
  let currentHeading = '';

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
    const phase = addPhase(read, read.title || cleanText(heading.text), headingSource(lineText(line)), section, locateId(lineText(line), read, line, range), parent);
    const headingStatus = readHeadingStatus(heading.text, read.title);
    if (headingStatus) {
      phase.status = headingStatus;
      phase.statusSource = 'heading';
    }
    stack.push({ level: heading.depth, phase });
  };

  /** Records a new phase under `parent` (or the plan): every notation's phases are made here. */
  const addPhase = (read: { id: string; key: string; kind: Phase['kind'] }, title: string, written: string, section: Section, idRange: Range, parent: Phase | undefined): Phase => {
    const phase: Phase = {
      id: read.id,
      key: read.key,
      kind: read.kind,
      title,
      heading: written,
      line: section.line,
      endLine: section.endLine,
      level: Math.ceil(section.level),
      idRange,
      sections: [section],
      status: 'planned',
      statusSource: 'default',
      tasks: [],
      successCriteria: [],
      dependsOn: [],
      children: [],
      empty: false,
    };
    if (parent) {
      phase.parentId = parent.id;
      parent.children.push(phase);
    } else {
      plan.phases.push(phase);
    }
    drafts.set(phase, { phase, parent });
    byKey.set(read.key, [...(byKey.get(read.key) ?? []), phase]);
    return phase;
  };

  /** The level a phase written inside the current heading's section takes. */
  const levelHere = () => (stack.length > 0 ? Math.floor(stack.at(-1)!.level) + 1 : 1);

  const itemCheckbox = (item: ListItemBlock): Range | undefined => (item.checked === null ? undefined : checkboxRange(lineText(item.line), item.line, range));

  /** A list item that names a phase: a phase of its own, or the index entry of a heading phase. */
  const onListItemPhase = (item: ListItemBlock, read: ListItemPhase): void => {
    const checkbox = itemCheckbox(item);
    if (headingKeys.has(read.key)) {
      if (!indexEntries.has(read.key)) indexEntries.set(read.key, { line: item.line, checked: item.checked, inProgress: !!item.inProgress, checkbox, statusText: item.text.split('\n')[0]! });
      return;
    }
    if (byKey.has(read.key)) return;
    const section: Section = { line: item.line, endLine: item.endLine, level: levelHere(), title: read.title, idLeads: true, criteriaOnly: false };
    fixedEnds.add(section);
    const text = lineText(item.line);
    const idAt = text.indexOf(read.idText);
    const idRange = idAt >= 0 ? range(item.line, idAt, idAt + read.idText.length) : range(item.line, 0, text.length);
    const phase = addPhase(read, read.title || read.id, text.trim(), section, idRange, innermostPhase());
    phase.notation = 'list-item';
    if (checkbox) phase.checkbox = checkbox;
    const fromText = readHeadingStatus(item.text.split('\n')[0]!, read.title);
    if (item.checked === true || fromText) {
      phase.status = item.checked === true ? 'done' : fromText!;
      phase.statusSource = item.checked === true ? 'checkbox' : 'heading';
    } else if (item.inProgress) {
      phase.status = 'in-progress';
      phase.statusSource = 'checkbox';
    }
    const where = { phase };
    readLazyFields(item, where);
    collectItems(item.children, phase, where);
  };

  /** A table with a row per phase: each row a phase, or the index entry of a heading phase. */
  const onTable = (block: Block): void => {
    const enclosing = innermostPhase();
    const rows = readTableRows(lines, block.line, block.endLine);
    // Inside a phase, only a table of that phase's own sub-phases (6.1, 6.2 under Phase 6) counts.
    if (rows.length === 0 || (enclosing && !rows.every((row) => parentKey(row.parsed.key) === enclosing.key))) return;
    for (const row of rows) {
      if (headingKeys.has(row.parsed.key)) {
        if (!indexEntries.has(row.parsed.key)) indexEntries.set(row.parsed.key, { line: row.line, checked: null, inProgress: false, row });
        continue;
      }
      if (byKey.has(row.parsed.key)) continue;
      const section: Section = { line: row.line, endLine: row.line, level: levelHere(), title: row.title, idLeads: true, criteriaOnly: false };
      fixedEnds.add(section);
      const phase = addPhase(row.parsed, row.title || row.parsed.id, lineText(row.line).trim(), section, range(row.line, row.idColumn, row.idEndColumn), enclosing);
      phase.notation = 'table-row';
      applyRowFields(phase, row);
    }
  };

  const applyRowFields = (phase: Phase, row: TableRowPhase) => {
    if (row.status && row.status.text) recordStatusField(phase, { kind: 'status', label: 'Status', value: row.status.text, valueColumn: row.status.column }, row.line, range);
    if (row.dependsOn && row.dependsOn.text) addDependencies(phase, row.dependsOn.text, row.line, row.dependsOn.column);
  };

  /** `<details><summary>Phase 2: …</summary>`: a phase whose body runs to `</details>`. */
  const onHtml = (block: Block): boolean => {
    const summary = readSummaryPhase(lines, block.line, block.endLine);
    if (!summary) return false;
    const closesAt = findDetailsEnd(lines, blocks, block);
    if (byKey.has(summary.read.key)) return false;
    const level = (stack.length > 0 ? Math.floor(stack.at(-1)!.level) : 0) + 0.5;
    const section: Section = { line: summary.line, endLine: closesAt, level, title: summary.read.title, idLeads: true, criteriaOnly: false };
    fixedEnds.add(section);
    const text = lineText(summary.line);
    const idAt = text.indexOf(summary.read.idText);
    const idRange = idAt >= 0 ? range(summary.line, idAt, idAt + summary.read.idText.length) : range(summary.line, 0, text.length);
    const phase = addPhase(summary.read, summary.read.title || summary.read.id, summary.text, section, idRange, innermostPhase());
    phase.notation = 'summary';
    const fromText = readHeadingStatus(summary.text, summary.read.title);
    if (fromText) {
      phase.status = fromText;
      phase.statusSource = 'heading';
    }
    stack.push({ level, phase, closesAt });
    return true;
  };

  const startCriteria = (heading: HeadingBlock, target: Target, namedPhase: boolean) => {
    if (namedPhase && target.kind === 'phase' && !stack.some((entry) => entry.phase === target.phase)) {
      target.phase.sections.push({ line: heading.line, endLine: heading.line, level: heading.depth, title: cleanText(heading.text), idLeads: false, criteriaOnly: true });
    }
    stack.push({ level: heading.depth, criteriaFor: target });
  };

  const onHeading = (heading: HeadingBlock) => {
    currentHeading = cleanText(heading.text);
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

  const dependencyKeys = new Map<Phase, Map<string, DependencyRef>>();
  const addDependencies = (phase: Phase, value: string, line: number, valueColumn: number) => {
    let known = dependencyKeys.get(phase);
    if (!known) dependencyKeys.set(phase, (known = new Map()));
    for (const reference of readDependencyIds(value)) {
      const written = range(line, valueColumn + reference.start, valueColumn + reference.end);
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
    if (item.inProgress) task.inProgress = true;
    if (item.optional) task.optional = true;
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
    if (where.phase) {
      collectItems(block.items, where.phase, where);
      return;
    }
    collectPlanLevelFields(block.items);
    if (namesOtherPhases(currentHeading)) return;
    const numberedTasks = block.items.map((item) => (item.checked !== null ? readNumberedTaskPhase(item.text, item.children.map((child) => child.text)) : undefined));
    // Kiro's tree: once one numbered item has numbered subtasks, every numbered item is a phase.
    const isTaskTree = numberedTasks.some((read) => read);
    for (const [index, item] of block.items.entries()) {
      const read =
        readListItemPhase(lineText(item.line), item.text) ??
        numberedTasks[index] ??
        (isTaskTree && item.checked !== null ? readNumberedTaskPhase(item.text, [`${/^\d+/.exec(item.text.trim())?.[0] ?? '-'}.`]) : undefined);
      // Calendar units in a list ("- **Day 1-2**: …") are a schedule unless the plan has no other units.
      if (!read || (isWeakKind(read.kind) && hasStrongPhase)) continue;
      onListItemPhase(item, read);
    }
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
    // A `<details>` phase ends at its `</details>`, whatever headings stood inside it.
    const closed = stack.findIndex((entry) => entry.closesAt !== undefined && entry.closesAt < block.line);
    if (closed !== -1) stack.length = closed;
    switch (block.type) {
      case 'heading':
        onHeading(block);
        break;
      case 'table':
        pending = undefined;
        if (!context().criteria) onTable(block);
        break;
      case 'html':
        if (!context().criteria) onHtml(block);
        pending = undefined;
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
  closeSections(plan, headingLines, lines, fixedEnds);
  for (const [key, entry] of indexEntries) {
    const phase = byKey.get(key)?.[0];
    if (phase) applyIndexEntry(phase, entry, applyRowFields);
  }
  for (const phases of byKey.values()) {
    for (const phase of phases) {
      // A letter code ("S2") is a reference only where the plan uses it as a unit.
      phase.dependsOn = phase.dependsOn.filter((dependency) => !dependency.key.startsWith('coded:') || byKey.has(dependency.key));
      for (const dependency of phase.dependsOn) dependency.resolved = byKey.has(dependency.key);
    }
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
  const match = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX~-]\])/.exec(line);
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
    const match = idPattern(candidate).exec(lower);
    if (match) return range(lineNumber, match.index, match.index + match[0].length);
  }
  const start = line.search(/[^#\s]/);
  return range(lineNumber, Math.max(0, start), line.length);
}

/** The pattern that finds a written id in a lowercased heading line; compiled once per id, not once per heading per keystroke. */
const idPattern = rememberRecent(
  (candidate: string) => new RegExp(`(?<![\\w.])${escapeRegExp(candidate.toLowerCase()).replace(/\\ /g, '[\\s*_\\-]*')}(?![\\w]|\\.\\d)`),
  5_000,
  100,
);

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
function closeSections(plan: Plan, headings: readonly HeadingBlock[], lines: readonly string[], fixedEnds: ReadonlySet<Section>) {
  // For each heading and level, the first heading from there on at that level or higher: one
  // backward pass, so finding a section's end is a binary search, not a scan of every heading.
  const nextAtLevel: Int32Array[] = new Array(headings.length + 1);
  nextAtLevel[headings.length] = new Int32Array(7).fill(-1);
  for (let i = headings.length - 1; i >= 0; i--) {
    const next = nextAtLevel[i + 1]!.slice();
    for (let level = headings[i]!.depth; level <= 6; level++) next[level] = i;
    nextAtLevel[i] = next;
  }
  const nextBoundary = (section: Section): number => {
    let low = 0;
    let high = headings.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (headings[middle]!.line > section.line) high = middle;
      else low = middle + 1;
    }
    const found = nextAtLevel[low]![Math.min(6, Math.max(0, Math.floor(section.level)))]!;
    return found === -1 ? lines.length : headings[found]!.line - 1;
  };
  const isFiller = (text: string) => /^\s*(?:(?:[-*_]\s*){3,})?$/.test(text);
  const visit = (phases: readonly Phase[], parentEnd: number) => {
    for (const phase of phases) {
      for (const section of phase.sections) {
        if (fixedEnds.has(section)) {
          section.level = Math.ceil(section.level);
          let end = Math.min(section.endLine, parentEnd);
          while (end > section.line && isFiller(lines[end - 1] ?? '')) end--;
          section.endLine = end;
          continue;
        }
        let end = nextBoundary(section);
        while (end > section.line && isFiller(lines[end - 1] ?? '')) end--;
        section.endLine = end;
      }
      phase.line = phase.sections[0]!.line;
      phase.endLine = phase.sections[0]!.endLine;
      // A row or an item is its own content; only a heading or a summary can stand empty.
      phase.empty =
        (!phase.notation || phase.notation === 'summary') &&
        phase.children.length === 0 &&
        phase.sections.every((section) => {
          for (let line = section.line + 1; line <= section.endLine; line++) if (!isFiller(lines[line - 1] ?? '')) return false;
          return true;
        });
      visit(phase.children, phase.endLine);
    }
  };
  visit(plan.phases, lines.length);
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

interface IndexEntry {
  line: number;
  checked: boolean | null;
  inProgress: boolean;
  checkbox?: Range;
  /** The item's first line, for status words written after its title ("(done)"). */
  statusText?: string;
  row?: TableRowPhase;
}

/**
 * A roadmap index (`- [x] **Phase 2: Auth**`, or a table row) of a phase whose body is a heading
 * section: one phase. The heading section stays its body; the entry adds its status when the
 * section states none, and the entry's checkbox is ticked with the phase.
 */
function applyIndexEntry(phase: Phase, entry: IndexEntry, applyRowFields: (phase: Phase, row: TableRowPhase) => void) {
  if (entry.checkbox) phase.checkbox = entry.checkbox;
  if (entry.row) {
    if (!phase.statusField) applyRowFields(phase, entry.row);
    else if (entry.row.dependsOn) applyRowFields(phase, { ...entry.row, status: undefined });
    if (phase.statusField?.status && phase.statusSource !== 'heading') {
      phase.status = phase.statusField.status;
      phase.statusSource = 'field';
    }
    return;
  }
  if (phase.statusField?.status || phase.statusSource === 'heading') return;
  const fromText = entry.statusText ? readHeadingStatus(entry.statusText) : undefined;
  if (entry.checked === true || fromText === 'done') {
    phase.status = 'done';
    phase.statusSource = 'checkbox';
  } else if (entry.inProgress || fromText === 'in-progress') {
    phase.status = 'in-progress';
    phase.statusSource = 'checkbox';
  }
}

/** A section that lists phases by reference ("Depends On", "Enables", "See also"), not by definition. */
const REFERENCE_SECTION = new RegExp(String.raw`^(?:[^\p{L}]*)(?:${DEPENDENCY_LABELS.join('|')}|enables|unlocks|provides(?: to)?|blocks|related(?: phases)?|see also|references|links|next steps?|previous)\b`, 'iu');

function namesOtherPhases(headingText: string): boolean {
  return REFERENCE_SECTION.test(headingText);
}
