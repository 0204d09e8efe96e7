import * as vscode from 'vscode';

/**
 * A new terminal for each launch: one named after a phase may still be running the last
 * launch (an agent waiting for input), and typing into it would answer that program instead.
 */
export function newPhaseTerminal(name: string, env: Record<string, string>, cwd: vscode.Uri | undefined): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name, env, ...(cwd ? { cwd } : {}) });
  terminal.show();
  return terminal;
}

/** The workspace folder of the plan, else the plan's own folder (for a plan opened on its own). */
export function workingFolderFor(uri: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return folder.uri;
  return uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..') : undefined;
}
