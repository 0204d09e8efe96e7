/**
 * Quoting for Windows `cmd.exe`, the one shell where values must be written into the command
 * line itself (its `%VAR%` expansion re-reads the value as syntax). Two parsers read the text in
 * turn: cmd.exe (inside double quotes `& | < > ( ) ^` are plain characters, `%` is expanded
 * everywhere) and the program's own argv parser (the C runtime's rules for `"` and `\`). This is
 * the scheme Rust's standard library adopted after CVE-2024-24576 ("BatBadBut"):
 * - an embedded `"` is written `""`: two toggles that leave cmd.exe's quote state unchanged, read
 *   back by the C runtime as one literal quote; backslashes before it are doubled;
 * - every `%` becomes `%%cd:~,%`: `%cd:~,%` is an empty substring of the always-defined `CD`
 *   variable, so one literal `%` remains and no variable name can form;
 * - a line break would end the command, and control characters would act as keys in the
 *   console, so line breaks and tabs become spaces and other control characters are dropped.
 * Delayed expansion (`!VAR!`) is off in cmd.exe unless the user turned it on; it cannot be
 * escaped inside quotes, so `!` is left as written.
 */

/** The value as it can be typed into a console line: no control characters, no line breaks. */
export function typeableText(value: string): string {
  return value.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

/**
 * The value's characters for the inside of a double-quoted cmd.exe word; `closingQuoteFollows`
 * says the next character of the command line is the closing `"`, before which trailing
 * backslashes must be doubled.
 */
export function escapeInCmdQuotes(value: string, closingQuoteFollows: boolean): string {
  let out = '';
  let backslashes = 0;
  for (const char of typeableText(value)) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    if (char === '"') out += '\\'.repeat(backslashes * 2) + '""';
    else out += '\\'.repeat(backslashes) + (char === '%' ? '%%cd:~,%' : char);
    backslashes = 0;
  }
  return out + '\\'.repeat(closingQuoteFollows ? backslashes * 2 : backslashes);
}

/** The value as one quoted cmd.exe word that reaches the program as one argument. */
export function quoteForCmd(value: string): string {
  return `"${escapeInCmdQuotes(value, true)}"`;
}
