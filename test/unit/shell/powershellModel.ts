/**
 * A model of how PowerShell (7.x, and Windows PowerShell 5.1 for what is modelled here) reads
 * one command line that calls a native program, for checking launch commands where `pwsh` is not
 * installed (Debian has no package for it). It follows about_Parsing, about_Quoting_Rules and the
 * language specification's lexical grammar (§2.3) for argument mode:
 *
 * - arguments are separated by spaces and tabs;
 * - `"…"` (and the typographic double quotes) is an expandable string: `` ` `` escapes the next
 *   character (`` `n `` `` `t `` `` `0 `` … are control characters), `""` is one quote,
 *   `${name}` / `$name` expand a variable, `$(…)` runs code;
 * - `'…'` (and the typographic single quotes) is verbatim, `''` is one quote;
 * - a bare word runs to the next space or one of `; | & ( ) { } , < >`; `$` expansions happen
 *   in it too, `` ` `` escapes;
 * - an argument that begins with a quoted string and goes on without a space becomes two
 *   arguments (`"a"b` gives `a` and `b`);
 * - `#` at the start of a word begins a comment; `;`, `|`, `&`, `(`, `)`, `{`, `}`, `<`, `>`
 *   and `,` outside quotes are syntax (another statement, a pipeline, a redirection, an array).
 *
 * Only `${env:NAME}` references are resolved (from `env`); the value of an expansion is inserted
 * as it is and never read again (that is PowerShell's rule, and the property under test).
 * Everything that would make PowerShell do more than call the program with arguments (code in
 * `$(…)`, another variable, an operator, a comment) is collected in `active`, so a test can
 * assert that nothing of the kind is in the line. Constructs outside this model throw rather
 * than being guessed at.
 */
export interface ParsedPowerShell {
  argv: string[];
  /** Constructs that would evaluate or redirect something: must be empty for a safe line. */
  active: string[];
}

const DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E']);
const SINGLE = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const SPACE = new Set([' ', '\t']);
const SYNTAX = new Set([';', '|', '&', '(', ')', '{', '}', ',', '<', '>']);
const ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export function parsePowerShellLine(line: string, env: Readonly<Record<string, string>>): ParsedPowerShell {
  const argv: string[] = [];
  const active: string[] = [];
  let i = 0;

  /** `$…` at `i`: the expansion's value, with `i` moved past it. */
  function dollar(): string {
    const next = line[i + 1];
    if (next === '{') {
      const close = line.indexOf('}', i + 2);
      if (close < 0) throw new Error(`unclosed \${ at ${i}: ${line}`);
      const name = line.slice(i + 2, close);
      i = close + 1;
      const match = /^env:(.+)$/i.exec(name);
      if (!match) {
        active.push(`\${${name}}`);
        return '';
      }
      return env[match[1]!] ?? '';
    }
    if (next === '(') {
      active.push(`$( at ${i}`);
      i += 2;
      return '';
    }
    if (next !== undefined && /[A-Za-z_?^$:]/.test(next)) {
      const name = /^[A-Za-z0-9_?^$:]+/.exec(line.slice(i + 1))![0];
      active.push(`$${name}`);
      i += 1 + name.length;
      return '';
    }
    i += 1;
    return '$';
  }

  function backtick(): string {
    const next = line[i + 1];
    if (next === undefined) throw new Error(`a line ending in a backtick continues on the next line: ${line}`);
    i += 2;
    return ESCAPES[next] ?? next;
  }

  function doubleQuoted(): string {
    let out = '';
    i++; // the opening quote
    for (;;) {
      const char = line[i];
      if (char === undefined) throw new Error(`unclosed double quote: ${line}`);
      if (DOUBLE.has(char)) {
        if (DOUBLE.has(line[i + 1] ?? '')) {
          out += '"';
          i += 2;
          continue;
        }
        i++;
        return out;
      }
      if (char === '`') out += backtick();
      else if (char === '$') out += dollar();
      else {
        out += char;
        i++;
      }
    }
  }

  function singleQuoted(): string {
    let out = '';
    i++;
    for (;;) {
      const char = line[i];
      if (char === undefined) throw new Error(`unclosed single quote: ${line}`);
      if (SINGLE.has(char)) {
        if (SINGLE.has(line[i + 1] ?? '')) {
          out += "'";
          i += 2;
          continue;
        }
        i++;
        return out;
      }
      out += char;
      i++;
    }
  }

  while (i < line.length) {
    const char = line[i]!;
    if (SPACE.has(char)) {
      i++;
      continue;
    }
    if (char === '#') {
      active.push(`comment at ${i}`);
      break;
    }
    let arg = '';
    const startsQuoted = DOUBLE.has(char) || SINGLE.has(char);
    while (i < line.length && !SPACE.has(line[i]!)) {
      const c = line[i]!;
      if (DOUBLE.has(c)) arg += doubleQuoted();
      else if (SINGLE.has(c)) arg += singleQuoted();
      else if (c === '`') arg += backtick();
      else if (c === '$') arg += dollar();
      else if (SYNTAX.has(c)) {
        active.push(`${c} at ${i}`);
        i++;
      } else {
        arg += c;
        i++;
      }
      if (startsQuoted) break; // "a"b: the quoted string is an argument of its own
    }
    argv.push(arg);
  }
  return { argv, active };
}
