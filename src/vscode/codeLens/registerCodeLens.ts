import * as vscode from 'vscode';
import type { PlanStore } from '../planStore';
import type { RunsView } from '../runs/registerRuns';
import type { CheckResults } from '../verify/checkResults';
import { DependentsLensProvider } from './dependentsLens';
import { PhaseLensProvider } from './phaseLens';
import { runLensProvider } from './runLens';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/**
 * Every lens above a phase heading, registered here and nowhere else. Above one heading they
 * read, left to right: Start / Complete / Reopen, progress and `waiting on …` (phaseLens.ts),
 * then a run's badge (runLens.ts), then `N dependents` (dependentsLens.ts).
 */
export function registerCodeLens(store: PlanStore, checkResults: CheckResults, runs: RunsView): vscode.Disposable {
  const inDisplayOrder: Array<vscode.CodeLensProvider & vscode.Disposable> = [
    new PhaseLensProvider(store, checkResults),
    runLensProvider(store, runs),
    new DependentsLensProvider(store),
  ];
  // VS Code shows the lenses of a later-registered provider before those of an earlier one at the
  // same position, so the providers are registered last-shown first.
  const registrations = [...inDisplayOrder].reverse().map((provider) => vscode.languages.registerCodeLensProvider(MARKDOWN, provider));
  return vscode.Disposable.from(...registrations, ...inDisplayOrder);
}
