import * as vscode from 'vscode';
import { isEnabled } from '../shared/config';
import { toWorkspaceEdit } from '../shared/convert';
import { isDiagnosticOf } from './diagnostics';
import { findingTouches, fixAllAction, quickFixActions, type FixAction } from './fixActions';
import type { PlanLinter } from './planLinter';
import type { PlanStore } from '../planStore';

/** `source.fixAll.phaselens`: what `editor.codeActionsOnSave` runs to apply every preferred fix. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('phaselens');

/**
 * Quick fixes for PhaseLens findings: the fixes the core attaches to each finding (criteria
 * skeleton, mojibake repair, reference replacement or removal, status update), then "Disable
 * <rule> for this line / file", plus a fix-all. Actions are computed from the findings of the
 * document's current version, never from diagnostics that may be a keystroke old, and each
 * is one WorkspaceEdit (one undo step).
 */
export function registerQuickFixes(store: PlanStore, linter: PlanLinter<vscode.Uri>): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new PhaseLensCodeActions(store, linter), {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
}

class PhaseLensCodeActions implements vscode.CodeActionProvider {
  constructor(
    private readonly store: PlanStore,
    private readonly linter: PlanLinter<vscode.Uri>,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    if (token.isCancellationRequested || !isEnabled('lint.enabled')) return [];
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const wantQuickFixes = wants(vscode.CodeActionKind.QuickFix);
    const wantFixAll = wants(FIX_ALL_KIND);
    if (!wantQuickFixes && !wantFixAll) return [];
    const entry = this.store.entryFor(document);
    if (!entry || entry.plan.phases.length === 0) return [];
    // Until the workspace is indexed, a reference to another plan would look broken: no fix for that.
    const findings = this.linter.findingsFor(entry, { provisional: !this.store.isIndexed });
    // Linting a long plan took a while and the cursor moved on: these actions would be dropped.
    if (token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    const fixAll = fixAllAction(findings);

    if (wantQuickFixes) {
      const asked = { line: range.start.line + 1, column: range.start.character, endLine: range.end.line + 1, endColumn: range.end.character };
      const here = findings.filter((finding) => findingTouches(finding, asked));
      for (const action of quickFixActions(here, entry.text)) actions.push(this.toCodeAction(document, action, vscode.CodeActionKind.QuickFix, context));
      // Like ESLint's "Fix all auto-fixable problems": offered where one of them is, when there are several.
      if (fixAll && fixAll.findings.length > 1 && here.some((finding) => fixAll.findings.includes(finding))) {
        actions.push(this.toCodeAction(document, fixAll, vscode.CodeActionKind.QuickFix, context));
      }
    }
    if (wantFixAll && fixAll) actions.push(this.toCodeAction(document, { ...fixAll, title: 'Fix all PhaseLens problems' }, FIX_ALL_KIND, context));
    return actions;
  }

  private toCodeAction(document: vscode.TextDocument, action: FixAction, kind: vscode.CodeActionKind, context: vscode.CodeActionContext): vscode.CodeAction {
    const codeAction = new vscode.CodeAction(action.title, kind);
    codeAction.edit = toWorkspaceEdit(document.uri, action.edits);
    codeAction.isPreferred = action.isPreferred;
    const diagnostics = context.diagnostics.filter((diagnostic) => action.findings.some((finding) => isDiagnosticOf(diagnostic, finding)));
    if (diagnostics.length > 0) codeAction.diagnostics = diagnostics;
    return codeAction;
  }
}
