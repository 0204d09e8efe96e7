import type { PhaseRef, WorkspaceIndex } from '../graph';
import { phaseName } from '../phases';
import { referencesTo } from './mentions';

export interface DependentsSummary {
  /** Distinct phases that depend on the target (a self-reference is not a dependent). */
  count: number;
  /** `1 dependent`, `3 dependents`. */
  title: string;
  tooltip: string;
  /** Every reference from those phases, in workspace order. */
  references: ReturnType<typeof referencesTo>;
}

/** What a reference-count lens says above a phase; undefined when nothing depends on it. */
export function dependentsSummary(index: WorkspaceIndex, target: PhaseRef): DependentsSummary | undefined {
  const references = referencesTo(index, target).filter((reference) => reference.from.phase !== target.phase);
  if (references.length === 0) return undefined;
  const names: string[] = [];
  const seen = new Set<PhaseRef['phase']>();
  for (const { from } of references) {
    if (seen.has(from.phase)) continue;
    seen.add(from.phase);
    names.push(phaseName(from.phase));
  }
  const count = seen.size;
  return { count, title: `${count} ${count === 1 ? 'dependent' : 'dependents'}`, tooltip: `Needed by ${names.join(', ')}: show where`, references };
}
