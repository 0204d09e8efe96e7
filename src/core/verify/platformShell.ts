/**
 * How a verify command runs: the author's code span as ONE argument to the platform shell,
 * never split or joined with other text. `sh -c CMD` on POSIX; on Windows
 * `cmd /d /s /c "CMD"` (no AutoRun, outer quotes stripped as documented by `cmd /?`), passed
 * verbatim because cmd does not parse its command line the way the C runtime does.
 */
export interface ShellInvocation {
  file: string;
  args: string[];
  windowsVerbatimArguments: boolean;
}

export function platformShell(command: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): ShellInvocation {
  if (platform === 'win32') return { file: env.ComSpec || 'cmd.exe', args: ['/d', '/s', '/c', `"${command}"`], windowsVerbatimArguments: true };
  return { file: '/bin/sh', args: ['-c', command], windowsVerbatimArguments: false };
}
