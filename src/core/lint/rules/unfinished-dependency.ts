import type { Phase, PhaseStatus } from '../../model';
import { capitalizedPhaseName, phaseName } from '../../phases';
import type { Rule } from '../types';
import { workspaceFor } from '../workspaceByFile';

const STATE: Record<PhaseStatus, string> = {
  planned: 'still planned',
  'in-progress': 'still in progress',
  blocked: 'blocked',
  done: 'done',
};

export const unfinishedDependency: Rule = {
  id: 'unfinished-dependency',
  description: 'A phase is started or done while a phase it depends on is not done',
  defaultSeverity: 'warning',
  tags: ['dependencies', 'status'],
  check({ plan, workspace, report }) {
    const seen = new Map<Phase, Set<Phase>>();
    for (const { from, to, ref } of workspaceFor(workspace, plan.file).edges) {
      if (from.phase === to.phase) continue;
      const dependent = from.phase;
      const dependency = to.phase;
      if (dependent.status !== 'in-progress' && dependent.status !== 'done') continue;
      // A dependency whose status nobody wrote down (no field, mark or checkbox) is unknown, not unfinished.
      if (dependency.status === 'done' || dependency.statusSource === 'default') continue;
      const reported = seen.get(dependent) ?? new Set<Phase>();
      seen.set(dependent, reported);
      if (reported.has(dependency)) continue;
      reported.add(dependency);

      const started = dependent.status === 'in-progress';
      report({
        range: ref.range,
        message: `${capitalizedPhaseName(dependent)} is ${started ? 'in progress' : 'complete'}, but its dependency ${phaseName(dependency)} is ${STATE[dependency.status]}; check that both statuses are current`,
        phase: dependent,
        related: [{ file: to.plan.file, range: dependency.idRange, message: `${capitalizedPhaseName(dependency)} is ${STATE[dependency.status]}` }],
        // Starting before a dependency is formally closed is common; finishing before it is a contradiction.
        ...(started ? { severity: 'info' as const } : {}),
      });
    }
  },
};
