import * as vscode from 'vscode';
import { decodeText } from '../core/text/decode';
import type { Plan } from '../core/model';
import { WorkspaceGraph, type GraphChange, type WorkspaceIndex } from '../core/graph';
import { parsePlan } from '../core/parse/parsePlan';
import { runToEnd } from '../core/steps';
import { createDocumentParser, updateGraphSliced, indexPlans, overPlanSizeLimit, ParserPool, PlanCache, planSizeMessage, type DocumentParser, type IndexStats } from '../core/index';
import { planDiscovery, type PlanDiscovery } from './planDiscovery';

/**
 * One parse per document version, shared by every view. Open documents win over disk;
 * created, changed, renamed and deleted files update the store without a reload. Typing is
 * debounced and a result computed for an older version is never stored.
 */
export interface PlanEntry {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly plan: Plan;
  /** The document version this entry was parsed from; undefined when read from disk. */
  readonly version: number | undefined;
}

const TYPING_DEBOUNCE_MS = 200;
/** Indexing yields to the extension host after this much work, so nothing else waits long. */
const SLICE_MS = 20;
const CACHE_FILE = 'plan-cache.v1';

export interface PlanStoreOptions {
  /** Where the warm-start cache lives (the workspace's extension storage); none keeps it in memory. */
  storage?: vscode.Uri;
  /** The bundled parser worker (dist/planParserWorker.js): indexing parses on it, off the extension host's thread. */
  parserWorker?: string;
}

export class PlanStore implements vscode.Disposable {
  private readonly entries = new Map<string, PlanEntry>();
  /** One incremental parser per file: a keystroke re-parses only the sections it changed. */
  private readonly parsers = new Map<string, DocumentParser>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The graph over `plans()`, updated plan by plan: a keystroke re-resolves one plan, not the workspace. */
  private readonly graph = new WorkspaceGraph([], (a, b) => a.localeCompare(b));
  /** Files whose plans changed since the graph last heard of them. */
  private readonly graphPending = new Set<string>();
  /** A sliced graph update under way: `index()` finishes it at once rather than read a graph half updated. */
  private graphUpdate: Generator<void, unknown, void> | undefined;
  private indexing: Promise<void> | undefined;
  private generation = 0;
  private flushScheduled = false;
  private readonly discovery: PlanDiscovery;
  /** Plans by content hash, kept in the extension's storage so a restart parses nothing unchanged. */
  private cache: PlanCache | undefined;

  /** Fires with the URIs whose plans changed (added, edited, removed). */
  readonly onDidChange = this.emitter.event;

  private readonly storage: vscode.Uri | undefined;
  private readonly parserWorker: string | undefined;
  private indexStats: IndexStats | undefined;

  constructor(options: PlanStoreOptions = {}) {
    this.storage = options.storage;
    this.parserWorker = options.parserWorker;
    this.discovery = planDiscovery();
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((document) => this.onDocument(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onDocument(event.document, TYPING_DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.onClosed(document)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('phaselens.files') || event.affectsConfiguration('files.exclude')) void this.reindex();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,MD}');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.onDiskChange(uri)),
      watcher.onDidChange((uri) => void this.onDiskChange(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.onDocument(document, 0);
  }

  /** The entry for an open document at its current version, parsing it now if needed. */
  entryFor(document: vscode.TextDocument): PlanEntry | undefined {
    if (!this.isCandidateDocument(document)) return undefined;
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing && existing.version === document.version) return existing;
    return this.store(document.uri, document.getText(), document.version);
  }

  get(uri: vscode.Uri): PlanEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** Every known plan (a markdown file with at least one phase), in a stable order. */
  plans(): PlanEntry[] {
    return [...this.entries.values()]
      .filter((entry) => entry.plan.phases.length > 0)
      .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  /** The dependency graph over all plans; brought up to date with the plans changed since the last call. */
  index(): WorkspaceIndex {
    if (this.graphUpdate) runToEnd(this.graphUpdate);
    this.graphUpdate = undefined;
    if (this.graphPending.size > 0) this.graph.update(this.takeGraphChange());
    return this.graph.index;
  }

  private takeGraphChange(): GraphChange {
    const set: Plan[] = [];
    const remove: string[] = [];
    for (const key of this.graphPending) {
      const plan = this.entries.get(key)?.plan;
      if (plan && plan.phases.length > 0) set.push(plan);
      else remove.push(key);
    }
    this.graphPending.clear();
    return { set, remove };
  }

  /** Updates the graph in slices, so that the first `index()` after indexing finds it ready. */
  private async prepareIndex(): Promise<void> {
    if (this.graphUpdate || this.graphPending.size === 0) return;
    const steps = (this.graphUpdate = this.graph.updateInSteps(this.takeGraphChange()));
    await updateGraphSliced(steps, { sliceMs: SLICE_MS });
    if (this.graphUpdate === steps) this.graphUpdate = undefined;
  }

  /** Finds and reads the workspace's plans once; later calls wait for the same work. */
  ensureIndexed(): Promise<void> {
    this.indexing ??= this.indexWorkspace(this.generation);
    return this.indexing;
  }

  /** What the last workspace indexing did (files parsed, on which thread, from the cache). */
  get lastIndexStats(): IndexStats | undefined {
    return this.indexStats;
  }

  get isIndexed(): boolean {
    return this.indexing !== undefined && this.indexedGeneration === this.generation;
  }

  /** The workspace indexing under way or done, without starting one: undefined until something asks for it. */
  get indexingStarted(): Promise<void> | undefined {
    return this.indexing;
  }

  private indexedGeneration = -1;

  async reindex(): Promise<void> {
    this.generation++;
    this.indexing = undefined;
    for (const [key, entry] of this.entries) {
      if (entry.version === undefined) {
        this.entries.delete(key);
        this.graphPending.add(key);
        this.changed.add(key);
      }
    }
    this.scheduleFlush();
    await this.ensureIndexed();
  }

  private async indexWorkspace(generation: number): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'phaselens.indexed', false);
    const files = (await this.discovery.findPlanCandidates()).filter((uri) => !this.isOpen(uri));
    const cache = (this.cache ??= await this.loadCache());
    // One parser worker per core: a cold index keeps every core busy, the host only decodes.
    const offThread = this.parserWorker ? ParserPool.ofWorkers(this.parserWorker) : undefined;
    let indexed: Awaited<ReturnType<typeof indexPlans>>;
    try {
      indexed = await indexPlans(
        files.map((uri) => ({ uri: uri.toString(), read: () => readText(uri) })),
        { cache, sliceMs: SLICE_MS, keepText: true, buildIndex: false, offThread, parsesInFlight: 4 * (offThread?.size ?? 1) },
      );
    } finally {
      // The worker's memory is only worth keeping while there is a workspace to read.
      void offThread?.close();
    }
    if (generation !== this.generation) return;
    this.indexStats = indexed.stats;
    for (const { uri, plan, text } of indexed.plans) {
      const parsed = vscode.Uri.parse(uri);
      // A file opened while indexing ran is the editor's now: its document wins.
      if (!this.isOpen(parsed)) this.storeParsed(parsed, text ?? '', plan);
    }
    // Every view asks for the graph as soon as it hears of the new plans: have it ready, built in slices.
    await this.prepareIndex();
    if (generation !== this.generation) return;
    this.flush();
    cache.retainOnly(indexed.hashes);
    void this.saveCache(cache);
    this.indexedGeneration = generation;
    await vscode.commands.executeCommand('setContext', 'phaselens.indexed', true);
    await vscode.commands.executeCommand('setContext', 'phaselens.hasPlans', this.plans().length > 0);
  }

  private isOpen(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
  }

  private isCandidateDocument(document: vscode.TextDocument): boolean {
    return document.languageId === 'markdown' && this.discovery.accepts(document.uri);
  }

  private onDocument(document: vscode.TextDocument, delay: number) {
    if (!this.isCandidateDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        // The document may have changed again or closed since: parse what it holds now.
        if (document.isClosed) return;
        this.entryFor(document);
      }, delay),
    );
    // Opening a plan is the moment the rest of the workspace becomes interesting.
    void this.ensureIndexed();
  }

  private async onClosed(document: vscode.TextDocument) {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.parsers.delete(key);
    if (!this.entries.has(key)) return;
    // Unsaved edits were discarded: the file on disk is the truth again.
    const text = document.uri.scheme === 'file' || document.uri.scheme === 'vscode-remote' ? await readText(document.uri) : undefined;
    if (this.isOpen(document.uri)) return;
    if (text === undefined || !this.discovery.accepts(document.uri)) this.remove(document.uri);
    else this.store(document.uri, text, undefined);
  }

  private async onDiskChange(uri: vscode.Uri) {
    if (this.isOpen(uri) || !this.discovery.accepts(uri)) return;
    const text = await readText(uri);
    if (this.isOpen(uri)) return;
    if (text === undefined) this.remove(uri);
    else this.store(uri, text, undefined);
  }

  private async loadCache(): Promise<PlanCache> {
    if (!this.storage) return new PlanCache();
    try {
      return await PlanCache.load(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, CACHE_FILE)), { sliceMs: SLICE_MS });
    } catch {
      return new PlanCache(); // first start, or storage unreadable: a cold start
    }
  }

  private async saveCache(cache: PlanCache): Promise<void> {
    if (!this.storage) return;
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.storage, CACHE_FILE), await cache.serialize({ sliceMs: SLICE_MS }));
    } catch {
      // A cache that cannot be written only costs the next start a full parse.
    }
  }

  /** Stores a plan parsed elsewhere (the sliced indexer) for a file read from disk. */
  private storeParsed(uri: vscode.Uri, text: string, plan: Plan) {
    const key = uri.toString();
    const previous = this.entries.get(key);
    if (previous && previous.text === text && previous.version === undefined) return;
    this.entries.set(key, { uri, text, plan, version: undefined });
    this.changed.add(key);
    this.graphPending.add(key);
  }

  private store(uri: vscode.Uri, text: string, version: number | undefined): PlanEntry {
    const key = uri.toString();
    const previous = this.entries.get(key);
    if (previous && previous.text === text && previous.version === version) return previous;
    // Open documents are edited keystroke by keystroke; a file read from disk is parsed once.
    const plan = overPlanSizeLimit(text) ? this.tooLarge(uri, text) : version === undefined ? parsePlan(text, key) : this.parserFor(key).parse(text);
    const entry: PlanEntry = { uri, text, plan, version };
    this.entries.set(key, entry);
    const mattered = plan.phases.length > 0 || (previous?.plan.phases.length ?? 0) > 0;
    if (mattered) {
      this.graphPending.add(key);
      this.changed.add(key);
      this.scheduleFlush();
    }
    return entry;
  }

  /** Files over the size limit already told about: one message per file per session. */
  private readonly toldTooLarge = new Set<string>();

  /** No plan for a file over the size limit (remark would hold the host for seconds), and one message saying why. */
  private tooLarge(uri: vscode.Uri, text: string): Plan {
    const key = uri.toString();
    if (!this.toldTooLarge.has(key)) {
      this.toldTooLarge.add(key);
      void vscode.window.showWarningMessage(planSizeMessage(vscode.workspace.asRelativePath(uri), Buffer.byteLength(text, 'utf8')));
    }
    return parsePlan('', key);
  }

  private parserFor(key: string): DocumentParser {
    let parser = this.parsers.get(key);
    if (!parser) this.parsers.set(key, (parser = createDocumentParser(key)));
    return parser;
  }

  private remove(uri: vscode.Uri) {
    const key = uri.toString();
    this.parsers.delete(key);
    if (this.entries.delete(key)) {
      this.graphPending.add(key);
      this.changed.add(key);
      this.scheduleFlush();
    }
  }

  private scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush() {
    this.flushScheduled = false;
    if (this.changed.size === 0) return;
    const uris = [...this.changed].map((key) => vscode.Uri.parse(key));
    this.changed.clear();
    if (this.isIndexed) void vscode.commands.executeCommand('setContext', 'phaselens.hasPlans', this.plans().length > 0);
    this.emitter.fire(uris);
  }

  dispose() {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.generation++;
    for (const disposable of this.disposables) disposable.dispose();
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const decoded = decodeText(await vscode.workspace.fs.readFile(uri));
    // A binary file (or UTF-16 without a byte-order mark) is no plan; its bytes are not text to parse.
    return decoded.kind === 'text' ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

