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

/** The chain of phases from the top of the tree down to `target` (target excluded). */
export function ancestorsOf(plan: Plan, target: Phase): Phase[] {
  const path: Phase[] = [];
  const search = (phases: readonly Phase[]): boolean => {
    for (const phase of phases) {
      if (phase === target) return true;
      path.push(phase);
      if (search(phase.children)) return true;
      path.pop();
    }
    return false;
  };
  return search(plan.phases) ? path : [];
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
