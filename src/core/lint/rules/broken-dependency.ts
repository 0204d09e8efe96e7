import { referenceTextFor, removeReferenceEdits, replaceReferenceEdits, writtenReference } from '../../edits/references';
import type { PhaseRef } from '../../graph';
import type { DependencyRef, Phase, Plan } from '../../model';
import { capitalizedPhaseName } from '../../phases';
import type { Fix, Rule } from '../types';
import { workspaceFor } from '../workspaceByFile';

/** How many dot-separated parts a key's number has: `phase:1.3` has two, `phase:13` one. */
function depth(key: string): number {
  return key.split('.').length;
}

/**
 * A "did you mean" worth showing: a sibling in the same file (a suggestion from an unrelated plan
 * elsewhere in the workspace is a guess), of the same shape (`1.3` is not a typo of `13`), never
 * the phase itself, and never for a reference the plan marks complete (that is finished work
 * from elsewhere, not a typo).
 */
function usefulSuggestion(plan: Plan, from: PhaseRef, ref: DependencyRef, suggestion: PhaseRef | undefined): PhaseRef | undefined {
  if (!suggestion || ref.markedComplete) return undefined;
  if (suggestion.phase === from.phase || suggestion.plan.file !== plan.file) return undefined;
  return depth(suggestion.phase.key) === depth(ref.key) ? suggestion : undefined;
}

export const brokenDependency: Rule = {
  id: 'broken-dependency',
  description: 'A dependency names a phase that no plan in the workspace defines',
  defaultSeverity: 'warning',
  tags: ['dependencies'],
  check({ plan, text, lines, workspace, report }) {
    const seen = new Map<Phase, Set<string>>();
    for (const { from, ref, suggestion: graphSuggestion } of workspaceFor(workspace, plan.file).unresolved) {
      const keys = seen.get(from.phase) ?? new Set<string>();
      seen.set(from.phase, keys);
      if (keys.has(ref.key)) continue;
      keys.add(ref.key);

      const written = writtenReference(ref, lines);
      const fixes: Fix[] = [];
      let message = `${capitalizedPhaseName(from.phase)} depends on "${written}", which no plan defines`;
      const suggestion = usefulSuggestion(plan, from, ref, graphSuggestion);
      if (suggestion) {
        const replacement = referenceTextFor(written, suggestion.phase);
        message += `. Did you mean "${replacement}"?`;
        fixes.push({ title: `Change "${written}" to "${replacement}"`, edits: replaceReferenceEdits(ref, replacement), isPreferred: true });
      }
      const removal = removeReferenceEdits(ref, text, lines);
      if (removal.length > 0) fixes.push({ title: `Remove the dependency on "${written}"`, edits: removal });
      report({
        range: ref.range,
        message,
        phase: from.phase,
        fixes,
        // "P0, P1, P2 complete ✅": finished work from outside this workspace, worth knowing but not a problem.
        ...(ref.markedComplete ? { severity: 'info' as const } : {}),
      });
    }
  },
};
