import * as vscode from 'vscode';
import { displayFileName, type TextEdit } from '../../core/api';
import { applyEdits } from '../shared/applyEdits';
import { resolveTarget, type PhaseTarget, type ResolvedPhase } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';

export type WriteResult =
  | { outcome: 'applied' | 'unchanged'; resolved: ResolvedPhase }
  | { outcome: 'no-phase' | 'refused' };

/**
 * Writes one change to a phase as ONE WorkspaceEdit (one undo step), computed from the
 * document as it is now: the target is re-found in the current text, `compute` runs on that
 * version, and the edit carries that version, so VS Code refuses it if the text changed in
 * between (typing, a reload from disk). Then it is computed once more from the newer text; a
 * second refusal is reported, never forced.
 *
 * Saving follows `applyEdits` (shared/applyEdits.ts): a document without unsaved changes is
 * saved after the edit, one with unsaved changes is left as it is.
 *
 * `name` is how messages call the phase ("Phase 2B").
 */
export async function writePhase(store: PlanStore, target: PhaseTarget, name: string, compute: (resolved: ResolvedPhase) => TextEdit[]): Promise<WriteResult> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const resolved = await resolveTarget(store, target);
    const document = resolved?.document;
    if (!resolved || !document) {
      void vscode.window.showWarningMessage(`PhaseLens did not change ${name}: it is no longer a phase of ${displayFileName(target.uri)}.`);
      return { outcome: 'no-phase' };
    }
    const version = document.version;
    const edits = compute(resolved);
    if (edits.length === 0) return { outcome: 'unchanged', resolved };
    if (await applyEdits(document, edits, { saveVisible: true })) {
      return { outcome: 'applied', resolved: (await resolveTarget(store, target)) ?? resolved };
    }
    if (document.version === version) {
      // Refused although the text did not move (a read-only file, say): computing again will not help.
      void vscode.window.showWarningMessage(`PhaseLens could not change ${name}: VS Code refused to edit ${displayFileName(target.uri)}.`);
      return { outcome: 'refused' };
    }
  }
  void vscode.window.showWarningMessage(`PhaseLens did not change ${name}: ${displayFileName(target.uri)} kept changing while the edit was being written. Try again.`);
  return { outcome: 'refused' };
}
