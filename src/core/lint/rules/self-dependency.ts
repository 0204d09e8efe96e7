import { removeReferenceEdits, writtenReference } from '../../edits/references';
import type { Phase } from '../../model';
import { capitalizedPhaseName } from '../../phases';
import type { Rule } from '../types';
import { workspaceFor } from '../workspaceByFile';

export const selfDependency: Rule = {
  id: 'self-dependency',
  description: 'A phase lists itself among its dependencies',
  defaultSeverity: 'warning',
  tags: ['dependencies'],
  check({ plan, text, lines, workspace, report }) {
    const seen = new Map<Phase, Set<string>>();
    for (const { from, to, ref } of workspaceFor(workspace, plan.file).edges) {
      if (from.phase !== to.phase) continue;
      const keys = seen.get(from.phase) ?? new Set<string>();
      seen.set(from.phase, keys);
      if (keys.has(ref.key)) continue;
      keys.add(ref.key);
      const written = writtenReference(ref, lines);
      const removal = removeReferenceEdits(ref, text, lines);
      report({
        range: ref.range,
        message: `${capitalizedPhaseName(from.phase)} depends on itself; remove "${written}" from its dependencies`,
        phase: from.phase,
        fixes: removal.length > 0 ? [{ title: `Remove the dependency on "${written}"`, edits: removal, isPreferred: true }] : [],
      });
    }
  },
};
