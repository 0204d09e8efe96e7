import * as vscode from 'vscode';
import type { TextEdit } from '../../core/api';
import { toWorkspaceEdit } from './convert';

export interface SaveRule {
  /**
   * Save a plan the user has in an editor in front of them too. Commands and agent tools do
   * (the file on disk, which a launched agent or script reads, must say what the editor says);
   * a tick in the Phases view does not, so one undo there leaves the editor as clean as before.
   */
  saveVisible: boolean;
}

/**
 * Applies the core's edits to one document as ONE WorkspaceEdit (one undo step), then saves the
 * document if it had no unsaved changes before (saving a dirty one would write the user's
 * unfinished edits too; an untitled one has no file to save to). False when VS Code refused the
 * edit (the text moved since the edits were computed, a read-only file).
 */
export async function applyEdits(document: vscode.TextDocument, edits: readonly TextEdit[], { saveVisible }: SaveRule): Promise<boolean> {
  const wasDirty = document.isDirty;
  // Judged before the edit: VS Code itself opens a dirty file nobody has open (its dirty-file
  // tracker, after ~800 ms), which a slow save would otherwise mistake for the user's editor.
  const visible = vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  let applied: boolean;
  try {
    applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, edits));
  } catch {
    applied = false;
  }
  if (!applied) return false;
  if (!wasDirty && !document.isUntitled && (saveVisible || !visible)) await document.save();
  return true;
}
