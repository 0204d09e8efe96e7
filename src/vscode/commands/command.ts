import * as vscode from 'vscode';

/** A command as a small object: its id (declared in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** Only commands/index.ts calls this: every command is listed there. */
export function registerCommandObjects(commands: readonly Command[]): vscode.Disposable {
  return vscode.Disposable.from(...commands.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args))));
}
