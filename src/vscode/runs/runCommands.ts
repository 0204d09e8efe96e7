import * as vscode from 'vscode';
import { elapsedText } from '../../core/api';
import type { Command } from '../commands/command';
import type { RunTracker } from './runTracker';

export const SHOW_RUN_TERMINAL_COMMAND = 'phaselens.showRunTerminal';
export const SHOW_RUNS_COMMAND = 'phaselens.showRuns';

/** The run lens's click: the terminal a phase runs (or ran) in. */
export function showRunTerminalCommand(runs: RunTracker): Command {
  return {
    id: SHOW_RUN_TERMINAL_COMMAND,
    execute(target?: { uri: string; key: string }) {
      const run = target ? runs.runOf(target) : undefined;
      const terminal = run && runs.terminalOf(run);
      if (terminal) terminal.show();
      else if (run) void vscode.window.showInformationMessage(`The terminal of ${run.name}'s run is closed.`);
    },
  };
}

/** The runs status-bar item's click: pick a running phase, see its terminal. */
export function showRunsCommand(runs: RunTracker, now: () => number = Date.now): Command {
  return {
    id: SHOW_RUNS_COMMAND,
    async execute() {
      const picks = runs.running().map((run) => ({ label: `$(play) ${run.name}`, description: `running · ${elapsedText(now() - run.startedAt)}`, run }));
      if (picks.length === 0) return void vscode.window.showInformationMessage('No phase is running.');
      const chosen = await vscode.window.showQuickPick(picks, { placeHolder: 'Show the terminal of which run?' });
      if (chosen) runs.terminalOf(chosen.run)?.show();
    },
  };
}
