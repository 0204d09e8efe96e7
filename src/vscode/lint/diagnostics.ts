import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../../core/graph';
import type { Finding, LintConfig, Severity } from '../../core/lint';
import { affects, isEnabled, lintConfig } from '../config';
import { toVsRange } from '../convert';
import { plansAffectedBy } from './affectedPlans';
import type { PlanLinter } from './planLinter';
import { ruleDocsUrl } from './ruleDocs';
import type { PlanStore } from '../planStore';

/**
 * Lint findings as diagnostics: for open plans as they are typed (after the store's debounce)
 * and for every plan of the workspace once it is indexed (the Problems panel). A change
 * re-lints only the plans whose findings it can change (see `plansAffectedBy`), in slices
 * that yield to the extension host, open documents first; a result computed for a document
 * version older than the one in the editor is dropped.
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

export function registerDiagnostics(store: PlanStore, linter: PlanLinter): DiagnosticsFeature {
  return new DiagnosticsPublisher(store, linter);
}

/** A pass yields to the extension host after this much work, so typing never waits on it. */
const SLICE_MS = 30;

class DiagnosticsPublisher implements DiagnosticsFeature {
  readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  /** What is shown per URI, as a signature, so an unchanged result is not sent again. */
  private readonly published = new Map<string, string>();
  /** Plans the store reported changed since the last pass started. */
  private readonly changed = new Set<string>();
  /** Plans still to lint (a pass that was cut short, or waits for the index, leaves some). */
  private readonly dirty = new Set<string>();
  private everything = true;
  /** The index the published findings were computed against. */
  private lastIndex: WorkspaceIndex | undefined;
  /** Bumped by every change: a pass that sees a newer generation stops at its next slice. */
  private generation = 0;
  private scheduled: Promise<void> | undefined;
  private passing: Promise<void> | undefined;
  private awaitedIndexing: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: PlanStore,
    private readonly linter: PlanLinter,
  ) {
    this.disposables = [
      this.collection,
      store.onDidChange((uris) => {
        if (!isEnabled('lint.enabled')) return;
        for (const uri of uris) this.changed.add(uri.toString());
        this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affects(event, 'lint')) return;
        if (!isEnabled('lint.enabled')) this.clearAll();
        else this.relintAll();
      }),
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        if ((event.opened.length > 0 || event.closed.length > 0) && isEnabled('lint.onlyOpenFiles')) this.relintAll();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.linter.forget(document.uri)),
    ];
    this.schedule();
  }

  async whenIdle(): Promise<void> {
    for (;;) {
      const pending = this.scheduled ?? this.passing ?? (this.awaitedIndexing && !this.store.isIndexed ? this.awaitedIndexing : undefined);
      if (!pending) return;
      await pending;
    }
  }

  private relintAll() {
    this.everything = true;
    this.schedule();
  }

  private clearAll() {
    this.generation++;
    this.collection.clear();
    this.published.clear();
    this.changed.clear();
    this.dirty.clear();
    this.lastIndex = undefined;
    this.everything = true;
    this.linter.clear();
  }

  private schedule() {
    this.generation++;
    if (this.scheduled) return;
    this.scheduled = (async () => {
      await yieldToHost();
      // A pass cut short by this change stops at its next slice; let it, then start afresh.
      await this.passing;
      this.scheduled = undefined;
      const pass = this.pass(this.generation).catch((error: unknown) => console.error('[phaselens] publishing diagnostics failed:', error));
      this.passing = pass;
      await pass;
      if (this.passing === pass) this.passing = undefined;
    })();
  }

  /** Once the workspace index is complete, everything is linted again with the cross-file rules. */
  private awaitIndexing() {
    const indexing = this.store.indexingStarted;
    if (!indexing || this.awaitedIndexing === indexing) return;
    this.awaitedIndexing = indexing;
    void indexing.then(() => {
      if (this.awaitedIndexing !== indexing) return;
      this.awaitedIndexing = undefined;
      this.relintAll();
    });
  }

  private async pass(generation: number): Promise<void> {
    if (!isEnabled('lint.enabled')) return;
    const indexed = this.store.isIndexed;
    if (!indexed) this.awaitIndexing();
    const index = this.store.index();
    if (this.everything) {
      this.everything = false;
      this.changed.clear();
      for (const entry of this.store.plans()) this.dirty.add(entry.uri.toString());
      for (const key of this.published.keys()) this.dirty.add(key);
    } else if (this.changed.size > 0) {
      for (const key of plansAffectedBy(this.changed, this.lastIndex, index)) this.dirty.add(key);
      this.changed.clear();
    }
    this.lastIndex = index;
    if (this.dirty.size === 0) return;

    const onlyOpen = isEnabled('lint.onlyOpenFiles');
    const inTabs = openInTabs();
    const documents = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
    const configs = new Map<string, LintConfig>();
    const configFor = (uri: vscode.Uri) => {
      const scope = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? '';
      let config = configs.get(scope);
      if (!config) configs.set(scope, (config = lintConfig(uri)));
      return config;
    };

    let updates: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];
    let sliceStart = performance.now();
    for (const key of prioritized(this.dirty, inTabs)) {
      if (generation !== this.generation) break;
      const open = inTabs.has(key);
      // Until the index is complete only open plans are linted (without the cross-file rules).
      if (!indexed && !open) continue;
      this.dirty.delete(key);
      const uri = vscode.Uri.parse(key);
      const entry = this.store.get(uri);
      if (!entry || entry.plan.phases.length === 0 || (onlyOpen && !open)) {
        if (this.published.delete(key)) updates.push([uri, undefined]);
        continue;
      }
      const document = documents.get(key);
      // The editor holds a newer version than the store parsed: its change event is on the way.
      if (document && !document.isClosed && document.languageId === 'markdown' && document.version !== entry.version) continue;
      const findings = this.linter.findingsFor(entry, { index, config: configFor(uri), provisional: !indexed });
      const signature = signatureOf(findings);
      if (this.published.get(key) !== signature) {
        this.published.set(key, signature);
        updates.push([entry.uri, findings.map(toDiagnostic)]);
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        this.publish(updates);
        updates = [];
        await yieldToHost();
        sliceStart = performance.now();
      }
    }
    this.publish(updates);
  }

  private publish(updates: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]>) {
    if (updates.length === 0) return;
    for (const [uri] of updates.filter(([, diagnostics]) => diagnostics === undefined)) this.collection.delete(uri);
    const set = updates.filter((update): update is [vscode.Uri, vscode.Diagnostic[]] => update[1] !== undefined);
    if (set.length > 0) this.collection.set(set);
  }

  dispose() {
    this.generation++;
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Everything a diagnostic shows, so an unchanged result is recognised. */
function signatureOf(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map((f) => [f.rule, f.severity, f.message, f.line, f.column, f.endLine, f.endColumn, f.related ?? null]));
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

/** The active editor first, then the other visible ones, then the other open tabs, then the rest. */
function prioritized(keys: ReadonlySet<string>, inTabs: ReadonlySet<string>): string[] {
  const rank = new Map<string, number>();
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  if (active) rank.set(active, 0);
  for (const editor of vscode.window.visibleTextEditors) {
    const key = editor.document.uri.toString();
    if (!rank.has(key)) rank.set(key, 1);
  }
  return [...keys].sort((a, b) => (rank.get(a) ?? (inTabs.has(a) ? 2 : 3)) - (rank.get(b) ?? (inTabs.has(b) ? 2 : 3)));
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
