import { allPhases, capitalizedPhaseName } from '../../phases';
import { headingTextRange } from '../headingRange';
import type { Rule } from '../types';

export const emptyPhase: Rule = {
  id: 'empty-phase',
  description: 'A phase heading has nothing under it: no text, tasks, criteria or sub-phases',
  // A placeholder heading ("## Phase 4: TBD") is usually deliberate: a hint, not a problem.
  defaultSeverity: 'hint',
  tags: ['structure'],
  check({ plan, lines, report }) {
    for (const phase of allPhases(plan)) {
      if (!phase.empty || phase.status === 'done') continue;
      report({
        range: headingTextRange(lines, phase.line),
        message: `${capitalizedPhaseName(phase)} is empty; describe its work or remove the heading`,
        phase,
      });
    }
  },
};
