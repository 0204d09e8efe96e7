import type { Phase, Task } from './model';
import { flattenTasks } from './parse/deriveStatus';

/**
 * How far a phase is, counted the way its own text shows it: its tasks (subtasks included,
 * child phases not) and its own success criteria. Only checkbox criteria can be met or unmet;
 * criteria written as plain bullets are counted but never "done".
 */
export interface PhaseProgress {
  tasksDone: number;
  tasksTotal: number;
  /** Checkbox criteria that are checked. */
  criteriaMet: number;
  /** Criteria written as checkboxes. */
  criteriaChecklist: number;
  /** Every criterion of the phase itself, checkbox or not. */
  criteriaTotal: number;
}

/** Tasks checked off and in all, subtasks included: a checkbox is a checkbox wherever it stands. */
export function taskCounts(tasks: readonly Task[]): { done: number; total: number } {
  const all = flattenTasks(tasks);
  return { done: all.filter((task) => task.done).length, total: all.length };
}

export function phaseProgress(phase: Pick<Phase, 'tasks' | 'successCriteria'>): PhaseProgress {
  const tasks = taskCounts(phase.tasks);
  const checklist = phase.successCriteria.filter((criterion) => criterion.done !== undefined);
  return {
    tasksDone: tasks.done,
    tasksTotal: tasks.total,
    criteriaMet: checklist.filter((criterion) => criterion.done).length,
    criteriaChecklist: checklist.length,
    criteriaTotal: phase.successCriteria.length,
  };
}

/**
 * `3/7 tasks · criteria 2/4`; plain-bullet criteria are only counted (`4 criteria`), and a mix
 * shows both (`criteria 1/2 · 3 more criteria`). Empty when the phase has neither.
 */
export function progressLabel(progress: PhaseProgress): string {
  const parts: string[] = [];
  if (progress.tasksTotal > 0) parts.push(`${progress.tasksDone}/${progress.tasksTotal} ${progress.tasksTotal === 1 ? 'task' : 'tasks'}`);
  const plain = progress.criteriaTotal - progress.criteriaChecklist;
  if (progress.criteriaChecklist > 0) parts.push(`criteria ${progress.criteriaMet}/${progress.criteriaChecklist}`);
  if (plain > 0) parts.push(progress.criteriaChecklist > 0 ? `${plain} more ${plain === 1 ? 'criterion' : 'criteria'}` : `${plain} ${plain === 1 ? 'criterion' : 'criteria'}`);
  return parts.join(' · ');
}

/**
 * The status a done phase goes back to when reopened: planned when it has tasks and none of
 * them is done (it was completed without doing any), in progress otherwise.
 */
export function reopenedStatus(progress: PhaseProgress): 'planned' | 'in-progress' {
  return progress.tasksTotal > 0 && progress.tasksDone === 0 ? 'planned' : 'in-progress';
}
