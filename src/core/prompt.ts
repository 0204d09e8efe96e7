import { ancestorsOf, phaseName } from './phases';
import type { Criterion, Phase, PhaseStatus, Plan, Task } from './model';
import { phaseProgress } from './progress';

/**
 * A phase written as a prompt for a person or an agent who takes it on: what it is, where it
 * stands in the file, what to do, how to know it is done and what it builds on. Plain data in,
 * markdown out, so the same text goes to the clipboard and into `${prompt}` of a launch command.
 */
export interface PromptDependency {
  /** How messages name it: "Phase 2B", "P0", "Stage 1". */
  name: string;
  /** Undefined when no phase in the workspace answers to the reference. */
  title?: string;
  status?: PhaseStatus;
  /** Where it is defined when that is not the phase's own file (workspace-relative). */
  file?: string;
  line?: number;
}

export interface PhasePromptInput {
  plan: Plan;
  phase: Phase;
  /** How the prompt names the plan's file: a workspace-relative path. */
  file: string;
  dependencies: readonly PromptDependency[];
}

const STATUS_TEXT: Readonly<Record<PhaseStatus, string>> = {
  planned: 'planned',
  'in-progress': 'in progress',
  done: 'done',
  blocked: 'blocked',
};

export function statusText(status: PhaseStatus): string {
  return STATUS_TEXT[status];
}

export function phasePrompt(input: PhasePromptInput): string {
  const { plan, phase, file } = input;
  const name = phaseName(phase);
  const sections = promptSections(input);
  const out: string[] = [];
  out.push(`# ${phase.title ? `${name}: ${phase.title}` : name}`, '');
  out.push(`This is ${name} of the plan "${plan.title}" in \`${file}\` (line ${phase.line}). Status: ${progressSentence(phase)}.`);

  if (sections.tasks.length > 0) out.push('', '## Tasks', ...sections.tasks);
  // How success is judged is the part an agent most needs: when the plan says nothing, the prompt says so.
  out.push('', '## Success criteria', ...(sections.criteria.length > 0 ? sections.criteria : [noCriteriaLine(phase, sections.tasks.length > 0)]));
  if (sections.dependencies.length > 0) out.push('', '## Depends on', ...sections.dependencies);
  if (sections.subPhases.length > 0) out.push('', '## Sub-phases', ...sections.subPhases);

  out.push('', ...closingLines(name, phase.id, file));
  return out.join('\n') + '\n';
}

/**
 * How the agent keeps the plan honest: through PhaseLens's plan tools when it has them (they
 * tick exactly one box at a time and refuse to complete an unfinished phase), by hand otherwise.
 */
export function closingLines(name: string, id: string, file: string): string[] {
  return [
    `Keep the plan up to date as you work. If you have the PhaseLens plan tools (\`set_task\`, \`complete_phase\`, … from the \`phaselens mcp\` server, or \`phaselens_set_task\`, \`phaselens_complete_phase\`, … in VS Code), use them with phase \`${id}\`: check off each task as soon as it is really done, then complete ${name}; completing is refused while a task or checkbox criterion is open.`,
    `Without those tools, check off its tasks in \`${file}\` when the work is done, and make sure every success criterion holds.`,
  ];
}

/** The lists a prompt is made of, as markdown lines; empty when the phase has none. Prompt templates use them too. */
export interface PromptSections {
  /** `- [ ] text` checklist lines, subtasks indented. */
  tasks: string[];
  /** The phase's own criteria, then those it inherits, each group introduced by "From …:". */
  criteria: string[];
  /** `- Phase 2A: Importer — in progress` lines. */
  dependencies: string[];
  /** `- P5.1: Outbox — planned, 0/2 tasks` lines. */
  subPhases: string[];
}

export function promptSections({ plan, phase, dependencies }: PhasePromptInput): PromptSections {
  const criteria = phase.successCriteria.map(criterionLine);
  for (const { source, criteria: inherited } of inheritedCriteria(plan, phase)) criteria.push(`From ${source}:`, ...inherited.map(criterionLine));
  return {
    tasks: taskLines(phase.tasks, ''),
    criteria,
    dependencies: dependencies.map(dependencyLine),
    subPhases: phase.children.map(childLine),
  };
}

/** "in progress, 1 of 3 tasks done": the status and, when the phase lists tasks, how many are done. */
function progressSentence(phase: Phase): string {
  const progress = phaseProgress(phase);
  const tasks = progress.tasksTotal > 0 ? `, ${progress.tasksDone} of ${progress.tasksTotal} ${progress.tasksTotal === 1 ? 'task' : 'tasks'} done` : '';
  return `${STATUS_TEXT[phase.status]}${tasks}`;
}

function noCriteriaLine(phase: Phase, hasTasks: boolean): string {
  const name = phaseName(phase);
  return hasTasks
    ? `The plan states none for ${name}: it is done when every task above is checked off.`
    : `The plan states neither tasks nor success criteria for ${name}: agree with the user on what "done" means before starting.`;
}

function taskLines(tasks: readonly Task[], indent: string): string[] {
  return tasks.flatMap((task) => [`${indent}- [${task.done ? 'x' : ' '}] ${task.text}`, ...taskLines(task.children, `${indent}  `)]);
}

function criterionLine(criterion: Criterion): string {
  return criterion.done === undefined ? `- ${criterion.text}` : `- [${criterion.done ? 'x' : ' '}] ${criterion.text}`;
}

/** Criteria that hold for the phase because an enclosing phase or the whole plan states them. */
function inheritedCriteria(plan: Plan, phase: Phase): Array<{ source: string; criteria: Criterion[] }> {
  const found = ancestorsOf(plan, phase)
    .reverse()
    .filter((ancestor) => ancestor.successCriteria.length > 0)
    .map((ancestor) => ({ source: `${phaseName(ancestor)} (enclosing phase)`, criteria: ancestor.successCriteria }));
  if (plan.successCriteria.length > 0) found.push({ source: 'the whole plan', criteria: plan.successCriteria });
  return found;
}

function dependencyLine(dependency: PromptDependency): string {
  const label = dependency.title ? `${dependency.name}: ${dependency.title}` : dependency.name;
  if (!dependency.status) return `- ${label} — not found in the workspace`;
  const where = dependency.file ? ` (\`${dependency.file}\`${dependency.line ? `, line ${dependency.line}` : ''})` : '';
  return `- ${label} — ${STATUS_TEXT[dependency.status]}${where}`;
}

function childLine(child: Phase): string {
  const progress = phaseProgress(child);
  const tasks = progress.tasksTotal > 0 ? `, ${progress.tasksDone}/${progress.tasksTotal} tasks` : '';
  return `- ${phaseName(child)}${child.title ? `: ${child.title}` : ''} — ${STATUS_TEXT[child.status]}${tasks}`;
}
