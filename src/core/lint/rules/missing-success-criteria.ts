import { insertCriteriaSkeletonEdits } from '../../edits/criteria';
import type { Phase, PhaseKind } from '../../model';
import { allPhases, ancestorLookup, phaseName } from '../../phases';
import { headingTextRange } from '../headingRange';
import type { Rule } from '../types';

/** Calendar slots (weeks, days, sprints) and procedure steps are time boxes, not deliverables. */
const DEFAULT_KINDS: PhaseKind[] = ['phase', 'stage', 'milestone', 'feature', 'epic', 'story'];

function hasCriteria(phase: Phase): boolean {
  return phase.successCriteria.length > 0;
}

function descendantHasCriteria(phase: Phase): boolean {
  return phase.children.some((child) => hasCriteria(child) || descendantHasCriteria(child));
}

export const missingSuccessCriteria: Rule = {
  id: 'missing-success-criteria',
  description: 'A phase has no success criteria, of its own or inherited from an enclosing phase',
  defaultSeverity: 'warning',
  tags: ['criteria'],
  options: {
    kinds: {
      type: 'string[]',
      default: DEFAULT_KINDS,
      description: 'Kinds of phase that need criteria; add "week", "day", "sprint" or "step" to check calendar slots and steps too',
    },
    quietWhereUnused: {
      type: 'boolean',
      default: true,
      description: 'In a plan where no phase has success criteria, report at `info` instead of the rule severity',
    },
    includeDone: {
      type: 'boolean',
      default: false,
      description: 'Also check phases that are already done',
    },
  },
  check({ plan, text, lines, options, report }) {
    // Criteria outside every phase ("## Success Criteria" closing a roadmap) cover them all.
    if (plan.successCriteria.length > 0) return;
    const kinds = new Set(options.kinds as string[]);
    const includeDone = options.includeDone === true;
    const phases = allPhases(plan);
    const quiet = options.quietWhereUnused !== false && !phases.some(hasCriteria);
    const reported = new Set<Phase>();
    const ancestorsOf = ancestorLookup(plan);

    for (const phase of phases) {
      if (!kinds.has(phase.kind)) continue;
      // A table row, a list item or a todo list has no room for criteria; its plan keeps them elsewhere.
      if (phase.notation && phase.notation !== 'summary') continue;
      // An empty phase is reported by empty-phase; a finished one is past the point where criteria help.
      if (phase.empty || (phase.status === 'done' && !includeDone)) continue;
      if (hasCriteria(phase)) continue;
      // A container whose sub-phases carry criteria is judged through them.
      if (descendantHasCriteria(phase)) continue;
      const ancestors = ancestorsOf(phase);
      // Inherited criteria count; and criteria added to a reported ancestor would cover this phase too.
      if (ancestors.some((ancestor) => hasCriteria(ancestor) || reported.has(ancestor))) continue;

      reported.add(phase);
      const name = phaseName(phase);
      report({
        range: headingTextRange(lines, phase.line),
        message: `${name} has no success criteria; add them so you can tell when it is done`,
        phase,
        fixes: [{ title: `Add success criteria to ${name}`, edits: insertCriteriaSkeletonEdits(plan, phase, text, name), isPreferred: true }],
        ...(quiet ? { severity: 'info' as const } : {}),
      });
    }
  },
};
