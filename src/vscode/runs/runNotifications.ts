import * as vscode from 'vscode';
import { allPhases, openItems, parsePlan, type Phase, type Run, runEndMessage } from '../../core/api';
import { resolveTarget, type PhaseTarget } from '../shared/phaseTarget';
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
/**
 * The phase as its plan says now. An agent writes the file on disk and exits at once, before the
 * editor has reloaded the document: unless the document has unsaved changes (then it is what the
 * user sees), the file is read, so the notice never reports ticks the agent already made as open.
 */
async function phaseNow(store: PlanStore, target: PhaseTarget): Promise<Phase | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === target.uri);
  if (!open?.isDirty) {
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(target.uri)));
      const candidates = allPhases(parsePlan(text, target.uri)).filter((phase) => phase.key === target.key);
      if (candidates.length > 0) return candidates.reduce((best, phase) => (Math.abs(phase.line - target.line) < Math.abs(best.line - target.line) ? phase : best));
    } catch {
      // Unreadable or gone: what the store holds is the best there is.
    }
  }
  return (await resolveTarget(store, target).catch(() => undefined))?.phase;
}

export function registerRunNotifications(store: PlanStore, runs: RunTracker, notices: vscode.EventEmitter<RunEndNotice>): vscode.Disposable {
  return runs.onDidEnd(async (run) => {
    const target = { uri: run.uri, key: run.key, line: run.line };
    const phase = await phaseNow(store, target);
    const state = phase ? { done: phase.status === 'done', open: openItems(phase) } : undefined;
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
