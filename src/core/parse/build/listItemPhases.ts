import type { Section } from '../../model';
import type { Block, ListItemBlock } from '../blocks';
import { readListItemPhase, readNumberedTaskPhase, type ListItemPhase } from '../notations/listItems';
import { groupUnitOfHeading, readGroupedListPhases } from '../notations/numberedGroups';
import { readHeadingStatus } from '../status';
import { collectItems, readLazyFields } from './content';
import { levelInside, listItemMayBePhase, namesOtherPhases } from './placement';
import type { PlanDraft } from './planDraft';
import { checkboxRange, locateWrittenId } from './sourceText';

/** Phases written as list items at plan level (`- [x] **Phase 2: Auth**`, Kiro's `- [ ] 2. Title` trees). */

export function readListItemPhases(draft: PlanDraft, block: Extract<Block, { type: 'list' }>): void {
  if (namesOtherPhases(draft.currentHeading)) return;
  const numberedTasks = block.items.map((item) => (item.checked !== null ? readNumberedTaskPhase(item.text, item.children.map((child) => child.text)) : undefined));
  // Kiro's tree: once one numbered item has numbered subtasks, every numbered item is a phase.
  const isTaskTree = numberedTasks.some((read) => read);
  // `## Phases` over `1) **Foundations** — …`, in a plan with no phase headings of its own.
  const groupUnit = draft.headingKeys.size === 0 ? groupUnitOfHeading(draft.currentHeading) : undefined;
  const grouped = groupUnit ? readGroupedListPhases(block.items.map((item) => draft.lineText(item.line)), groupUnit) : [];
  for (const [index, item] of block.items.entries()) {
    const read =
      readListItemPhase(draft.lineText(item.line), item.text) ??
      numberedTasks[index] ??
      (isTaskTree && item.checked !== null ? readNumberedTaskPhase(item.text, [`${/^\d+/.exec(item.text.trim())?.[0] ?? '-'}.`]) : undefined) ??
      grouped[index];
    if (!read || !listItemMayBePhase(read.kind, draft.hasStrongPhase)) continue;
    onListItemPhase(draft, item, read);
  }
}

/** A list item that names a phase: a phase of its own, or the index entry of a heading phase. */
function onListItemPhase(draft: PlanDraft, item: ListItemBlock, read: ListItemPhase): void {
  const checkbox = item.checked === null ? undefined : checkboxRange(draft.lineText(item.line), item.line, draft.range);
  if (draft.headingKeys.has(read.key)) {
    if (!draft.indexEntries.has(read.key)) draft.indexEntries.set(read.key, { line: item.line, checked: item.checked, inProgress: !!item.inProgress, checkbox, statusText: item.text.split('\n')[0]! });
    return;
  }
  if (draft.byKey.has(read.key)) return;
  const section: Section = { line: item.line, endLine: item.endLine, level: levelInside(draft.stack), title: read.title, idLeads: true, criteriaOnly: false };
  draft.fixedEnds.add(section);
  const text = draft.lineText(item.line);
  const idRange = locateWrittenId(text, read.idText, item.line, draft.range);
  const phase = draft.addPhase(read, read.title || read.id, text.trim(), section, idRange, draft.innermostPhase());
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
  readLazyFields(draft, item, where);
  collectItems(draft, item.children, phase, where);
}
