import * as vscode from 'vscode';
import { runEndMessage, type Run } from '../../core/runs';
import { openItems } from '../../core/operations/write';
import { resolveTarget } from '../phaseTarget';
import type { PlanStore } from '../planStore';
import type { RunTracker } from './runTracker';

export const COMPLETE = 'Complete';
export const SHOW = 'Show';
export const REOPEN = 'Reopen';

/** What was said when a run ended, for tests to read (the notification itself is not in the API). */
export interface RunEndNotice {
  run: Run;
  message: string;
  actions: string[];
}

/**
 * When a run ends: say how, and what the plan still has open, with what to do next: Complete
 * (the usual Complete command, with its own checks), Show (the phase and its terminal),
 * Reopen (a phase the agent marked done that you do not accept).
 */
export function registerRunNotifications(store: PlanStore, runs: RunTracker, notices: vscode.EventEmitter<RunEndNotice>): vscode.Disposable {
  return runs.onDidEnd(async (run) => {
    const target = { uri: run.uri, key: run.key, line: run.line };
    const resolved = await resolveTarget(store, target).catch(() => undefined);
    const state = resolved ? { done: resolved.phase.status === 'done', open: openItems(resolved.phase) } : undefined;
    const message = runEndMessage(run, state);
    const actions = !state ? [] : state.done ? [SHOW, REOPEN] : [COMPLETE, SHOW];
    notices.fire({ run, message, actions });
    const failed = run.endReason === 'exit' && run.exitCode !== undefined && run.exitCode !== 0;
    const show = failed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    const choice = await show(message, ...actions);
    if (choice === COMPLETE) await vscode.commands.executeCommand('phaselens.completePhase', target);
    if (choice === REOPEN) await vscode.commands.executeCommand('phaselens.reopenPhase', target);
    if (choice === SHOW) {
      await vscode.commands.executeCommand('phaselens.revealPhase', target);
      runs.terminalOf(run)?.show(true);
    }
  });
}
