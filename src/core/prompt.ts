import { phaseName } from './lint/phaseName';
import type { Criterion, Phase, PhaseStatus, Plan, Task } from './model';
import { ancestorsOf } from './phases';
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

export function phasePrompt({ plan, phase, file, dependencies }: PhasePromptInput): string {
  const name = phaseName(phase);
  const progress = phaseProgress(phase);
  const out: string[] = [];
  out.push(`# ${phase.title ? `${name}: ${phase.title}` : name}`, '');

  const where = `${name} of the plan "${plan.title}" in \`${file}\` (line ${phase.line})`;
  const tasks = progress.tasksTotal > 0 ? `, ${progress.tasksDone} of ${progress.tasksTotal} ${progress.tasksTotal === 1 ? 'task' : 'tasks'} done` : '';
  out.push(`This is ${where}. Status: ${STATUS_TEXT[phase.status]}${tasks}.`);

  if (phase.tasks.length > 0) out.push('', '## Tasks', ...taskLines(phase.tasks, ''));

  const inherited = inheritedCriteria(plan, phase);
  if (phase.successCriteria.length > 0 || inherited.length > 0) {
    out.push('', '## Success criteria', ...phase.successCriteria.map(criterionLine));
    for (const { source, criteria } of inherited) out.push(`From ${source}:`, ...criteria.map(criterionLine));
  }

  if (dependencies.length > 0) out.push('', '## Depends on', ...dependencies.map(dependencyLine));

  if (phase.children.length > 0) out.push('', '## Sub-phases', ...phase.children.map(childLine));

  out.push('', `When the work is done, check off its tasks in \`${file}\` and make sure every success criterion holds.`);
  return out.join('\n') + '\n';
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
