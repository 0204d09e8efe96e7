// The rename a user previews: F2, a new id typed into the rename box, Ctrl+Enter (what the box
// offers for "preview"), then Discard. Shared by the language suite and the README pictures.
import * as vscode from 'vscode';
import { keyboard } from './screenshot';

/**
 * Renames the phase id at the active editor's selection to `newId` through VS Code's rename box
 * with the refactor preview, runs `whileShown` while the preview is open, and discards it. Only
 * under the code-server runner, which can type into the page (`canUseKeyboard`).
 */
export async function withRenamePreview(newId: string, whileShown: () => Promise<void>): Promise<void> {
  // F2 (what the key runs) opens the rename box; the command resolves only when the rename is over.
  const renaming = vscode.commands.executeCommand('editor.action.rename');
  try {
    // The box takes the focus after it shows; the keys go to it only then.
    await keyboard({ waitFor: '.rename-box input.rename-input:focus', type: newId, press: ['Control+Enter'] });
    await whileShown();
  } finally {
    await vscode.commands.executeCommand('refactorPreview.discard');
    await vscode.commands.executeCommand('cancelRenameInput'); // when the keys never reached the box
    await renaming;
    await vscode.commands.executeCommand('workbench.action.closePanel');
  }
}
