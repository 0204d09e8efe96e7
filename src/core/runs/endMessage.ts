import type { Run } from './run';
import { endText } from './run';

/** How many open items the notification names before "and N more". */
const NAMED = 3;

/**
 * The notification when a run ends: how it ended and what the plan still has open.
 * "Phase 2A's run finished (exit code 0). Still open: 2 tasks (Read JSON files, Report bad rows)."
 */
export function runEndMessage(run: Run, state: { done: boolean; open: readonly string[] } | undefined): string {
  const head = `${run.name}'s run ${endText(run)}.`;
  if (!state) return `${head} The phase is no longer in its plan.`;
  if (state.done) return `${head} The phase is done.`;
  if (state.open.length === 0) return `${head} Nothing is open: it can be completed.`;
  const named = state.open.slice(0, NAMED).join('; ');
  const more = state.open.length > NAMED ? `; and ${state.open.length - NAMED} more` : '';
  return `${head} Still open (${state.open.length}): ${named}${more}.`;
}
