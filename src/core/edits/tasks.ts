import type { Criterion, Phase, Range, Task, TextEdit } from '../model';
import { editableLines } from './section';

/** The one character between the brackets of a `[ ]` / `[x]` box. */
function markRange(checkbox: Range): Range {
  return { line: checkbox.line, column: checkbox.column + 1, endLine: checkbox.line, endColumn: checkbox.column + 2 };
}

function markEdit(checkbox: Range, done: boolean): TextEdit {
  return { range: markRange(checkbox), newText: done ? 'x' : ' ' };
}

/** A task's mark: the box character, a front-matter todo's `status` value, or a task heading's ✅. */
function taskEdit(task: Task, done: boolean): TextEdit | undefined {
  if (task.statusValue) return { range: task.statusValue, newText: done ? 'completed' : 'pending' };
  if (task.heading) return headingMarkEdit(task.checkbox, done);
  return markEdit(task.checkbox, done);
}

/**
 * A task heading's `checkbox` is its done mark with the space before it, or the empty place at
 * the heading's end where one would go. A heading done only because its subtasks are has no
 * mark to clear: nothing changes then.
 */
function headingMarkEdit(mark: Range, done: boolean): TextEdit | undefined {
  const empty = mark.line === mark.endLine && mark.column === mark.endColumn;
  if (done) return empty ? { range: mark, newText: ' ✅' } : undefined;
  return empty ? undefined : { range: mark, newText: '' };
}

/** Checks or unchecks one task; nothing when it is already in that state. */
export function toggleTaskEdits(task: Task, done: boolean): TextEdit[] {
  if (task.done === done || !task.checkbox) return [];
  const edit = taskEdit(task, done);
  return edit ? [edit] : [];
}

/** Open tasks, subtasks included; an optional task (and what hangs under it) stays as it is. */
function openTasks(tasks: readonly Task[], into: Task[]): Task[] {
  for (const task of tasks) {
    if (task.optional) continue;
    if (!task.done && task.checkbox) into.push(task);
    openTasks(task.children ?? [], into);
  }
  return into;
}

function openCheckboxCriteria(criteria: readonly Criterion[]): Array<Criterion & { checkbox: Range }> {
  return criteria.filter((c): c is Criterion & { checkbox: Range } => c.checkbox !== undefined && c.done === false);
}

/**
 * Checks every open box of the phase itself: its tasks (subtasks included) and its checkbox
 * success criteria. Child phases keep their own state: completing a parent is not completing
 * each of its children. Optional tasks are left open, and a second heading with the same id
 * keeps its own boxes (section.ts).
 */
export function checkAllTasksEdits(phase: Phase): TextEdit[] {
  const editable = editableLines(phase);
  const edits = openTasks(phase.tasks, [])
    .filter((task) => editable(task.line))
    .map((task) => taskEdit(task, true))
    .filter((edit): edit is TextEdit => edit !== undefined);
  for (const criterion of openCheckboxCriteria(phase.successCriteria)) if (editable(criterion.line)) edits.push(markEdit(criterion.checkbox, true));
  return edits.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}
