import * as vscode from 'vscode';
import { capitalizedPhaseName, checkAllTasksEdits, type Criterion, flattenTasks, type Phase, phaseChecks, setStatusEdits, splitLines, type Task } from '../../core/api';
import { COMPLETE_ANYWAY, runPhaseChecks } from '../verify/runPhaseChecks';
import { phaseArgument, resolveOrSay } from './phaseArgument';
import type { CommandServices, PhaseCommand, PhaseCommandResult } from './phaseCommand';
import { writePhase } from './writePhase';

export const CHECK_OFF_AND_COMPLETE = 'Check Them Off and Complete';
export { COMPLETE_ANYWAY } from '../verify/runPhaseChecks';

/** How many open items the dialog names before it says "and N more". */
const LISTED = 8;

/**
 * Complete: when tasks are open or checkbox criteria unmet, say which and let the user check
 * them off, complete anyway or cancel; then, when the phase's criteria carry verify commands,
 * run them (trusted workspaces only) and complete only when all pass, or when the user, shown
 * which failed, completes anyway. Then write "done" in the plan's own style. Checking off and
 * the status change are one edit, so one undo takes both back.
 */
export function completePhaseCommand({ store, checkResults, worktreeRuns }: CommandServices): PhaseCommand {
  return {
    id: 'phaselens.completePhase',
    async execute(argument): Promise<PhaseCommandResult> {
      const target = await phaseArgument(store, argument, 'Complete which phase?', (phase) => phase.status !== 'done');
      if (!target) return { outcome: 'no-phase' };
      const seen = await resolveOrSay(store, target);
      if (!seen) return { outcome: 'no-phase' };
      const name = capitalizedPhaseName(seen.phase);
      if (seen.phase.status === 'done') {
        void vscode.window.showInformationMessage(`${name} is already done.`);
        return { outcome: 'unchanged' };
      }

      let checkOff = false;
      const { tasks, criteria } = unfinished(seen.phase);
      if (tasks.length + criteria.length > 0) {
        const choice = await vscode.window.showWarningMessage(
          `${name} has ${counted(tasks.length, 'open task', 'open tasks')}${tasks.length && criteria.length ? ' and ' : ''}${counted(criteria.length, 'unmet criterion', 'unmet criteria')}.`,
          { modal: true, detail: listOf(tasks, criteria) },
          CHECK_OFF_AND_COMPLETE,
          COMPLETE_ANYWAY,
        );
        if (!choice) return { outcome: 'cancelled' };
        checkOff = choice === CHECK_OFF_AND_COMPLETE;
      }

      const checks = phaseChecks(seen.phase, splitLines(seen.entry.text));
      let ran: Pick<PhaseCommandResult, 'checks'> = {};
      if (checks.length > 0) {
        // A worktree's copy of the plan: its checks run at the root of that worktree.
        const run = worktreeRuns.all().find((candidate) => vscode.Uri.file(candidate.planCopy).toString() === target.uri);
        const gate = await runPhaseChecks({ target, name, checks, checkResults, ...(run ? { cwd: vscode.Uri.file(run.worktree) } : {}) });
        if (gate.outcomes) ran = { checks: gate.outcomes };
        if (!gate.complete) return { outcome: gate.outcomes ? 'checks-failed' : 'cancelled', ...ran };
      }

      // Computed again from the text as it is after the dialog, which may have changed meanwhile.
      const written = await writePhase(store, target, name, ({ entry, phase }) => [
        ...(checkOff ? checkAllTasksEdits(phase) : []),
        ...(phase.status === 'done' ? [] : setStatusEdits(entry.plan, phase, 'done', entry.text)),
      ]);
      return { outcome: written.outcome, ...ran };
    },
  };
}

export function unfinished(phase: Phase): { tasks: Task[]; criteria: Criterion[] } {
  return {
    tasks: flattenTasks(phase.tasks).filter((task) => !task.done),
    criteria: phase.successCriteria.filter((criterion) => criterion.done === false),
  };
}

function counted(count: number, one: string, many: string): string {
  return count === 0 ? '' : `${count} ${count === 1 ? one : many}`;
}

function listOf(tasks: readonly Task[], criteria: readonly Criterion[]): string {
  const lines = [...tasks.map((task) => `☐ ${task.text}`), ...criteria.map((criterion) => `☐ Criterion: ${criterion.text}`)];
  const shown = lines.slice(0, LISTED);
  if (lines.length > LISTED) shown.push(`… and ${lines.length - LISTED} more`);
  return shown.join('\n');
}
