import type { Phase, Plan } from './model';

/** Every phase of a plan, depth first, in tree order. */
export function allPhases(plan: Plan): Phase[] {
  const result: Phase[] = [];
  const visit = (phases: readonly Phase[]) => {
    for (const phase of phases) {
      result.push(phase);
      visit(phase.children);
    }
  };
  visit(plan.phases);
  return result;
}

/**
 * `ancestorsOf` for many phases of one plan: the parent links are found once, so asking for
 * every phase's ancestors costs the tree once rather than once per phase.
 */
export function ancestorLookup(plan: Plan): (target: Phase) => Phase[] {
  const parents = new Map<Phase, Phase | undefined>();
  const visit = (phases: readonly Phase[], parent: Phase | undefined) => {
    for (const phase of phases) {
      if (parents.has(phase)) continue;
      parents.set(phase, parent);
      visit(phase.children, phase);
    }
  };
  visit(plan.phases, undefined);
  return (target) => {
    const path: Phase[] = [];
    for (let parent = parents.get(target); parent; parent = parents.get(parent)) path.push(parent);
    return path.reverse();
  };
}

/** The chain of phases from the top of the tree down to `target` (target excluded). */
export function ancestorsOf(plan: Plan, target: Phase): Phase[] {
  return ancestorLookup(plan)(target);
}

/** The innermost phase whose sections contain `line` (1-based). */
export function phaseAtLine(plan: Plan, line: number): Phase | undefined {
  let best: Phase | undefined;
  let bestSpan = Infinity;
  for (const phase of allPhases(plan)) {
    for (const section of phase.sections) {
      const span = section.endLine - section.line;
      if (line >= section.line && line <= section.endLine && span < bestSpan) {
        best = phase;
        bestSpan = span;
      }
    }
  }
  return best;
}

/**
 * How people name a phase: "Phase 2B" for a bare number (`### Phase 2B: …` is written `2B`),
 * otherwise the id as written: "P3.1", "Stage 1", "Milestone 2", "M1", "Week 13-14".
 */
export function phaseName(phase: Pick<Phase, 'id' | 'kind'>): string {
  const id = phase.id.trim();
  if (phase.kind === 'phase' && /^\d/.test(id)) return `Phase ${id}`;
  return id;
}

/** Sentence-initial form of a phase name ("Phase 2B is done", "P3.1 waits on …"). */
export function capitalizedPhaseName(phase: Pick<Phase, 'id' | 'kind'>): string {
  const name = phaseName(phase);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The display name of a reference, whose kind is the prefix of its identity key. */
export function referenceName(reference: { id: string; key: string }): string {
  const kind = reference.key.slice(0, reference.key.indexOf(':')) as Phase['kind'];
  return phaseName({ id: reference.id, kind });
}
