import * as vscode from 'vscode';
import { type Finding, ruleDocsUrl, type Severity, systemTimers } from '../../core/api';
import { affects, isEnabled, lintConfig } from '../shared/config';
import { toVsRange } from '../shared/convert';
import type { PlanStore } from '../planStore';
import { DiagnosticsPublisher, type LintEditor } from './diagnosticsPublisher';
import type { PlanLinter } from './planLinter';

/**
 * Lint findings as diagnostics in the Problems panel. What to lint and when, and what to
 * publish or clear, is `DiagnosticsPublisher`'s call (plain TypeScript, unit-tested); this file
 * gives it the editor and turns each finding into a diagnostic in one place.
 */
export const DIAGNOSTIC_SOURCE = 'phaselens';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The one place a finding becomes a diagnostic. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(related.file), toVsRange(related.range)), related.message),
    );
  }
  return diagnostic;
}

/** Whether a diagnostic stands for this finding (same rule, same place). */
export function isDiagnosticOf(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  const code = diagnostic.code;
  const rule = typeof code === 'object' && code !== null ? code.value : code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && rule === finding.rule && diagnostic.range.isEqual(toVsRange(finding));
}

export interface DiagnosticsFeature extends vscode.Disposable {
  readonly collection: vscode.DiagnosticCollection;
  /** Resolves once every change seen so far is linted and published (and indexing under way is done). */
  whenIdle(): Promise<void>;
}

export function registerDiagnostics(store: PlanStore, linter: PlanLinter<vscode.Uri>): DiagnosticsFeature {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const editor = lintEditor(collection);
  const publisher = new DiagnosticsPublisher(store, linter, editor);
  return {
    collection,
    whenIdle: () => publisher.whenIdle(),
    dispose() {
      publisher.dispose();
      collection.dispose();
    },
  };
}

/** The editor as the publisher sees it: settings, tabs, documents, and the collection it publishes to. */
function lintEditor(collection: vscode.DiagnosticCollection): LintEditor<vscode.Uri> {
  return {
    lintEnabled: () => isEnabled('lint.enabled'),
    onlyOpenFiles: () => isEnabled('lint.onlyOpenFiles'),
    lintConfig: (uri) => lintConfig(uri),
    configScope: (uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '',
    openInTabs,
    activeEditor: () => vscode.window.activeTextEditor?.document.uri.toString(),
    visibleEditors: () => vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()),
    get documents() {
      return vscode.workspace.textDocuments;
    },
    parseUri: (key) => vscode.Uri.parse(key),
    onDidChangeLintSettings: (listener, thisArgs, disposables) =>
      vscode.workspace.onDidChangeConfiguration(
        (event) => {
          if (affects(event, 'lint')) listener();
        },
        thisArgs,
        disposables,
      ),
    onDidOpenOrCloseTabs: (listener, thisArgs, disposables) =>
      vscode.window.tabGroups.onDidChangeTabs(
        (event) => {
          if (event.opened.length > 0 || event.closed.length > 0) listener();
        },
        thisArgs,
        disposables,
      ),
    onDidCloseDocument: vscode.workspace.onDidCloseTextDocument,
    now: () => performance.now(),
    timers: systemTimers,
    publish(updates) {
      for (const [uri] of updates.filter(([, findings]) => findings === undefined)) collection.delete(uri);
      const set = updates.filter((update): update is readonly [vscode.Uri, Finding[]] => update[1] !== undefined).map(([uri, findings]): [vscode.Uri, vscode.Diagnostic[]] => [uri, findings.map(toDiagnostic)]);
      if (set.length > 0) collection.set(set);
    },
    clearAll: () => collection.clear(),
  };
}

/** URIs of the text documents shown in editor tabs: what "open files" means to a user. */
function openInTabs(): Set<string> {
  const open = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) open.add(tab.input.uri.toString());
      else if (tab.input instanceof vscode.TabInputTextDiff) open.add(tab.input.modified.toString());
    }
  }
  return open;
}
