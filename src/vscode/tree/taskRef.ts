import { allPhases, flattenTasks, type Plan, type Task } from '../../core/api';

/** A task as the tree or a caller saw it: where it stood and what it said. */
export interface TaskRef {
  /** `Uri.toString()` of the plan. */
  uri: string;
  /** 1-based. */
  line: number;
  /** The task's text when it was seen; a task found at `line` with other text is not the same task. */
  text?: string;
}

/**
 * The task a ref names in the plan as it reads now: at its line with its text, else the one
 * with its text nearest to that line. Undefined when the text is gone: better refuse than tick
 * some other box.
 */
export function findCurrentTask(plan: Plan, ref: TaskRef): Task | undefined {
  const tasks = allPhases(plan).flatMap((phase) => flattenTasks(phase.tasks));
  const atLine = tasks.find((task) => task.line === ref.line);
  if (atLine && (ref.text === undefined || atLine.text === ref.text)) return atLine;
  if (ref.text === undefined) return undefined;
  let best: Task | undefined;
  for (const task of tasks) {
    if (task.text === ref.text && (!best || Math.abs(task.line - ref.line) < Math.abs(best.line - ref.line))) best = task;
  }
  return best;
}
