import * as vscode from 'vscode';
import { elapsedText } from '../../core/runs';
import type { RunTracker } from './runTracker';

export const SHOW_RUNS_COMMAND = 'phaselens.showRuns';

/** `▶ 2 running`: how many phases are running, hidden when none; a click lists them. */
export function registerRunStatusBar(runs: RunTracker, now: () => number = Date.now): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('phaselens.runs', vscode.StatusBarAlignment.Left, 99);
  item.name = 'PhaseLens Runs';
  item.command = SHOW_RUNS_COMMAND;
  const render = () => {
    const running = runs.running();
    if (running.length === 0) return item.hide();
    item.text = `$(play) ${running.length} running`;
    item.tooltip = running.map((run) => `${run.name} · ${elapsedText(now() - run.startedAt)}`).join('\n');
    item.show();
  };
  render();
  const command = vscode.commands.registerCommand(SHOW_RUNS_COMMAND, async () => {
    const picks = runs.running().map((run) => ({ label: `$(play) ${run.name}`, description: `running · ${elapsedText(now() - run.startedAt)}`, run }));
    if (picks.length === 0) return void vscode.window.showInformationMessage('No phase is running.');
    const chosen = await vscode.window.showQuickPick(picks, { placeHolder: 'Show the terminal of which run?' });
    if (chosen) runs.terminalOf(chosen.run)?.show();
  });
  return vscode.Disposable.from(item, command, runs.onDidChange(render));
}
