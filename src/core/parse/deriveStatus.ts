import type { Phase, PhaseStatus, Task } from '../model';

/**
 * A phase's status, strongest evidence first: an explicit `Status:` field that leads with a
 * status word; then a mark in its heading (✅, "(done)"); then its tasks (all done → done,
 * some → in progress); then its sub-phases. Children are settled before their parents.
 */
export function deriveStatuses(phases: readonly Phase[]): void {
  for (const phase of phases) {
    deriveStatuses(phase.children);
    settleTaskHeadings(phase.tasks);
    const fromField = phase.statusField?.status;
    if (fromField) {
      phase.status = fromField;
      phase.statusSource = 'field';
      continue;
    }
    if (phase.statusSource === 'heading' || phase.statusSource === 'checkbox') continue;
    const fromTasks = statusOfTasks(phase.tasks);
    if (fromTasks) {
      phase.status = fromTasks;
      phase.statusSource = 'tasks';
      continue;
    }
    const fromChildren = statusOfChildren(phase.children);
    if (fromChildren) {
      phase.status = fromChildren;
      phase.statusSource = 'tasks';
    }
  }
}

/** A task heading with no done mark is done when every subtask that counts is ticked. */
function settleTaskHeadings(tasks: readonly Task[]): void {
  for (const task of tasks) {
    if (!task.heading || task.done) continue;
    const counted = task.children.filter((child) => !child.optional);
    if (counted.length > 0 && counted.every((child) => child.done)) task.done = true;
  }
}

export function flattenTasks(tasks: readonly Task[]): Task[] {
  const all: Task[] = [];
  const visit = (list: readonly Task[]) => {
    for (const task of list) {
      all.push(task);
      visit(task.children);
    }
  };
  visit(tasks);
  return all;
}

function statusOfTasks(tasks: readonly Task[]): PhaseStatus | undefined {
  const all = flattenTasks(tasks);
  if (all.length === 0) return undefined;
  // Optional tasks count as work done when ticked, but an open one never holds the phase open.
  const required = all.filter((task) => !task.optional);
  const done = all.filter((task) => task.done).length;
  if (required.length > 0 && required.every((task) => task.done)) return 'done';
  return done > 0 || all.some((task) => task.inProgress) ? 'in-progress' : 'planned';
}

function statusOfChildren(children: readonly Phase[]): PhaseStatus | undefined {
  if (children.length === 0) return undefined;
  if (children.every((child) => child.status === 'done')) return 'done';
  if (children.some((child) => child.status === 'in-progress' || child.status === 'done')) return 'in-progress';
  return undefined;
}
