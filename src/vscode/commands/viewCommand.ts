import * as vscode from 'vscode';

/** A command as a small object: its id and what it does (VS Code's markdown extension style). */
export interface ViewCommand {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export function registerViewCommands(commands: readonly ViewCommand[]): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args))));
}
