// A pass yields to the host after the slice every sliced job in PhaseLens uses, so typing never waits on it.
import { DEFAULT_SLICE_MS, type Disposable, type Event, type Finding, type LintConfig, type PlanEntry, type PlanStore, type StoreDocument, type StoreUri, type Timers, type WorkspaceIndex } from '../../core/api';
import { plansAffectedBy } from './affectedPlans';

/**
 * Decides what the Problems panel shows, without `vscode`: which plans to lint after a change,
 * in which order, and what to publish or clear per URI. `diagnostics.ts` gives it the editor
 * (`LintEditor`) and turns what it publishes into diagnostics; unit tests give it an in-memory
 * workspace.
 *
 * Findings for open plans as they are typed (after the store's debounce) and for every plan of
 * the workspace once it is indexed. A change re-lints only the plans whose findings it can
 * change (see `plansAffectedBy`), in slices that yield to the host, open documents first; a
 * result computed for a document version older than the one in the editor is dropped.
 */
export interface LintEditor<U extends StoreUri> {
  /** `phaselens.lint.enabled` */
  lintEnabled(): boolean;
  /** `phaselens.lint.onlyOpenFiles` */
  onlyOpenFiles(): boolean;
  /** The lint configuration that applies to a file, and the scope (workspace folder) it is shared across. */
  lintConfig(uri: U): LintConfig;
  configScope(uri: U): string;
  /** Keys of the documents shown in editor tabs: what "open files" means to a user. */
  openInTabs(): Set<string>;
  /** The active editor's document key, then the other visible editors'. */
  activeEditor(): string | undefined;
  visibleEditors(): string[];
  readonly documents: readonly StoreDocument<U>[];
  /** The URI whose `toString()` is `key`. */
  parseUri(key: string): U;
  /** A lint setting changed. */
  readonly onDidChangeLintSettings: Event<void>;
  /** Editor tabs were opened or closed. */
  readonly onDidOpenOrCloseTabs: Event<void>;
  readonly onDidCloseDocument: Event<StoreDocument<U>>;
  /** Busy time is measured on this clock (milliseconds). */
  now(): number;
  readonly timers: Timers;
  /** Shows `findings` for each URI, or clears it (undefined). */
  publish(updates: ReadonlyArray<readonly [U, Finding[] | undefined]>): void;
  /** Clears everything shown. */
  clearAll(): void;
}

/** What the publisher needs of `PlanLinter`: findings once per (entry, index, config), and forgetting them. */
export interface FindingsSource<U extends StoreUri> {
  findingsFor(entry: PlanEntry<U>, options: { index?: WorkspaceIndex; config?: LintConfig; provisional?: boolean }): Finding[];
  forget(uri: U): void;
  clear(): void;
}


export class DiagnosticsPublisher<U extends StoreUri> implements Disposable {
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
  private readonly disposables: Disposable[];

  constructor(
    private readonly store: PlanStore<U>,
    private readonly linter: FindingsSource<U>,
    private readonly editor: LintEditor<U>,
  ) {
    this.disposables = [
      store.onDidChange((uris) => {
        if (!editor.lintEnabled()) return;
        for (const uri of uris) this.changed.add(uri.toString());
        this.schedule();
      }),
      editor.onDidChangeLintSettings(() => {
        if (!editor.lintEnabled()) this.clearAll();
        else this.relintAll();
      }),
      editor.onDidOpenOrCloseTabs(() => {
        if (editor.onlyOpenFiles()) this.relintAll();
      }),
      editor.onDidCloseDocument((document) => this.linter.forget(document.uri)),
    ];
    this.schedule();
  }

  /** Resolves once every change seen so far is linted and published (and indexing under way is done). */
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
    this.editor.clearAll();
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
      await this.yieldToHost();
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
    const { editor } = this;
    if (!editor.lintEnabled()) return;
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

    const onlyOpen = editor.onlyOpenFiles();
    const inTabs = editor.openInTabs();
    const documents = new Map(editor.documents.map((document) => [document.uri.toString(), document]));
    const configs = new Map<string, LintConfig>();
    const configFor = (uri: U) => {
      const scope = editor.configScope(uri);
      let config = configs.get(scope);
      if (!config) configs.set(scope, (config = editor.lintConfig(uri)));
      return config;
    };

    let updates: Array<[U, Finding[] | undefined]> = [];
    let sliceStart = editor.now();
    for (const key of prioritized(this.dirty, inTabs, editor.activeEditor(), editor.visibleEditors())) {
      if (generation !== this.generation) break;
      const open = inTabs.has(key);
      // Until the index is complete only open plans are linted (without the cross-file rules).
      if (!indexed && !open) continue;
      this.dirty.delete(key);
      const uri = editor.parseUri(key);
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
        updates.push([entry.uri, findings]);
      }
      if (editor.now() - sliceStart > DEFAULT_SLICE_MS) {
        this.publish(updates);
        updates = [];
        await this.yieldToHost();
        sliceStart = editor.now();
      }
    }
    this.publish(updates);
  }

  private publish(updates: Array<[U, Finding[] | undefined]>) {
    if (updates.length > 0) this.editor.publish(updates);
  }

  private yieldToHost(): Promise<void> {
    return new Promise((resolve) => this.editor.timers.setTimeout(resolve, 0));
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

/** The active editor first, then the other visible ones, then the other open tabs, then the rest. */
export function prioritized(keys: ReadonlySet<string>, inTabs: ReadonlySet<string>, active: string | undefined, visible: readonly string[]): string[] {
  const rank = new Map<string, number>();
  if (active) rank.set(active, 0);
  for (const key of visible) if (!rank.has(key)) rank.set(key, 1);
  return [...keys].sort((a, b) => (rank.get(a) ?? (inTabs.has(a) ? 2 : 3)) - (rank.get(b) ?? (inTabs.has(b) ? 2 : 3)));
}
