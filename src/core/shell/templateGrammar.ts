import type { ShellKind } from './detect';

/**
 * Reads a launch template the way its shell will, far enough to know the quoting context of each
 * `${placeholder}`. A command substitution (`$(…)`, `` `…` `` in sh; `$(…)`/`(…)` in fish; `$(…)`
 * in PowerShell) opens a fresh context even inside double quotes: in `"$(printf %s ${prompt})"`
 * the placeholder stands unquoted, and a bare variable there would be split and globbed. So the
 * reader keeps a stack of frames, one per open substitution (and per `${…}` parameter expansion,
 * which keeps its surrounding context), each with its own quote state.
 */
export type Context = 'plain' | 'single' | 'double';

export interface Placeholder<V extends string> {
  variable: V;
  start: number;
  end: number;
  context: Context;
  /** Index of the quote that opened `context`. */
  openedAt: number;
  /** Index where the command the placeholder belongs to starts (after `;`, `|`, `&`, a newline or a substitution's opening). */
  commandStart: number;
}

interface Frame {
  context: Context;
  /** The context the frame was opened in; its closer counts only there. */
  base: Context;
  openedAt: number;
  closer: ')' | '`' | '}' | undefined;
  /** Open parentheses inside a `)` frame, its own included. */
  depth: number;
  commandStart: number;
}

/** PowerShell takes typographic quotes for quotes too. */
export const PS_SINGLE: ReadonlySet<string> = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
export const PS_DOUBLE: ReadonlySet<string> = new Set(['"', '\u201C', '\u201D', '\u201E']);
const isIn = (set: ReadonlySet<string>, char: string | undefined) => char !== undefined && set.has(char);

const COMMAND_SEPARATOR = /[;|&\n]/;

export function findPlaceholders<V extends string>(kind: ShellKind, template: string, placeholder: RegExp): Array<Placeholder<V>> {
  const found: Array<Placeholder<V>> = [];
  const stack: Frame[] = [{ context: 'plain', base: 'plain', openedAt: -1, closer: undefined, depth: 0, commandStart: 0 }];
  const push = (closer: Frame['closer'], context: Context, next: number) => {
    stack.push({ context, base: context, openedAt: -1, closer, depth: closer === ')' ? 1 : 0, commandStart: next });
    return next;
  };
  for (let i = 0; i < template.length; ) {
    const top = stack[stack.length - 1]!;
    placeholder.lastIndex = i;
    const match = placeholder.exec(template);
    if (match) {
      found.push({ variable: match[1] as V, start: i, end: i + match[0].length, context: top.context, openedAt: top.openedAt, commandStart: top.commandStart });
      i += match[0].length;
      continue;
    }
    const char = template[i]!;
    const next = template[i + 1];
    const closes = top.closer !== undefined && top.context === top.base;
    if (kind === 'cmd') {
      if (top.context === 'plain' && char === '^') i += 2;
      else {
        if (char === '"') top.context = top.context === 'plain' ? 'double' : 'plain';
        if (char === '"' && top.context === 'double') top.openedAt = i;
        if (top.context === 'plain' && COMMAND_SEPARATOR.test(char)) top.commandStart = i + 1;
        i++;
      }
      continue;
    }
    if (kind === 'powershell') {
      if (top.context === 'single') {
        if (isIn(PS_SINGLE, char)) {
          if (isIn(PS_SINGLE, next)) i += 2;
          else {
            top.context = 'plain';
            i++;
          }
        } else i++;
        continue;
      }
      if (char === '`') {
        i += 2;
        continue;
      }
      if ((char === '$' || (char === '@' && top.context === 'plain')) && next === '(') {
        i = push(')', 'plain', i + 2);
        continue;
      }
      if (top.context === 'double') {
        if (isIn(PS_DOUBLE, char)) {
          if (isIn(PS_DOUBLE, next)) i += 2;
          else {
            top.context = 'plain';
            i++;
          }
        } else i++;
        continue;
      }
      if (isIn(PS_SINGLE, char) || isIn(PS_DOUBLE, char)) {
        top.context = isIn(PS_SINGLE, char) ? 'single' : 'double';
        top.openedAt = i;
      } else if (char === '(' && top.closer === ')') top.depth++;
      else if (char === ')' && closes && top.closer === ')' && --top.depth === 0) stack.pop();
      else if (COMMAND_SEPARATOR.test(char)) top.commandStart = i + 1;
      i++;
      continue;
    }

    // sh and fish
    if (top.context === 'single') {
      // fish lets `\'` and `\\` stand inside single quotes; sh does not.
      if (kind === 'fish' && char === '\\' && (next === "'" || next === '\\')) i += 2;
      else {
        if (char === "'") top.context = 'plain';
        i++;
      }
      continue;
    }
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '$' && next === '(') {
      i = push(')', 'plain', i + 2);
      continue;
    }
    if (kind === 'posix' && char === '`') {
      if (top.closer === '`' && closes) stack.pop();
      else push('`', 'plain', i + 1);
      i++;
      continue;
    }
    if (kind === 'posix' && char === '$' && next === '{') {
      i = push('}', top.context, i + 2);
      continue;
    }
    if (top.context === 'double') {
      if (char === '"') top.context = 'plain';
      i++;
      continue;
    }
    if (char === "'" || char === '"') {
      top.context = char === "'" ? 'single' : 'double';
      top.openedAt = i;
    } else if (char === '}' && closes && top.closer === '}') stack.pop();
    else if (char === '(' && kind === 'fish' && top.closer !== ')') {
      push(')', 'plain', i + 1);
    } else if (char === '(' && top.closer === ')') top.depth++;
    else if (char === ')' && closes && top.closer === ')' && --top.depth === 0) stack.pop();
    else if (COMMAND_SEPARATOR.test(char)) top.commandStart = i + 1;
    i++;
  }
  return found;
}

/** The character at `i` closes the quotes of `context`. */
export function closesQuote(kind: ShellKind, text: string, i: number, context: Context): boolean {
  const char = text[i];
  if (char === undefined || context === 'plain') return false;
  if (kind === 'powershell') {
    const set = context === 'single' ? PS_SINGLE : PS_DOUBLE;
    return isIn(set, char) && !isIn(set, text[i + 1]);
  }
  return char === (context === 'single' ? "'" : '"');
}
