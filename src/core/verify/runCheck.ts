import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { platformShell } from './platformShell';

export interface CheckRun {
  passed: boolean;
  /** null when the command did not exit by itself (killed, timed out, could not start). */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** What the command printed (stdout then stderr), its last part when long. */
  output: string;
  /** Why it could not run at all (no shell, say). */
  error?: string;
}

const KEPT_OUTPUT = 8_000;

/**
 * Runs one verify command: the author's code span as ONE argument to the platform shell, from
 * `cwd`, with the caller's environment. Nothing else from the plan is passed.
 */
export function runCheck(command: string, cwd: string, timeoutMs?: number): CheckRun {
  const shell = platformShell(command);
  const started = performance.now();
  const result = spawnSync(shell.file, shell.args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsVerbatimArguments: shell.windowsVerbatimArguments,
    windowsHide: true,
    maxBuffer: 256 * 1024 * 1024,
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGTERM' as const } : {}),
  });
  const durationMs = Math.round(performance.now() - started);
  const error = result.error as NodeJS.ErrnoException | undefined;
  const timedOut = error?.code === 'ETIMEDOUT';
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return {
    passed: !error && result.status === 0,
    exitCode: result.status,
    signal: result.signal,
    timedOut,
    durationMs,
    output: output.length > KEPT_OUTPUT ? output.slice(-KEPT_OUTPUT) : output,
    ...(error && !timedOut ? { error: `${shell.file}: ${error.message}` } : {}),
  };
}
