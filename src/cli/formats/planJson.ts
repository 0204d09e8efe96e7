import type { Criterion, DependencyRef, Phase, Plan, Task, WorkspaceIndex } from '../../core/api';

/**
 * `phaselens parse --json`: `{ "plans": [ … ] }` in the shape ARCHITECTURE.md (the CLI's JSON contract) gives. The contract fields
 * come first in every object, then everything else the model holds (ranges, keys, sections…).
 * `resolved` is the workspace's answer, not the single-file answer the parser gives.
 */
export function plansToJson(plans: readonly Plan[], index: WorkspaceIndex): string {
  return JSON.stringify({ plans: plans.map((plan) => planJson(plan, index)) }, null, 2) + '\n';
}

/** `head`'s keys first, in its order, with its values; then the rest of `full`. */
function contractFirst<T extends object>(head: Partial<Record<keyof T, unknown>>, full: T): Record<string, unknown> {
  return Object.assign({}, head, full, head);
}

function planJson(plan: Plan, index: WorkspaceIndex) {
  return contractFirst<Plan>({ file: plan.file, title: plan.title, phases: plan.phases.map((phase) => phaseJson(phase, plan, index)) }, plan);
}

function phaseJson(phase: Phase, plan: Plan, index: WorkspaceIndex): Record<string, unknown> {
  return contractFirst<Phase>(
    {
      id: phase.id,
      title: phase.title,
      line: phase.line,
      endLine: phase.endLine,
      status: phase.status,
      tasks: phase.tasks.map(taskJson),
      successCriteria: phase.successCriteria.map(criterionJson),
      dependsOn: phase.dependsOn.map((ref) => dependencyJson(ref, plan, index)),
      children: phase.children.map((child) => phaseJson(child, plan, index)),
    },
    phase,
  );
}

function taskJson(task: Task): Record<string, unknown> {
  return contractFirst<Task>({ text: task.text, done: task.done, line: task.line, children: task.children.map(taskJson) }, task);
}

function criterionJson(criterion: Criterion): Record<string, unknown> {
  return contractFirst<Criterion>({ text: criterion.text, line: criterion.line }, criterion);
}

function dependencyJson(ref: DependencyRef, plan: Plan, index: WorkspaceIndex): Record<string, unknown> {
  return contractFirst<DependencyRef>({ id: ref.id, line: ref.line, resolved: index.resolve(ref, plan.file) !== undefined }, ref);
}
