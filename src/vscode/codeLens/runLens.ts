import * as vscode from 'vscode';
import { allPhases } from '../../core/api';
import type { PlanStore } from '../planStore';
import type { RunsView } from '../runs/registerRuns';
import { SHOW_RUN_TERMINAL_COMMAND } from '../runs/runCommands';

/** `▶ running · 12 min` above the heading of a phase that runs (or `■ run finished` after); a click shows its terminal. */
export function runLensProvider(store: PlanStore, runs: RunsView): vscode.CodeLensProvider & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const subscription = runs.onDidChangeDisplay(() => changed.fire());
  return {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(document, token) {
      if (token.isCancellationRequested) return [];
      const entry = store.entryFor(document);
      if (!entry || runs.tracker.runs().length === 0) return [];
      const uri = entry.uri.toString();
      return allPhases(entry.plan).flatMap((phase) => {
        const badge = runs.badgeFor({ uri, key: phase.key });
        if (!badge) return [];
        const range = new vscode.Range(phase.line - 1, 0, phase.line - 1, 0);
        return [new vscode.CodeLens(range, { title: badge, command: SHOW_RUN_TERMINAL_COMMAND, arguments: [{ uri, key: phase.key }], tooltip: 'Show the run\'s terminal' })];
      });
    },
    dispose() {
      subscription.dispose();
      changed.dispose();
    },
  };
}
