import * as vscode from 'vscode';
import type { PhaseLensApi } from './api';
import { PlanStore } from './planStore';
import { registerPhasesView } from './tree/registerPhasesView';
import { registerLint } from './lint/registerLint';
import { registerPhaseActions } from './phaseActions';
import { registerDependencyGraph } from './graph/registerDependencyGraph';
import { registerLanguageFeatures } from './language/registerLanguageFeatures';
import { CheckResults } from './verify/checkResults';
import { WorktreeRuns } from './parallel/worktreeRuns';
import { WorktreeProgress } from './parallel/worktreeProgress';
import { registerVerifyDiagnostics } from './verify/registerVerify';
import { registerRuns } from './runs/registerRuns';
import { registerTools } from './tools/registerTools';

/**
 * The composition root: every feature is one `registerX(...)` that returns a Disposable, and
 * all of them go on `context.subscriptions`. Activation does no parsing of its own: plans are
 * read when a markdown document is open or the Phases view is shown.
 */
export function activate(context: vscode.ExtensionContext): PhaseLensApi {
  const store = new PlanStore({
    storage: context.storageUri,
    parserWorker: vscode.Uri.joinPath(context.extensionUri, 'dist', 'planParserWorker.js').fsPath,
  });
  context.subscriptions.push(store);
  const worktreeRuns = new WorktreeRuns(context.workspaceState);
  const worktreeProgress = new WorktreeProgress(worktreeRuns, store);
  context.subscriptions.push(worktreeRuns, worktreeProgress);
  const phasesView = registerPhasesView(context, store, worktreeProgress);
  context.subscriptions.push(phasesView);
  const lint = registerLint(store);
  context.subscriptions.push(lint);
  // Before the phase actions: VS Code puts lenses of later providers first, and `N dependents` belongs after them.
  context.subscriptions.push(registerLanguageFeatures(store));
  context.subscriptions.push(registerTools(context, store));
  const runs = registerRuns(context, store);
  context.subscriptions.push(runs, phasesView.api.provider.showRuns((target) => runs.view.badgeFor(target), runs.view.onDidChangeDisplay));
  const checkResults = new CheckResults(context.workspaceState);
  context.subscriptions.push(checkResults, registerVerifyDiagnostics(store, checkResults));
  context.subscriptions.push(registerPhaseActions(context, store, checkResults, worktreeRuns, runs.view.tracker));
  const graph = registerDependencyGraph(store, context);
  context.subscriptions.push(graph);
  const api: PhaseLensApi = { store, tree: phasesView.api, diagnostics: lint.api, graph: graph.api, runs: { tracker: runs.view.tracker, onDidNotify: runs.onDidNotify } };
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
