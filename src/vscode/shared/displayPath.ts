import * as vscode from 'vscode';

/** A plan's path as the user knows it: relative to its workspace folder (named in a multi-root workspace). */
export function displayPath(uri: string | vscode.Uri): string {
  const parsed = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  return vscode.workspace.asRelativePath(parsed, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
