import type { Phase, Section } from '../../model';
import type { Block } from '../blocks';
import { readTableRows, type TableRowPhase } from '../notations/tableRows';
import { addDependencies, recordStatusField } from './content';
import { levelInside, tableBelongsHere } from './placement';
import type { PlanDraft } from './planDraft';

/** Phases written as table rows (`| 1. Project Scaffold | complete | 2026-03-13 |`). */

/** A table with a row per phase: each row a phase, or the index entry of a heading phase. */
export function tableRowPhases(draft: PlanDraft, block: Block): void {
  const enclosing = draft.innermostPhase();
  const rows = readTableRows(draft.lines, block.line, block.endLine);
  if (!tableBelongsHere(rows.map((row) => row.parsed.key), enclosing)) return;
  for (const row of rows) {
    if (draft.headingKeys.has(row.parsed.key)) {
      if (!draft.indexEntries.has(row.parsed.key)) draft.indexEntries.set(row.parsed.key, { line: row.line, checked: null, inProgress: false, row });
      continue;
    }
    if (draft.byKey.has(row.parsed.key)) continue;
    const section: Section = { line: row.line, endLine: row.line, level: levelInside(draft.stack), title: row.title, idLeads: true, criteriaOnly: false };
    draft.fixedEnds.add(section);
    const phase = draft.addPhase(row.parsed, row.title || row.parsed.id, draft.lineText(row.line).trim(), section, draft.range(row.line, row.idColumn, row.idEndColumn), enclosing);
    phase.notation = 'table-row';
    applyRowFields(draft, phase, row);
  }
}

/** A row's Status and Depends cells are the phase's fields. */
export function applyRowFields(draft: PlanDraft, phase: Phase, row: TableRowPhase): void {
  if (row.status && row.status.text) recordStatusField(phase, { kind: 'status', label: 'Status', value: row.status.text, valueColumn: row.status.column }, row.line, draft.range);
  if (row.dependsOn && row.dependsOn.text) addDependencies(draft, phase, row.dependsOn.text, row.line, row.dependsOn.column);
}
