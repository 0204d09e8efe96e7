import { escapeInCmdQuotes, quoteForCmd } from './cmdQuote';
import type { ShellKind } from './detect';

/**
 * Turns the `phaselens.launch.command` template into the line typed into a terminal, so that
 * no value (a phase title, a prompt: text from a workspace file) is ever read as shell syntax.
 *
 * In sh-family shells, fish and PowerShell the values never enter the command line at all: they
 * travel in the terminal's environment (`PHASELENS_PROMPT`, …) and each `${prompt}` becomes a
 * quoted reference to its variable (`"${PHASELENS_PROMPT}"`, `"$PHASELENS_PROMPT"`,
 * `"${env:PHASELENS_PROMPT}"`). The result of a variable expansion is never parsed again, so the
 * value is inert wherever the reference stands, and it arrives byte for byte (line breaks,
 * control characters, any length). The line typed stays short and readable.
 * cmd.exe re-parses expanded variables, so there the values are written into the line, quoted
 * (see cmdQuote.ts).
 *
 * Where a placeholder stands in the template matters only for getting one argument out of it:
 * the template's own quotes are tracked so that `"${prompt}"`, `'${prompt}'` and
 * `--title=${phaseTitle}` all give the value as written.
 */
export const LAUNCH_VARIABLES = ['phaseId', 'phaseTitle', 'file', 'line', 'prompt'] as const;
export type LaunchVariable = (typeof LAUNCH_VARIABLES)[number];
export type LaunchValues = Readonly<Record<LaunchVariable, string>>;

/** The environment variable that carries each value. */
export const LAUNCH_ENV: Readonly<Record<LaunchVariable, string>> = {
  phaseId: 'PHASELENS_PHASE_ID',
  phaseTitle: 'PHASELENS_PHASE_TITLE',
  file: 'PHASELENS_FILE',
  line: 'PHASELENS_LINE',
  prompt: 'PHASELENS_PROMPT',
};

export type ExpandedLaunch = { ok: true; command: string; env: Record<string, string> } | { ok: false; error: string };

type Context = 'plain' | 'single' | 'double';

interface Placeholder {
  variable: LaunchVariable;
  start: number;
  end: number;
  context: Context;
  /** Index of the quote that opened `context`. */
  openedAt: number;
}

const PLACEHOLDER = new RegExp(String.raw`\$\{(${LAUNCH_VARIABLES.join('|')})\}`, 'y');

/** PowerShell takes typographic quotes for quotes too. */
const PS_SINGLE = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const PS_DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E']);
const isIn = (set: ReadonlySet<string>, char: string | undefined) => char !== undefined && set.has(char);

/** One step of a shell's quoting rules from `i` in `context`: where the next step starts and in which context. */
function step(kind: ShellKind, text: string, i: number, context: Context): { next: number; context: Context } {
  const char = text[i]!;
  switch (kind) {
    case 'posix':
    case 'fish':
      if (context === 'single') {
        // fish lets `\'` and `\\` stand inside single quotes; sh does not.
        if (kind === 'fish' && char === '\\' && (text[i + 1] === "'" || text[i + 1] === '\\')) return { next: i + 2, context };
        return { next: i + 1, context: char === "'" ? 'plain' : context };
      }
      if (char === '\\') return { next: i + 2, context };
      if (context === 'double') return { next: i + 1, context: char === '"' ? 'plain' : context };
      return { next: i + 1, context: char === "'" ? 'single' : char === '"' ? 'double' : context };
    case 'powershell':
      if (context === 'single') {
        if (!isIn(PS_SINGLE, char)) return { next: i + 1, context };
        return isIn(PS_SINGLE, text[i + 1]) ? { next: i + 2, context } : { next: i + 1, context: 'plain' };
      }
      if (char === '`') return { next: i + 2, context };
      if (context === 'double') {
        if (!isIn(PS_DOUBLE, char)) return { next: i + 1, context };
        return isIn(PS_DOUBLE, text[i + 1]) ? { next: i + 2, context } : { next: i + 1, context: 'plain' };
      }
      return { next: i + 1, context: isIn(PS_SINGLE, char) ? 'single' : isIn(PS_DOUBLE, char) ? 'double' : context };
    case 'cmd':
      if (context === 'plain' && char === '^') return { next: i + 2, context };
      if (char === '"') return { next: i + 1, context: context === 'plain' ? 'double' : 'plain' };
      return { next: i + 1, context };
  }
}

function findPlaceholders(kind: ShellKind, template: string): Placeholder[] {
  const found: Placeholder[] = [];
  let context: Context = 'plain';
  let openedAt = -1;
  for (let i = 0; i < template.length; ) {
    PLACEHOLDER.lastIndex = i;
    const match = PLACEHOLDER.exec(template);
    if (match) {
      found.push({ variable: match[1] as LaunchVariable, start: i, end: i + match[0].length, context, openedAt });
      i += match[0].length;
      continue;
    }
    const moved = step(kind, template, i, context);
    if (moved.context !== context && moved.context !== 'plain') openedAt = i;
    context = moved.context;
    i = moved.next;
  }
  return found;
}

/** The placeholder is the whole of a quoted word: `"${prompt}"`, `'${prompt}'`. */
function fillsItsQuotes(kind: ShellKind, template: string, placeholder: Placeholder): boolean {
  if (placeholder.context === 'plain' || placeholder.openedAt !== placeholder.start - 1 || placeholder.end >= template.length) return false;
  const after = step(kind, template, placeholder.end, placeholder.context);
  return after.context === 'plain' && after.next === placeholder.end + 1;
}

const WORD_END = /[\s;|&)}]/;

function reference(kind: ShellKind, variable: LaunchVariable, context: Context): string {
  const name = LAUNCH_ENV[variable];
  switch (kind) {
    case 'posix':
      return context === 'double' ? `\${${name}}` : context === 'single' ? `'"\${${name}}"'` : `"\${${name}}"`;
    case 'fish':
      // In double quotes this closes them, expands the variable (fish never splits it) and reopens them.
      return context === 'single' ? `'"$${name}"'` : `"$${name}"`;
    default:
      return context === 'double' ? `\${env:${name}}` : `"\${env:${name}}"`;
  }
}

export function expandLaunchCommand(template: string, values: LaunchValues, kind: ShellKind): ExpandedLaunch {
  let command = '';
  let copied = 0;
  for (const placeholder of findPlaceholders(kind, template)) {
    const whole = fillsItsQuotes(kind, template, placeholder);
    const start = whole ? placeholder.start - 1 : placeholder.start;
    const end = whole ? placeholder.end + 1 : placeholder.end;
    const context: Context = whole ? 'plain' : placeholder.context;
    let text: string;
    if (kind === 'cmd') {
      text = context === 'plain' ? quoteForCmd(values[placeholder.variable]) : escapeInCmdQuotes(values[placeholder.variable], template[end] === '"');
    } else if (kind === 'powershell' && context !== 'double') {
      const written = template.slice(start, end);
      if (context === 'single') return { ok: false, error: `under PowerShell, write ${written} as an argument of its own or inside double quotes, not inside single quotes.` };
      // PowerShell splits a word that starts with a quoted string and goes on ("…".log) into two arguments.
      const startsWord = start === 0 || /\s/.test(template[start - 1]!);
      if (startsWord && end < template.length && !WORD_END.test(template[end]!)) {
        const word = template.slice(start).split(/\s/)[0];
        return { ok: false, error: `under PowerShell, a word cannot start with ${written} and go on (${word}); put the whole word in double quotes: "${word}".` };
      }
      text = reference(kind, placeholder.variable, 'plain');
    } else {
      text = reference(kind, placeholder.variable, context);
    }
    command += template.slice(copied, start) + text;
    copied = end;
  }
  command += template.slice(copied);
  return { ok: true, command, env: kind === 'cmd' ? {} : environmentOf(values) };
}

/** Environment values cannot hold NUL; everything else goes through as it is. */
function environmentOf(values: LaunchValues): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of LAUNCH_VARIABLES) env[LAUNCH_ENV[variable]] = values[variable].replace(/\u0000/g, '');
  return env;
}

/**
 * `WSLENV` for a terminal that runs `wsl.exe`: Windows passes only the variables it lists into
 * Linux; `/p` translates the plan's Windows path into a Linux one.
 */
export function wslEnvFor(existing: string | undefined): string {
  const shared = LAUNCH_VARIABLES.map((variable) => (variable === 'file' ? `${LAUNCH_ENV[variable]}/p` : LAUNCH_ENV[variable]));
  return [...(existing ? existing.split(':').filter(Boolean) : []), ...shared].join(':');
}
