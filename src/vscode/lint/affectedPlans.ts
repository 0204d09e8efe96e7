import type { WorkspaceIndex } from '../../core/api';

/**
 * Which plans may have different findings after the plans in `changed` were edited, added or
 * removed, given the workspace index before and after the change. A plan's findings depend on
 * its own text and on the part of the index that concerns it:
 * - its resolved references (a dependency's status, whether it still exists): plans with an
 *   edge into a changed plan, before or after;
 * - its unresolved references: one that a changed plan now defines is an edge into it (above);
 *   otherwise only the "did you mean" suggestion could change, and only when it points into a
 *   changed plan (the graph prefers the plan's own ids, the rule shows no other);
 * - the cycles it is part of: every member of a cycle, before or after (a cycle can close
 *   through a third plan, so a direct edge is not enough).
 * Everything else keeps its findings, which is what makes one keystroke in a 1,000-plan
 * workspace cost a handful of re-lints instead of all of them.
 * Without an index from before, every plan is affected.
 */
export function plansAffectedBy(changed: ReadonlySet<string>, before: WorkspaceIndex | undefined, after: WorkspaceIndex): Set<string> {
  const affected = new Set(changed);
  if (!before) {
    for (const plan of after.plans) affected.add(plan.file);
    return affected;
  }
  for (const index of [before, after]) {
    // Asked per changed file: scanning every edge made each keystroke cost the whole workspace.
    for (const file of changed) for (const from of index.filesReferringTo(file)) affected.add(from);
    for (const cycle of index.cycles) for (const member of cycle.members) affected.add(member.plan.file);
  }
  return affected;
}
