import * as vscode from 'vscode';
import type { PhaseLensApi } from './api';
import { PlanStore } from './planStore';

/**
 * The composition root: every feature is one `registerX(...)` that returns a Disposable, and
 * all of them go on `context.subscriptions`. Activation does no parsing of its own: plans are
 * read when a markdown document is open or the Phases view is shown.
 */
export function activate(context: vscode.ExtensionContext): PhaseLensApi {
  const store = new PlanStore();
  context.subscriptions.push(store);
  const api: PhaseLensApi = { store };
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
