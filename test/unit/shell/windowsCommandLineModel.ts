/**
 * A model of how an argument list from PowerShell on Windows reaches a program that is a batch
 * file (an npm `.cmd` shim, say), for checking launch values where Windows is not at hand:
 *
 * 1. Windows PowerShell 5.1 (and pwsh 7.3+ for `.cmd`/`.bat` targets, its "Legacy" argument
 *    passing) joins the arguments into one command line: an argument holding a space or tab is
 *    wrapped in `"…"`, nothing inside is escaped (no `\"` for an embedded quote, trailing
 *    backslashes not doubled: the worst case of the versions in use), an empty argument is
 *    dropped.
 * 2. cmd.exe reads that line (`cmd /c "shim.cmd …"`): `"` toggles quoting; outside quotes
 *    `& | < > ( )` are syntax and `^` escapes; `%NAME%` expands everywhere; a line break ends the
 *    command. Anything of the kind is reported in `active`.
 * 3. The shim hands `%*` to node.exe, whose C runtime splits it by the CommandLineToArgvW rules
 *    (2n backslashes + `"`: n backslashes and a quote toggle; 2n+1: n and a literal `"`; `""`
 *    inside quotes: a literal `"`).
 */
export interface WindowsDelivery {
  argv: string[];
  active: string[];
}

export function legacyCommandLine(args: readonly string[]): string {
  return args
    .filter((arg) => arg !== '')
    .map((arg) => (/[ \t]/.test(arg) ? `"${arg}"` : arg))
    .join(' ');
}

export function cmdActiveSyntax(line: string): string[] {
  const active: string[] = [];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\r' || char === '\n') active.push(`line break at ${i}`);
    else if (char === '%' && /^%[^%\s]+%/.test(line.slice(i))) active.push(`%…% at ${i}`);
    else if (char === '"') quoted = !quoted;
    else if (!quoted && /[&|<>()^]/.test(char)) active.push(`${char} at ${i}`);
  }
  return active;
}

export function commandLineToArgv(line: string): string[] {
  const argv: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      let backslashes = 0;
      while (line[i] === '\\') {
        backslashes++;
        i++;
      }
      if (line[i] === '"') {
        arg += '\\'.repeat(Math.floor(backslashes / 2));
        if (backslashes % 2 === 1) {
          arg += '"';
          i++;
        } else if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else {
        arg += '\\'.repeat(backslashes);
        if (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) arg += line[i++];
      }
    }
    argv.push(arg);
  }
  return argv;
}

/** What a batch-file target receives from PowerShell for `args`, and what cmd.exe would do besides. */
export function deliverThroughBatchFile(args: readonly string[]): WindowsDelivery {
  const line = legacyCommandLine(args);
  return { argv: commandLineToArgv(line), active: cmdActiveSyntax(line) };
}
