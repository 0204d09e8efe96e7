import { phaseName } from './phases';
import { phasePrompt, promptSections, statusText, type PhasePromptInput } from './prompt';

/**
 * A team's own prompt: a markdown file (`phaselens.launch.promptTemplate`) in which `${name}`
 * stands for a part of the phase. Plain text in, plain text out: values are inserted as they are
 * and never scanned again, so a phase titled `${prompt}` stays that text.
 *
 * - `\${name}` writes `${name}` itself (the backslash goes, as markdown would drop it);
 * - a `${name}` that is not a variable is left as written and reported, so a typo shows instead
 *   of silently vanishing;
 * - the lists (`tasks`, `criteria`, `dependencies`, `subPhases`) are markdown lines, or `(none)`.
 */
export const PROMPT_VARIABLES = [
  'phaseId',
  'phaseName',
  'phaseTitle',
  'planTitle',
  'status',
  'tasks',
  'criteria',
  'dependencies',
  'subPhases',
  'file',
  'line',
  'prompt',
] as const;
export type PromptVariable = (typeof PROMPT_VARIABLES)[number];
export type PromptVariables = Readonly<Record<PromptVariable, string>>;

/** Written for an empty list, so that a heading in the template is never followed by nothing. */
export const NONE = '(none)';

export function promptVariables(input: PhasePromptInput): PromptVariables {
  const { plan, phase, file } = input;
  const sections = promptSections(input);
  const list = (lines: readonly string[]) => (lines.length > 0 ? lines.join('\n') : NONE);
  return {
    phaseId: phase.id,
    phaseName: phaseName(phase),
    phaseTitle: phase.title,
    planTitle: plan.title,
    status: statusText(phase.status),
    tasks: list(sections.tasks),
    criteria: list(sections.criteria),
    dependencies: list(sections.dependencies),
    subPhases: list(sections.subPhases),
    file,
    line: String(phase.line),
    prompt: phasePrompt(input),
  };
}

export interface FilledTemplate {
  text: string;
  /** Names written as `${name}` that are not variables, each once, in order of appearance. */
  unknown: string[];
}

const PLACEHOLDER = /(\\?)\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;

/** Replaces each `${name}` found in `values`; anything else is left exactly as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): FilledTemplate {
  const unknown: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, escape: string, name: string) => {
    if (escape) return whole.slice(1);
    if (!Object.hasOwn(values, name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    return values[name]!;
  });
  return { text, unknown };
}

/**
 * The prompt from a template file's text: a byte-order mark and Windows line ends are read
 * away (the prompt goes to a terminal, a chat or the clipboard, all of which take `\n`).
 */
export function renderPromptTemplate(template: string, input: PhasePromptInput): FilledTemplate {
  const text = template.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return fillTemplate(text, promptVariables(input));
}

/**
 * What "Create Template" writes when the configured template file does not exist yet: the
 * built-in prompt's shape spelled with variables, for a team to reword.
 */
export const STARTER_PROMPT_TEMPLATE = `# \${phaseName}: \${phaseTitle}

You are taking on \${phaseName} of the plan "\${planTitle}", defined in \`\${file}\` at line \${line}. Its status: \${status}.

## Tasks
\${tasks}

## How success is judged
\${criteria}

## What it builds on
\${dependencies}

When the work is done, check off its tasks in \`\${file}\` and make sure every success criterion holds.
`;
