import { execFile } from 'node:child_process';

export interface GitOutput {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Set when git could not be started at all (not installed, say). */
  missing?: boolean;
}

/**
 * Runs git with an argument array (never a shell line), in `cwd`. Callers put `--` before paths
 * where git allows it, so no value from a plan is ever read as an option.
 */
export function runGit(args: readonly string[], cwd: string): Promise<GitOutput> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd, windowsHide: true, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr), ...(code === 'ENOENT' ? { missing: true } : {}) });
    });
  });
}

/** Git's first line of complaint, without its `fatal:` prefix. */
export function gitComplaint(output: GitOutput): string {
  const line = output.stderr
    .split('\n')
    .map((part) => part.replace(/^(error|fatal):\s*/, '').trim())
    .find(Boolean);
  return line ?? 'git failed';
}
