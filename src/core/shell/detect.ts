/**
 * Which quoting rules a terminal's shell follows, read from its executable path
 * (`vscode.env.shell`, `/usr/bin/zsh`, `C:\…\pwsh.exe`). Shells whose rules PhaseLens does not
 * model (csh, tcsh, nushell, xonsh, …) get no kind: nothing is launched in them rather than
 * something quoted by guesswork.
 */
export type ShellKind = 'posix' | 'fish' | 'powershell' | 'cmd';

export interface ShellInfo {
  kind: ShellKind | undefined;
  /** The executable's name without folder, `.exe` or version suffix: `bash`, `pwsh`, `wsl`. */
  name: string;
  /** `wsl.exe`: a Linux shell behind a Windows process, reached by environment only through `WSLENV`. */
  wsl: boolean;
}

const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ksh93', 'mksh', 'pdksh', 'oksh', 'loksh', 'ash', 'yash', 'posh', 'rbash', 'busybox', 'git-bash', 'wsl']);
const POWERSHELLS = new Set(['pwsh', 'pwsh-preview', 'powershell', 'powershell_ise']);

export function detectShell(shellPath: string | undefined, platform: string): ShellInfo {
  const path = (shellPath ?? '').trim();
  // No shell known: VS Code's own default for the platform.
  if (path === '') return platform === 'win32' ? { kind: 'powershell', name: 'powershell', wsl: false } : { kind: 'posix', name: 'sh', wsl: false };
  const file = path.split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, '');
  const name = POSIX_SHELLS.has(file) || POWERSHELLS.has(file) ? file : file.replace(/[-_.]?\d+(?:\.\d+)*$/, '') || file;
  const kind: ShellKind | undefined = POSIX_SHELLS.has(name) ? 'posix' : POWERSHELLS.has(name) ? 'powershell' : name === 'fish' ? 'fish' : name === 'cmd' ? 'cmd' : undefined;
  return { kind, name, wsl: name === 'wsl' };
}
