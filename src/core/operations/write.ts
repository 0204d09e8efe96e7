import { toggleTaskEdits } from '../edits/tasks';
import { setStatusEdits } from '../edits/status';
import { splitLines } from '../edits/text';
import { capitalizedPhaseName, phaseName } from '../phases';
import type { Phase, PhaseStatus, TextEdit } from '../model';
import { flattenTasks } from '../parse/deriveStatus';
import { statusText } from '../prompt';
import { phaseChecks } from '../verify/checks';
import { findPhase, findTask, type FoundPhase } from './findPhase';
import { fail, ok, type ExpectedLine, type Outcome, type PhaseQuery, type PlanSource, type PlanWorkspace, type TaskSelector } from './types';

export const PHASE_STATUSES: readonly PhaseStatus[] = ['planned', 'in-progress', 'done', 'blocked'];

/** Every line an edit touches, as it reads now: the lines a writer must find unchanged. */
export function expectedLines(text: string, edits: readonly TextEdit[]): ExpectedLine[] {
  const lines = splitLines(text);
  const numbers = new Set<number>();
  for (const edit of edits) for (let line = edit.range.line; line <= edit.range.endLine; line++) if (line >= 1 && line <= lines.length) numbers.add(line);
  return [...numbers].sort((a, b) => a - b).map((line) => ({ line, text: lines[line - 1]! }));
}

function planWrite(source: PlanSource, edits: TextEdit[], message: string) {
  return { source, edits, expected: expectedLines(source.text, edits), message };
}

/** Checks (`done`, the default) or unchecks one task of a phase; nothing else changes, not even the phase's status. */
export function setTask(workspace: PlanWorkspace, query: PhaseQuery & { task: TaskSelector; done?: boolean }) {
  const found = findPhase(workspace, query);
  if (!found.ok) return found;
  const { source, phase } = found.value;
  const task = findTask(phase, query.task);
  if (!task.ok) return task;
  const done = query.done ?? true;
  const edits = toggleTaskEdits(task.value.task, done);
  const tasks = flattenTasks(phase.tasks);
  const doneAfter = tasks.filter((t) => (t === task.value.task ? done : t.done)).length;
  const what = `task ${task.value.index} of ${phaseName(phase)} ("${task.value.task.text}")`;
  const message = edits.length === 0 ? `${capitalize(what)} was already ${done ? 'checked' : 'unchecked'}; nothing changed.` : `${done ? 'Checked' : 'Unchecked'} ${what}. ${capitalizedPhaseName(phase)}: ${doneAfter}/${tasks.length} tasks done.`;
  return ok(planWrite(source, edits, message));
}

/** What keeps a phase from being complete: its open tasks (subtasks included) and unmet checkbox criteria. */
export function openItems(phase: Phase): string[] {
  const tasks = flattenTasks(phase.tasks).flatMap((task, i) => (task.done ? [] : [`task ${i + 1}: ${task.text}`]));
  const criteria = phase.successCriteria.filter((criterion) => criterion.done === false).map((criterion) => `criterion: ${criterion.text}`);
  return [...tasks, ...criteria];
}

/**
 * Writes "done" in the plan's own style, and only that: it never checks a box. Refused, listing
 * what is open, while a task or a checkbox criterion is open, so a phase is done only when its
 * plan says every part of it is.
 */
export function completePhase(workspace: PlanWorkspace, query: PhaseQuery) {
  const found = findPhase(workspace, query);
  if (!found.ok) return found;
  return completeFound(found.value, workspace.runChecks);
}

function completeFound({ source, phase }: FoundPhase, runChecks: PlanWorkspace['runChecks']) {
  const name = capitalizedPhaseName(phase);
  const open = openItems(phase);
  if (open.length > 0) {
    return fail('refused', `${name} is not complete: ${open.length} ${open.length === 1 ? 'item is' : 'items are'} still open. Finish and check them off first (set_task), then complete it.`, { open });
  }
  if (phase.status === 'done') return ok(planWrite(source, [], `${name} is already done; nothing changed.`));
  const checks = phaseChecks(phase, splitLines(source.text));
  if (checks.length > 0) {
    if (!runChecks) {
      return fail('refused', `${name} has ${checks.length === 1 ? 'a verify check' : `${checks.length} verify checks`} that must pass first, and they cannot be run here: complete it in the editor (which runs them) or run \`phaselens verify --phase ${phase.id}\`.`, { failedChecks: checks.map((check) => `${check.label}: not run (\`${check.command}\`)`) });
    }
    const failed = runChecks(checks).filter((outcome) => !outcome.passed);
    if (failed.length > 0) {
      return fail('refused', `${name} is not complete: ${failed.length} of ${checks.length} verify ${checks.length === 1 ? 'check' : 'checks'} failed. Fix what they check, then complete it again.`, {
        failedChecks: failed.map((outcome) => `\`${outcome.command}\` failed${outcome.exitCode === undefined ? '' : ` (exit code ${outcome.exitCode})`}`),
      });
    }
  }
  return ok(planWrite(source, setStatusEdits(source.plan, phase, 'done', source.text), `${name} is complete.`));
}

/**
 * Sets a phase's status (`planned`, `in-progress`, `blocked`) in the plan's own style. `done` is
 * the same as complete_phase, refusal included: a status tool must not be a way around it.
 */
export function setPhaseStatus(workspace: PlanWorkspace, query: PhaseQuery & { status: string }): Outcome<ReturnType<typeof planWrite>> {
  const status = PHASE_STATUSES.find((candidate) => candidate === query.status);
  if (!status) return fail('invalid-input', `\`status\` must be one of ${PHASE_STATUSES.join(', ')}; got ${JSON.stringify(query.status)}.`);
  const found = findPhase(workspace, query);
  if (!found.ok) return found;
  if (status === 'done') return completeFound(found.value, workspace.runChecks);
  const { source, phase } = found.value;
  const name = capitalizedPhaseName(phase);
  if (phase.status === status) return ok(planWrite(source, [], `${name} is already ${statusText(status)}; nothing changed.`));
  const edits = setStatusEdits(source.plan, phase, status, source.text);
  if (edits.length === 0) return fail('refused', `${name} could not be set ${statusText(status)}: PhaseLens found no place in ${source.file} to write it.`);
  return ok(planWrite(source, edits, `${name} is now ${statusText(status)}.`));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
