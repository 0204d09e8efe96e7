import type { Run } from './run';

/** How many ended runs are kept (the newest); running ones are always kept. */
export const KEPT_ENDED_RUNS = 50;

const END_REASONS = new Set(['exit', 'terminal-closed', 'terminal-gone', 'replaced']);

function isRun(value: unknown): value is Run {
  const run = value as Run;
  return (
    typeof run === 'object' &&
    run !== null &&
    typeof run.id === 'string' &&
    typeof run.uri === 'string' &&
    typeof run.key === 'string' &&
    typeof run.line === 'number' &&
    typeof run.name === 'string' &&
    typeof run.terminalName === 'string' &&
    typeof run.startedAt === 'number' &&
    (run.state === 'running' || run.state === 'ended') &&
    (run.endReason === undefined || END_REASONS.has(run.endReason)) &&
    (run.exitCode === undefined || typeof run.exitCode === 'number') &&
    (run.processId === undefined || typeof run.processId === 'number')
  );
}

/** Runs read back from storage: anything malformed (an older format, a hand edit) is dropped, not trusted. */
export function readRuns(stored: unknown): Run[] {
  return Array.isArray(stored) ? stored.filter(isRun) : [];
}

/** What is stored: every running run and the newest ended ones, oldest first. */
export function runsToStore(runs: readonly Run[]): Run[] {
  const ended = runs.filter((run) => run.state === 'ended');
  const dropped = new Set(ended.slice(0, Math.max(0, ended.length - KEPT_ENDED_RUNS)));
  return runs.filter((run) => !dropped.has(run));
}

/**
 * After a reload: a run still "running" whose terminal cannot be found (`isLive` says no) ended
 * while the window was away, and is shown as ended, never as running forever.
 */
export function reconcileRuns(runs: readonly Run[], isLive: (run: Run) => boolean, now: number): Run[] {
  return runs.map((run) => (run.state === 'running' && !isLive(run) ? { ...run, state: 'ended', endReason: 'terminal-gone', endedAt: now } : run));
}

/** The run a phase shows: its running one, else its latest. */
export function latestRunOf(runs: readonly Run[], uri: string, key: string): Run | undefined {
  let latest: Run | undefined;
  for (const run of runs) {
    if (run.uri !== uri || run.key !== key) continue;
    if (!latest || (run.state === 'running' && latest.state !== 'running') || (run.state === latest.state && run.startedAt >= latest.startedAt)) latest = run;
  }
  return latest;
}
