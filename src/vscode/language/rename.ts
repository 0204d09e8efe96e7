import * as vscode from 'vscode';
import { phaseName, referenceName, renamePhase } from '../../core/api';
import { toVsRange } from '../shared/convert';
import type { PlanStore } from '../planStore';
import { mentionNow, planContext, planContextNow, uriOf } from './planContext';
import { displayPath } from '../shared/displayPath';

/**
 * F2 on a phase heading id or a dependency reference renames the phase: its heading and every
 * reference in every plan, each spelling of it, in one WorkspaceEdit whose entries carry a label,
 * so Ctrl+Enter (Cmd+Enter on macOS) in the rename box opens VS Code's refactor preview. A
 * position that is no phase id is refused in prepareRename (VS Code shows the message at the
 * cursor); a refused new name (taken id, another kind) ends the rename with an empty edit and a
 * warning.
 */
export class PhaseRenameProvider implements vscode.RenameProvider {
  constructor(private readonly store: PlanStore) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<{ range: vscode.Range; placeholder: string } | undefined> {
    const context = await planContext(this.store, document, token);
    // Not a plan: the built-in markdown rename (headers, links) is the one to ask.
    if (!context) return undefined;
    const mention = mentionNow(context, document, position);
    if (!mention) throw new Error('To rename a phase, put the cursor on its id in a phase heading or in a dependency field.');
    if (mention.kind === 'prose') {
      throw new Error(`"${mention.text}" is a mention in running text, which a rename leaves as written: rename ${phaseName(mention.target.phase)} from its heading or a dependency field.`);
    }
    if (!mention.target) {
      const written = mention.kind === 'dependency' ? referenceName(mention.reference) : '';
      throw new Error(`No phase in the workspace answers to ${written}, so there is nothing to rename.`);
    }
    const range = toVsRange(mention.range);
    return { range, placeholder: document.getText(range) };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    await this.store.ensureIndexed();
    if (token.isCancellationRequested) return undefined;
    // Every open plan at its current text, unsaved edits included: the edit's ranges are made against it.
    const context = planContextNow(this.store, document);
    const mention = context && mentionNow(context, document, position);
    const target = mention && mention.kind !== 'prose' ? mention.target : undefined;
    if (!context || !target) return undefined;

    const lines = new Map<string, string[] | undefined>();
    const lineOf = (file: string, line: number) => {
      if (!lines.has(file)) lines.set(file, this.store.get(uriOf(file))?.text.split(/\r?\n/));
      return lines.get(file)?.[line - 1];
    };
    const result = renamePhase(context.index, target, newName, lineOf, { fileLabel: displayPath });
    if (!result.ok) {
      // Not thrown: VS Code would hand a refused rename to the next provider, and the built-in
      // markdown one renames the whole heading text ("## Phase 2B: Loader" → "## 2A"). An empty
      // edit ends the rename; the message says why.
      void vscode.window.showWarningMessage(`Cannot rename ${phaseName(target.phase)} to "${newName.trim()}": ${result.reason}.`);
      return new vscode.WorkspaceEdit();
    }

    const edit = new vscode.WorkspaceEdit();
    const metadata: vscode.WorkspaceEditEntryMetadata = { needsConfirmation: false, label: `Rename ${phaseName(target.phase)} → ${newName.trim()}` };
    for (const [file, changes] of result.edits) {
      for (const change of changes) edit.replace(uriOf(file), toVsRange(change.range), change.newText, metadata);
    }
    return edit;
  }
}
