import type { WorkspaceIndex } from '../graph';
import { readField } from '../parse/fields';
import type { PhaseStatus, Plan } from '../model';
import { allPhases, phaseName } from '../phases';

export interface IdCompletion {
  /** What is inserted: the id as the plan writes it ("2B", "P3.1", "Stage 1"). */
  insertText: string;
  label: string;
  detail: string;
  status: PhaseStatus;
  /** Phases of the same plan first, then in workspace order. */
  sortText: string;
  file: string;
}

/**
 * Phase ids to offer when the cursor stands in the value of a dependency field
 * (`**Dependencies**: P0, |`). Returns undefined elsewhere, so plain prose gets no noise.
 */
export function dependencyCompletions(index: WorkspaceIndex, plan: Plan, lineText: string, column: number): IdCompletion[] | undefined {
  const field = readField(lineText);
  if (!field || field.kind !== 'dependencies' || column < field.valueColumn) return undefined;
  const items: IdCompletion[] = [];
  const seen = new Set<string>();
  let order = 0;
  const plans = [plan, ...index.plans.filter((other) => other.file !== plan.file)];
  plans.forEach((candidate, planIndex) => {
    for (const phase of allPhases(candidate)) {
      if (seen.has(phase.key)) continue;
      seen.add(phase.key);
      items.push({
        insertText: phase.id,
        label: phaseName(phase),
        detail: `${phase.title}${phase.title ? ' · ' : ''}${phase.status}${planIndex === 0 ? '' : ` · ${candidate.title}`}`,
        status: phase.status,
        sortText: `${planIndex === 0 ? 0 : 1}${String(order++).padStart(6, '0')}`,
        file: candidate.file,
      });
    }
  });
  return items;
}
