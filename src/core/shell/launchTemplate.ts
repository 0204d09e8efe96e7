import { escapeInCmdQuotes, quoteForCmd } from './cmdQuote';
import type { ShellKind } from './detect';
import { commandProblem, environmentProblem } from './launchLimits';
import { closesQuote, findPlaceholders, type Context, type Placeholder } from './templateGrammar';
import { windowsArgumentProblem } from './windowsArguments';

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
 * `--title=${phaseTitle}` all give the value as written; a command substitution opens a fresh
 * context even inside double quotes (templateGrammar.ts).
 *
 * Three more guarantees: a value that would begin an argument with `-` is refused unless the
 * template ends the program's options with `--` before it (a title `--dangerously-skip-permissions`
 * never becomes an option); under PowerShell on Windows a value that the command line Windows
 * builds would split or cmd.exe would read as syntax is refused (windowsArguments.ts); and a
 * prompt too long for the environment or the command line, or unsafe on Windows, is handed over
 * as `${promptFile}` (a file holding it) with a notice, instead of failing.
 */
export const LAUNCH_VARIABLES = ['phaseId', 'phaseTitle', 'file', 'line', 'prompt', 'promptFile'] as const;
export type LaunchVariable = (typeof LAUNCH_VARIABLES)[number];
/** `promptFile`: where the caller will write the prompt if the command needs it as a file. */
export type LaunchValues = Readonly<Record<Exclude<LaunchVariable, 'promptFile'>, string>> & { readonly promptFile?: string };

/** The environment variable that carries each value. */
export const LAUNCH_ENV: Readonly<Record<LaunchVariable, string>> = {
  phaseId: 'PHASELENS_PHASE_ID',
  phaseTitle: 'PHASELENS_PHASE_TITLE',
  file: 'PHASELENS_FILE',
  line: 'PHASELENS_LINE',
  prompt: 'PHASELENS_PROMPT',
  promptFile: 'PHASELENS_PROMPT_FILE',
};

export interface LaunchOptions {
  /** `process.platform` of the machine the terminal runs on; Windows has its own limits and command-line rules. */
  platform?: string;
}

export type ExpandedLaunch =
  | {
      ok: true;
      command: string;
      env: Record<string, string>;
      /** The command or its environment refers to the prompt file: write it before running the command. */
      usesPromptFile: boolean;
      /** Things the user should be told (the prompt went as a file, and why). */
      notices: string[];
    }
  | { ok: false; error: string };

const PLACEHOLDER = new RegExp(String.raw`\$\{(${LAUNCH_VARIABLES.join('|')})\}`, 'y');

const VARIABLE_NAMES: Readonly<Record<LaunchVariable, string>> = {
  phaseId: 'phase id',
  phaseTitle: 'phase title',
  file: 'plan path',
  line: 'line number',
  prompt: 'prompt',
  promptFile: 'prompt file path',
};

/** The placeholder is the whole of a quoted word: `"${prompt}"`, `'${prompt}'`. */
function fillsItsQuotes(kind: ShellKind, template: string, placeholder: Placeholder<LaunchVariable>): boolean {
  if (placeholder.context === 'plain' || placeholder.openedAt !== placeholder.start - 1) return false;
  return closesQuote(kind, template, placeholder.end, placeholder.context);
}

const WORD_END = /[\s;|&)}]/;
const WORD_START = /[\s;|&(`]/;

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

/** The value begins an argument: nothing of the template stands before it in its word. */
function beginsArgument(template: string, placeholder: Placeholder<LaunchVariable>, whole: boolean): boolean {
  const rightAfterQuote = placeholder.context !== 'plain' && placeholder.openedAt === placeholder.start - 1;
  // Inside quotes, only a placeholder right after the opening quote begins the argument.
  if (placeholder.context !== 'plain' && !whole && !rightAfterQuote) return false;
  const wordStart = whole || rightAfterQuote ? placeholder.openedAt : placeholder.start;
  return wordStart <= placeholder.commandStart || WORD_START.test(template[wordStart - 1]!);
}

/** The template ends the program's options (`--`) before `at`, in the same command. */
function optionsEndedBefore(template: string, placeholder: Placeholder<LaunchVariable>, at: number): boolean {
  return /(?:^|\s)--(?=\s)/.test(template.slice(placeholder.commandStart, at));
}

export function expandLaunchCommand(template: string, values: LaunchValues, kind: ShellKind, options: LaunchOptions = {}): ExpandedLaunch {
  const platform = options.platform ?? 'linux';
  const placeholders = findPlaceholders<LaunchVariable>(kind, template, PLACEHOLDER);
  const notices: string[] = [];
  const used = new Set(placeholders.map((placeholder) => placeholder.variable));
  const valueOf = (variable: LaunchVariable) => (variable === 'promptFile' ? values.promptFile : values[variable]);
  if (used.has('promptFile') && values.promptFile === undefined) return { ok: false, error: 'there is no place to write the prompt file (${promptFile}) in this window.' };

  // Why the prompt cannot travel as text here, if it cannot.
  const environmentTooSmall = kind === 'cmd' ? undefined : environmentProblem(LAUNCH_ENV.prompt, values.prompt, platform);
  let promptProblem = environmentTooSmall;
  if (environmentTooSmall && !used.has('prompt')) {
    notices.push(
      values.promptFile === undefined
        ? `The prompt was left out of the terminal's environment (${LAUNCH_ENV.prompt}): ${environmentTooSmall}.`
        : `The prompt was left out of the terminal's environment (${LAUNCH_ENV.prompt}): ${environmentTooSmall}. ${LAUNCH_ENV.promptFile} names a file holding it.`,
    );
  }
  if (!promptProblem && used.has('prompt') && platform === 'win32' && kind === 'powershell') {
    const problem = windowsArgumentProblem(values.prompt);
    if (problem) promptProblem = `${problem}, and Windows would not pass it to the program as one argument`;
  }
  const attempt = (promptAsFile: boolean): ExpandedLaunch => {
    const asWritten = (variable: LaunchVariable): LaunchVariable => (promptAsFile && variable === 'prompt' ? 'promptFile' : variable);
    let command = '';
    let copied = 0;
    let argumentLength = 0;
    for (const placeholder of placeholders) {
      const variable = asWritten(placeholder.variable);
      const value = valueOf(variable);
      if (value === undefined) return { ok: false, error: 'there is no place to write the prompt file in this window.' };
      const whole = fillsItsQuotes(kind, template, placeholder);
      const start = whole ? placeholder.start - 1 : placeholder.start;
      const end = whole ? placeholder.end + 1 : placeholder.end;
      const context: Context = whole ? 'plain' : placeholder.context;
      const written = template.slice(placeholder.start, placeholder.end);
      if (value.startsWith('-') && beginsArgument(template, placeholder, whole) && !optionsEndedBefore(template, placeholder, start)) {
        return {
          ok: false,
          error: `the ${VARIABLE_NAMES[variable]} "${value.split(/\r?\n/)[0]!.slice(0, 80)}" starts with "-", so the program would take it for an option. Put -- before ${written} in the launch command (for example "claude -- ${written}") so that what follows is read as text.`,
        };
      }
      if (kind === 'powershell' && platform === 'win32') {
        const problem = windowsArgumentProblem(value);
        if (problem) return { ok: false, error: `the ${VARIABLE_NAMES[variable]} cannot be passed safely by PowerShell on Windows: ${problem}. Use a template that does not pass it, or cmd as the terminal's shell.` };
      }
      argumentLength += value.length;
      let text: string;
      if (kind === 'cmd') {
        text = context === 'plain' ? quoteForCmd(value) : escapeInCmdQuotes(value, template[end] === '"');
      } else if (kind === 'powershell' && context !== 'double') {
        if (context === 'single') return { ok: false, error: `under PowerShell, write ${written} as an argument of its own or inside double quotes, not inside single quotes.` };
        // PowerShell splits a word that starts with a quoted string and goes on ("…".log) into two arguments.
        const startsWord = start === 0 || /\s/.test(template[start - 1]!);
        if (startsWord && end < template.length && !WORD_END.test(template[end]!)) {
          const word = template.slice(start).split(/\s/)[0];
          return { ok: false, error: `under PowerShell, a word cannot start with ${written} and go on (${word}); put the whole word in double quotes: "${word}".` };
        }
        text = reference(kind, variable, 'plain');
      } else {
        text = reference(kind, variable, context);
      }
      command += template.slice(copied, start) + text;
      copied = end;
    }
    command += template.slice(copied);
    const tooLong = commandProblem(kind, command, kind === 'cmd' ? 0 : argumentLength, platform);
    if (tooLong) return { ok: false, error: tooLong };
    const usesPromptFile = used.has('promptFile') || promptAsFile || (environmentTooSmall !== undefined && values.promptFile !== undefined);
    return { ok: true, command, env: kind === 'cmd' ? {} : environmentOf(values, usesPromptFile && values.promptFile !== undefined, environmentTooSmall !== undefined), usesPromptFile, notices };
  };

  if (promptProblem && used.has('prompt')) {
    if (values.promptFile === undefined) return { ok: false, error: `the prompt cannot be passed: ${promptProblem}.` };
    notices.push(`The prompt went to the command as a file (\${promptFile}) rather than as text: ${promptProblem}.`);
    return attempt(true);
  }
  const direct = attempt(false);
  if (direct.ok || !used.has('prompt') || values.promptFile === undefined) return direct;
  // Too long as a whole (the prompt is almost always what makes it so): try again with the file.
  const viaFile = attempt(true);
  if (viaFile.ok) viaFile.notices.push(`The prompt went to the command as a file (\${promptFile}) rather than as text: ${direct.error}.`);
  return viaFile.ok ? viaFile : direct;
}

/**
 * Environment values cannot hold NUL; everything else goes through as it is. A prompt too large
 * for the environment is left out of it (it would stop the terminal from starting at all).
 */
function environmentOf(values: LaunchValues, withPromptFile: boolean, withoutPrompt: boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of LAUNCH_VARIABLES) {
    if (variable === 'promptFile') {
      if (withPromptFile) env[LAUNCH_ENV.promptFile] = values.promptFile!;
      continue;
    }
    if (variable === 'prompt' && withoutPrompt) continue;
    env[LAUNCH_ENV[variable]] = values[variable].replace(/\u0000/g, '');
  }
  return env;
}

/**
 * `WSLENV` for a terminal that runs `wsl.exe`: Windows passes only the variables it lists into
 * Linux; `/p` translates the plan's Windows path into a Linux one.
 */
export function wslEnvFor(existing: string | undefined): string {
  const shared = LAUNCH_VARIABLES.map((variable) => (variable === 'file' || variable === 'promptFile' ? `${LAUNCH_ENV[variable]}/p` : LAUNCH_ENV[variable]));
  return [...(existing ? existing.split(':').filter(Boolean) : []), ...shared].join(':');
}
