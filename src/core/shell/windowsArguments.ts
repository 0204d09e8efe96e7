/**
 * What a value must not contain to reach a program as one argument when PowerShell on Windows
 * starts it. PowerShell passes `"${env:X}"` to a native program by building a command line:
 * Windows PowerShell 5.1 always, and pwsh 7.3+ for `.cmd`/`.bat` targets (npm installs agent CLIs
 * as `.cmd` shims), wrap an argument in `"…"` only when it holds a space or tab, and escape
 * nothing inside. The program's C runtime (CommandLineToArgvW rules) then splits that line again,
 * and for a batch file cmd.exe reads it first (the "BatBadBut" class): `&`, `|`, `<`, `>`, `^`,
 * `(`, `)` outside quotes are syntax, `%NAME%` is expanded everywhere, and a line break ends the
 * command. None of that can be escaped from inside a value, so a value that would be read as more
 * than text is refused (or, for the prompt, passed as a file) instead.
 */

const CMD_SYNTAX = /[&|<>^()]/;

/** Why `value` cannot pass safely, or undefined when it arrives as one argument, unchanged. */
export function windowsArgumentProblem(value: string): string | undefined {
  if (value === '') return 'it is empty, and Windows PowerShell drops an empty argument';
  if (value.includes('"')) return 'it contains a double quote (")';
  if (value.includes('%')) return 'it contains a percent sign (%), which cmd.exe expands';
  if (/[\r\n\u0000]/.test(value)) return 'it spans more than one line';
  // Inside the quotes PowerShell adds when the argument (the value, or the word it stands in) holds
  // a space, a trailing backslash would escape the closing quote.
  if (value.endsWith('\\')) return 'it ends with a backslash';
  if (!/[ \t]/.test(value) && CMD_SYNTAX.test(value)) return 'it contains one of & | < > ^ ( ) without a space to make PowerShell quote it';
  return undefined;
}
