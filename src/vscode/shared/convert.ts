import * as vscode from 'vscode';
import type { Range, TextEdit } from '../../core/api';

/** Core ranges are 1-based lines, 0-based columns; VS Code's are 0-based both. */
export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.line - 1, range.column, range.endLine - 1, range.endColumn);
}

export function toVsPosition(line: number, column = 0): vscode.Position {
  return new vscode.Position(Math.max(0, line - 1), column);
}

/** The core's edits for one document as one WorkspaceEdit: one undo step. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const change of edits) edit.replace(uri, toVsRange(change.range), change.newText);
  return edit;
}
