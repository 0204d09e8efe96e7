/**
 * A run: a phase handed to an agent in a terminal, followed until it ends (ARCHITECTURE.md, the agent loop). Plain,
 * serializable data: the extension keeps runs in workspace state so they survive a reload.
 */
export interface Run {
  /** Unique per run (a phase may be run several times). */
  id: string;
  /** The phase, as commands name it (`PhaseTarget`): plan URI, identity key, heading line. */
  uri: string;
  key: string;
  line: number;
  /** How messages name the phase: "Phase 2A", "P5.1". */
  name: string;
  terminalName: string;
  /** The terminal's shell process, to find the terminal again after a reload. */
  processId?: number;
  /** Epoch milliseconds. */
  startedAt: number;
  state: 'running' | 'ended';
  endedAt?: number;
  /**
   * How it ended: `exit` (the launched command finished; `exitCode` when the shell reported one),
   * `terminal-closed` (the terminal closed first; `exitCode` is the terminal's), `terminal-gone`
   * (the terminal was not there any more when the window came back), `replaced` (the phase was
   * started again).
   */
  endReason?: 'exit' | 'terminal-closed' | 'terminal-gone' | 'replaced';
  exitCode?: number;
}

export type EndReason = NonNullable<Run['endReason']>;

export function endRun(run: Run, reason: EndReason, at: number, exitCode?: number): Run {
  if (run.state === 'ended') return run;
  return { ...run, state: 'ended', endReason: reason, endedAt: at, ...(exitCode !== undefined ? { exitCode } : {}) };
}

/** "under a minute", "12 min", "2 h 5 min": how long a run has been going, to the minute. */
export function elapsedText(milliseconds: number): string {
  const minutes = Math.floor(Math.max(0, milliseconds) / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "exited with code 0", "failed (exit code 2)", "its terminal was closed": how a run ended, for messages. */
export function endText(run: Run): string {
  switch (run.endReason) {
    case 'exit':
      if (run.exitCode === undefined) return 'finished (exit code unknown)';
      return run.exitCode === 0 ? 'finished (exit code 0)' : `failed (exit code ${run.exitCode})`;
    case 'terminal-closed':
      return run.exitCode === undefined ? 'stopped: its terminal was closed' : `stopped: its terminal was closed (exit code ${run.exitCode})`;
    case 'terminal-gone':
      return 'ended: its terminal is gone';
    case 'replaced':
      return 'ended: the phase was started again';
    default:
      return 'is running';
  }
}

/** What the tree and the lens show: `▶ running · 12 min`, or how the last run ended. */
export function runBadge(run: Run, now: number): string {
  if (run.state === 'running') return `▶ running · ${elapsedText(now - run.startedAt)}`;
  if (run.endReason === 'exit' && run.exitCode !== undefined) return run.exitCode === 0 ? '■ run finished' : `■ run failed (exit ${run.exitCode})`;
  return '■ run ended';
}
