import * as vscode from 'vscode';
import { elapsedText } from '../../core/api';
import { SHOW_RUNS_COMMAND } from './runCommands';
import type { RunTracker } from './runTracker';

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
  return vscode.Disposable.from(item, runs.onDidChange(render));
}
