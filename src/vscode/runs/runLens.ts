import * as vscode from 'vscode';
import { allPhases } from '../../core/phases';
import type { PlanStore } from '../planStore';
import type { RunsView } from './registerRuns';

export const SHOW_RUN_TERMINAL_COMMAND = 'phaselens.showRunTerminal';

/** `▶ running · 12 min` above the heading of a phase that runs (or `■ run finished` after); a click shows its terminal. */
export function registerRunLens(store: PlanStore, runs: RunsView): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
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
  };
  const command = vscode.commands.registerCommand(SHOW_RUN_TERMINAL_COMMAND, (target: { uri: string; key: string }) => {
    const run = target && runs.tracker.runOf(target);
    const terminal = run && runs.tracker.terminalOf(run);
    if (terminal) terminal.show();
    else if (run) void vscode.window.showInformationMessage(`The terminal of ${run.name}'s run is closed.`);
  });
  return vscode.Disposable.from(changed, command, runs.onDidChangeDisplay(() => changed.fire()), vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider));
}
