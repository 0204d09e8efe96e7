import type { Phase, Plan, Task } from '../../src/core/model';

/** The reader-visible facts of a plan, as kept in the expected `.json` beside each fixture. */
export function summarizePlan(plan: Plan) {
  return {
    title: plan.title,
    successCriteria: plan.successCriteria.map((criterion) => criterion.text),
    phases: plan.phases.map(summarizePhase),
  };
}

function summarizeTask(task: Task): unknown {
  const summary: Record<string, unknown> = { text: task.text, done: task.done, line: task.line };
  if (task.children.length > 0) summary.children = task.children.map(summarizeTask);
  return summary;
}

function summarizePhase(phase: Phase): unknown {
  const summary: Record<string, unknown> = {
    id: phase.id,
    title: phase.title,
    line: phase.line,
    endLine: phase.endLine,
    status: phase.status,
  };
  if (phase.sections.length > 1) summary.sections = phase.sections.map((section) => section.line);
  if (phase.tasks.length > 0) summary.tasks = phase.tasks.map(summarizeTask);
  if (phase.successCriteria.length > 0) summary.successCriteria = phase.successCriteria.map((criterion) => `${criterion.line}: ${criterion.text}`);
  if (phase.dependsOn.length > 0) {
    summary.dependsOn = phase.dependsOn.map(
      (dependency) =>
        `${dependency.id}${dependency.resolved ? '' : ' (unresolved)'}${dependency.markedComplete ? ' (marked complete)' : ''}${dependency.section ? ` (section, by ${dependency.section})` : ''} @${dependency.line}` +
        (dependency.repeats ? ` (again @${dependency.repeats.map((range) => `${range.line}:${range.column}`).join(', @')})` : ''),
    );
  }
  if (phase.empty) summary.empty = true;
  if (phase.children.length > 0) summary.children = phase.children.map(summarizePhase);
  return summary;
}
