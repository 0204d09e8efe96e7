import type * as vscode from 'vscode';
import type { DependencyGraphApi } from './graph/registerDependencyGraph';
import type { LintApi } from './lint/registerLint';
import type { PlanStore } from './planStore';
import type { RunEndNotice } from './runs/runNotifications';
import type { RunTracker } from './runs/runTracker';
import type { PhasesTreeApi } from './tree/registerPhasesView';

/** What integration tests see of runs: the tracker and each run-end notification as shown. */
export interface RunsApi {
  tracker: RunTracker;
  onDidNotify: vscode.Event<RunEndNotice>;
}

/**
 * What `activate` returns: the extension's live state, so integration tests assert what a user
 * sees (tree items, diagnostics, the graph's model, runs) through the real objects, typed. Only
 * the tests use it; nothing here is a promise to other extensions.
 */
export interface PhaseLensApi {
  store: PlanStore;
  tree: PhasesTreeApi;
  diagnostics: LintApi;
  graph: DependencyGraphApi;
  runs: RunsApi;
}
