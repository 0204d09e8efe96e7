import type { Phase, Plan } from '../model';
import { allPhases } from '../phases';

/**
 * "## Step 1: Install" in a README is a how-to, not a plan. A document whose only units are
 * steps is read as a plan only where it tracks them like one: a step has tasks, success
 * criteria, a status of its own or a dependency, or the document has success criteria.
 * Steps inside a phase are unaffected: they are that phase's parts.
 */
export function isHowTo(plan: Plan): boolean {
  const phases = allPhases(plan);
  if (phases.length === 0 || plan.successCriteria.length > 0) return false;
  return phases.every((phase) => phase.kind === 'step' && !tracked(phase));
}

function tracked(phase: Phase): boolean {
  return phase.tasks.length > 0 || phase.successCriteria.length > 0 || phase.dependsOn.length > 0 || phase.statusSource !== 'default';
}
