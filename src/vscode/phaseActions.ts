import * as vscode from 'vscode';
import { registerCodeLens } from './codeLens';
import { registerPhaseCommands } from './commands';
import type { PlanStore } from './planStore';
import type { CheckResults } from './verify/checkResults';
import type { WorktreeRuns } from './parallel/worktreeRuns';
import type { RunTracker } from './runs/runTracker';

/** The start / complete / reopen feature: lenses above phase headings and the commands they (and the tree) run. */
export function registerPhaseActions(context: vscode.ExtensionContext, store: PlanStore, checkResults: CheckResults, worktreeRuns: WorktreeRuns, runs?: RunTracker): vscode.Disposable {
  return vscode.Disposable.from(
    registerPhaseCommands({ store, globalState: context.globalState, storage: context.globalStorageUri, checkResults, worktreeRuns, ...(runs ? { runs } : {}) }),
    registerCodeLens(store, checkResults),
  );
}
