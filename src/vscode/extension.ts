import * as vscode from 'vscode';
import type { PhaseLensApi } from './api';
import { registerCodeLens } from './codeLens/registerCodeLens';
import { registerCommands } from './commands';
import { registerDependencyGraph } from './graph/registerDependencyGraph';
import { registerLanguageFeatures } from './language/registerLanguageFeatures';
import { registerLint } from './lint/registerLint';
import { WorktreeProgress } from './parallel/worktreeProgress';
import { WorktreeRuns } from './parallel/worktreeRuns';
import { PlanStore } from './planStore';
import { registerRuns } from './runs/registerRuns';
import { registerTools } from './tools/registerTools';
import { registerPhasesView } from './tree/registerPhasesView';
import { CheckResults } from './verify/checkResults';
import { registerVerifyDiagnostics } from './verify/registerVerify';

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
  const checkResults = new CheckResults(context.workspaceState);
  context.subscriptions.push(worktreeRuns, worktreeProgress, checkResults);

  const phasesView = registerPhasesView(context, store, worktreeProgress);
  const lint = registerLint(store);
  const runs = registerRuns(context, store);
  const graph = registerDependencyGraph(store, context);
  context.subscriptions.push(
    phasesView,
    lint,
    runs,
    phasesView.api.provider.showRuns((target) => runs.view.badgeFor(target), runs.view.onDidChangeDisplay),
    registerLanguageFeatures(store),
    registerTools(context, store),
    registerVerifyDiagnostics(store, checkResults),
    registerCodeLens(store, checkResults, runs.view),
    graph,
    registerCommands({
      store,
      globalState: context.globalState,
      storage: context.globalStorageUri,
      checkResults,
      worktreeRuns,
      runs: runs.view.tracker,
      phasesView: phasesView.parts,
      graphPanel: graph.panel,
    }),
  );
  return { store, tree: phasesView.api, diagnostics: lint.api, graph: graph.api, runs: { tracker: runs.view.tracker, onDidNotify: runs.onDidNotify } };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
