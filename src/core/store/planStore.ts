import type { Plan } from '../model';
import { WorkspaceGraph, type GraphChange, type WorkspaceIndex } from '../graph';
import { runToEnd } from '../steps';
import { parsePlan } from '../parse/parsePlan';
import { createDocumentParser, DEFAULT_SLICE_MS, firstLook, indexPlans, overPlanSizeLimit, ParserPool, updateGraphSliced, PlanCache, planSizeMessage, type ClosableParserThread, type DocumentParser, type FirstLook, type IndexStats } from '../scan';
import { decodeText } from '../text/decode';
import { Emitter, type Disposable } from './events';
import type { PlanStoreWorkspace, StoreDocument, StoreUri } from './workspace';

/**
 * One parse per document version, shared by every view. Open documents win over disk;
 * created, changed, renamed and deleted files update the store without a reload. Typing is
 * debounced and a result computed for an older version is never stored. Everything it knows of
 * the editor comes through a `PlanStoreWorkspace`, so it runs (and is tested) without one.
 */
export interface PlanEntry<U extends StoreUri = StoreUri> {
  readonly uri: U;
  readonly text: string;
  readonly plan: Plan;
  /** The document version this entry was parsed from; undefined when read from disk. */
  readonly version: number | undefined;
  /**
   * True for a plan from the first look of a cold index (`outlinePlan`: heading phases only, no
   * tasks, criteria or dependencies), shown until its full parse replaces it. It is never cached,
   * linted, put in the graph or given to the tools: `plans()` and `get()` leave it out unless asked.
   */
  readonly provisional?: true;
}

/** Which entries a query returns. */
export interface EntryQuery {
  /** Provisional entries too (see `PlanEntry.provisional`): for the tree, which shows plans as soon as it can. */
  includeProvisional?: boolean;
}

export const TYPING_DEBOUNCE_MS = 200;
export const CACHE_FILE = 'plan-cache.v1';

export interface PlanStoreOptions {
  /** The bundled parser worker (dist/planParserWorker.js): indexing parses on it, off the extension host's thread. */
  parserWorker?: string;
  /** Where indexing parses instead of `parserWorker`'s pool (a test holds parses back with its own). */
  parserThread?: () => ClosableParserThread;
}

export class PlanStore<U extends StoreUri = StoreUri> implements Disposable {
  private readonly entries = new Map<string, PlanEntry<U>>();
  /** One incremental parser per file: a keystroke re-parses only the sections it changed. */
  private readonly parsers = new Map<string, DocumentParser>();
  private readonly pending = new Map<string, unknown>();
  private readonly changed = new Set<string>();
  private readonly emitter = new Emitter<readonly U[]>();
  private readonly disposables: Disposable[] = [];
  /** The graph over `plans()`, updated plan by plan: a keystroke re-resolves one plan, not the workspace. */
  private readonly graph = new WorkspaceGraph([], (a, b) => a.localeCompare(b));
  /** Files whose plans changed since the graph last heard of them. */
  private readonly graphPending = new Set<string>();
  /** A sliced graph update under way: `index()` finishes it at once rather than read a graph half updated. */
  private graphUpdate: Generator<void, unknown, void> | undefined;
  private indexing: Promise<void> | undefined;
  /** Resolves once the indexing under way has shown its first look (or ended). */
  private firstLookShown: Promise<void> | undefined;
  private showFirstLook: (() => void) | undefined;
  /** Stops the scan in flight when a newer one replaces it (or the store goes away). */
  private scan: AbortController | undefined;
  private generation = 0;
  private disposed = false;
  private flushScheduled = false;
  /** Plans by content hash, kept in the workspace's storage so a restart parses nothing unchanged. */
  private cache: PlanCache | undefined;

  /** Fires with the URIs whose plans changed (added, edited, removed). */
  readonly onDidChange = this.emitter.event;

  private readonly parserWorker: string | undefined;
  private readonly parserThread: (() => ClosableParserThread) | undefined;
  private indexStats: IndexStats | undefined;

  constructor(
    private readonly workspace: PlanStoreWorkspace<U>,
    options: PlanStoreOptions = {},
  ) {
    this.parserWorker = options.parserWorker;
    this.parserThread = options.parserThread;
    this.disposables.push(
      this.emitter,
      workspace.onDidOpenDocument((document) => this.onDocument(document, 0)),
      workspace.onDidChangeDocument((document) => this.onDocument(document, TYPING_DEBOUNCE_MS)),
      workspace.onDidCloseDocument((document) => void this.onClosed(document)),
      workspace.onDidChangeScope(() => void this.reindex()),
      workspace.onDidCreateFile((uri) => void this.onDiskChange(uri)),
      workspace.onDidChangeFile((uri) => void this.onDiskChange(uri)),
      workspace.onDidDeleteFile((uri) => this.remove(uri)),
      workspace.onDidRenameFile(({ oldUri, newUri }) => {
        this.remove(oldUri);
        void this.onDiskChange(newUri);
      }),
    );
    for (const document of workspace.documents) this.onDocument(document, 0);
  }

  /** The entry for an open document at its current version, parsing it now if needed. */
  entryFor(document: StoreDocument<U>): PlanEntry<U> | undefined {
    if (!this.isCandidateDocument(document)) return undefined;
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing && existing.version === document.version) return existing;
    return this.store(document.uri, document.getText(), document.version);
  }

  get(uri: U, query: EntryQuery = {}): PlanEntry<U> | undefined {
    const entry = this.entries.get(uri.toString());
    return entry?.provisional && !query.includeProvisional ? undefined : entry;
  }

  /** Every known plan (a markdown file with at least one phase), in a stable order. */
  plans(query: EntryQuery = {}): PlanEntry<U>[] {
    return [...this.entries.values()]
      .filter((entry) => entry.plan.phases.length > 0 && (!entry.provisional || query.includeProvisional))
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
      const entry = this.entries.get(key);
      if (entry && !entry.provisional && entry.plan.phases.length > 0) set.push(entry.plan);
      else remove.push(key);
    }
    this.graphPending.clear();
    return { set, remove };
  }

  /** Updates the graph in slices, so that the first `index()` after indexing finds it ready; an abandoned update is finished by `index()`. */
  private async prepareIndex(signal: AbortSignal): Promise<void> {
    if (this.graphUpdate || this.graphPending.size === 0) return;
    const steps = (this.graphUpdate = this.graph.updateInSteps(this.takeGraphChange()));
    await updateGraphSliced(steps, { sliceMs: DEFAULT_SLICE_MS, signal });
    if (this.graphUpdate === steps) this.graphUpdate = undefined;
  }

  /** Finds and reads the workspace's plans once; later calls wait for the same work. */
  ensureIndexed(): Promise<void> {
    this.indexing ??= this.indexWorkspace(this.generation);
    return this.indexing;
  }

  /**
   * Starts indexing if nothing has, and resolves as soon as there is something to show: the
   * first look's plans (cached and provisional ones) on a cold start, else the finished index.
   */
  ensureFirstLook(): Promise<void> {
    const indexing = this.ensureIndexed();
    return Promise.race([indexing, this.firstLookShown ?? indexing]);
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

  /** Reads the workspace again from disk; a scan still under way is abandoned, not run alongside. */
  async reindex(): Promise<void> {
    this.generation++;
    this.indexing = undefined;
    this.scan?.abort();
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
    const scan = new AbortController();
    this.scan = scan;
    let shown!: () => void;
    this.firstLookShown = new Promise<void>((resolve) => (shown = resolve));
    this.showFirstLook = shown;
    try {
      await this.scanWorkspace(generation, scan.signal);
    } catch (error) {
      if (!scan.signal.aborted) throw error;
    } finally {
      if (this.scan === scan) this.scan = undefined;
      shown();
      // A scan that failed leaves no provisional plan standing; one replaced by a newer scan had them removed by it.
      if (generation === this.generation) this.dropProvisional();
    }
    // Whoever waited on an abandoned scan waits for the one that replaced it.
    if (generation !== this.generation && !this.disposed) await this.ensureIndexed();
  }

  private async scanWorkspace(generation: number, signal: AbortSignal): Promise<void> {
    await this.workspace.setContext('phaselens.indexed', false);
    const files = (await this.workspace.findPlanCandidates()).filter((uri) => !this.isOpen(uri));
    const cache = (this.cache ??= await this.loadCache());
    signal.throwIfAborted();
    const looks = await this.showFirstLookOf(files, cache, generation, signal);
    if (generation !== this.generation) return;
    // One parser worker per core: a cold index keeps every core busy, the host only decodes.
    const offThread = this.parserThread?.() ?? (this.parserWorker ? ParserPool.ofWorkers(this.parserWorker) : undefined);
    let indexed: Awaited<ReturnType<typeof indexPlans>>;
    try {
      indexed = await indexPlans(
        // Each file was read once, by the first look: the indexer parses those texts.
        files.map((uri) => {
          const look = looks.get(uri.toString());
          return { uri: uri.toString(), read: () => Promise.resolve(look?.text), hash: look?.hash };
        }),
        { cache, sliceMs: DEFAULT_SLICE_MS, keepText: true, buildIndex: false, offThread, parsesInFlight: 4 * (offThread instanceof ParserPool ? offThread.size : 1), signal },
      );
    } finally {
      // The worker's memory is only worth keeping while there is a workspace to read.
      void offThread?.close();
    }
    if (generation !== this.generation) return;
    this.indexStats = indexed.stats;
    for (const { uri, plan, text } of indexed.plans) {
      const parsed = this.workspace.parseUri(uri);
      // A file opened while indexing ran is the editor's now: its document wins.
      if (!this.isOpen(parsed)) this.storeParsed(parsed, text ?? '', plan);
    }
    // What the parse found no phase in (the outline read one it does not take) is no plan.
    this.dropProvisional();
    // Every view asks for the graph as soon as it hears of the new plans: have it ready, built in slices.
    await this.prepareIndex(signal);
    if (generation !== this.generation) return;
    this.flush();
    cache.retainOnly(indexed.hashes);
    void this.saveCache(cache);
    this.indexedGeneration = generation;
    await this.workspace.setContext('phaselens.indexed', true);
    await this.workspace.setContext('phaselens.hasPlans', this.plans().length > 0);
  }

  /**
   * Reads every candidate once and shows what a line scan can tell at once: cached plans as they
   * are, every other plan provisionally from its headings. Returns each file's look for the
   * indexer: its text (a non-plan's as '', which it skips as the first look did) and the content
   * hash the look computed, so a warm start hashes each file once.
   */
  private async showFirstLookOf(files: readonly U[], cache: PlanCache, generation: number, signal: AbortSignal): Promise<Map<string, FirstLook>> {
    const looks = await firstLook(
      files.map((uri) => ({ uri: uri.toString(), read: () => this.readText(uri) })),
      { cache, sliceMs: DEFAULT_SLICE_MS, signal },
    );
    const byUri = new Map<string, FirstLook>();
    for (const look of looks) byUri.set(look.uri, look);
    if (generation !== this.generation) return byUri;
    for (const { uri, text, plan, provisional } of looks) {
      if (!plan || text === undefined) continue;
      const parsed = this.workspace.parseUri(uri);
      if (this.isOpen(parsed)) continue;
      if (provisional) this.storeProvisional(parsed, text, plan);
      else this.storeParsed(parsed, text, plan);
    }
    // The cached plans enter the graph in slices now, so the views that ask for it on this flush find it ready.
    await this.prepareIndex(signal);
    if (generation !== this.generation) return byUri;
    this.flush();
    this.showFirstLook?.();
    return byUri;
  }

  /** A plan from the first look, shown until its parse arrives: never in the graph or the cache. */
  private storeProvisional(uri: U, text: string, plan: Plan) {
    const key = uri.toString();
    if (this.entries.get(key)) return;
    this.entries.set(key, { uri, text, plan, version: undefined, provisional: true });
    this.changed.add(key);
  }

  /** Removes the provisional plans still standing (their files hold no plan after all, or the scan failed). */
  private dropProvisional() {
    for (const [key, entry] of this.entries) {
      if (!entry.provisional) continue;
      this.entries.delete(key);
      this.changed.add(key);
    }
    this.scheduleFlush();
  }

  private isOpen(uri: U): boolean {
    const key = uri.toString();
    return this.workspace.documents.some((document) => document.uri.toString() === key);
  }

  private isCandidateDocument(document: StoreDocument<U>): boolean {
    return document.languageId === 'markdown' && this.workspace.accepts(document.uri);
  }

  private onDocument(document: StoreDocument<U>, delay: number) {
    if (!this.isCandidateDocument(document)) return;
    const key = document.uri.toString();
    const { timers } = this.workspace;
    timers.clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      timers.setTimeout(() => {
        this.pending.delete(key);
        // The document may have changed again or closed since: parse what it holds now.
        if (document.isClosed) return;
        this.entryFor(document);
      }, delay),
    );
    // Opening a plan is the moment the rest of the workspace becomes interesting.
    void this.ensureIndexed();
  }

  private async onClosed(document: StoreDocument<U>) {
    const key = document.uri.toString();
    this.workspace.timers.clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.parsers.delete(key);
    // Closed before its first parse, it may also have been left out of a scan for being open: only the disk has it now.
    if (!this.entries.has(key) && !this.isCandidateDocument(document)) return;
    // Unsaved edits were discarded: the file on disk is the truth again.
    const text = document.uri.scheme === 'file' || document.uri.scheme === 'vscode-remote' ? await this.readText(document.uri) : undefined;
    if (this.isOpen(document.uri)) return;
    if (text === undefined || !this.workspace.accepts(document.uri)) this.remove(document.uri);
    else this.store(document.uri, text, undefined);
  }

  private async onDiskChange(uri: U) {
    if (this.isOpen(uri) || !this.workspace.accepts(uri)) return;
    const text = await this.readText(uri);
    if (this.isOpen(uri)) return;
    if (text === undefined) this.remove(uri);
    else this.store(uri, text, undefined);
  }

  private async readText(uri: U): Promise<string | undefined> {
    try {
      const decoded = decodeText(await this.workspace.readFile(uri));
      // A binary file (or UTF-16 without a byte-order mark) is no plan; its bytes are not text to parse.
      return decoded.kind === 'text' ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  private async loadCache(): Promise<PlanCache> {
    const { storage } = this.workspace;
    if (!storage) return new PlanCache();
    try {
      return await PlanCache.load(await storage.read(CACHE_FILE));
    } catch {
      return new PlanCache(); // first start, or storage unreadable: a cold start
    }
  }

  private async saveCache(cache: PlanCache): Promise<void> {
    const { storage } = this.workspace;
    if (!storage) return;
    try {
      await storage.write(CACHE_FILE, await cache.serialize({ sliceMs: DEFAULT_SLICE_MS }));
    } catch {
      // A cache that cannot be written only costs the next start a full parse.
    }
  }

  /** Stores a plan parsed elsewhere (the sliced indexer) for a file read from disk. */
  private storeParsed(uri: U, text: string, plan: Plan) {
    const key = uri.toString();
    const previous = this.entries.get(key);
    if (previous && previous.text === text && previous.version === undefined && !previous.provisional) return;
    this.entries.set(key, { uri, text, plan, version: undefined });
    this.changed.add(key);
    this.graphPending.add(key);
  }

  private store(uri: U, text: string, version: number | undefined): PlanEntry<U> {
    const key = uri.toString();
    const previous = this.entries.get(key);
    if (previous && previous.text === text && previous.version === version && !previous.provisional) return previous;
    // Open documents are edited keystroke by keystroke; a file read from disk is parsed once.
    const plan = overPlanSizeLimit(text) ? this.tooLarge(uri, text) : version === undefined ? parsePlan(text, key) : this.parserFor(key).parse(text);
    const entry: PlanEntry<U> = { uri, text, plan, version };
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
  private tooLarge(uri: U, text: string): Plan {
    const key = uri.toString();
    if (!this.toldTooLarge.has(key)) {
      this.toldTooLarge.add(key);
      this.workspace.showWarning(planSizeMessage(this.workspace.relativePath(uri), Buffer.byteLength(text, 'utf8')));
    }
    return parsePlan('', key);
  }

  private parserFor(key: string): DocumentParser {
    let parser = this.parsers.get(key);
    if (!parser) this.parsers.set(key, (parser = createDocumentParser(key)));
    return parser;
  }

  private remove(uri: U) {
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
    const uris = [...this.changed].map((key) => this.workspace.parseUri(key));
    this.changed.clear();
    if (this.isIndexed) void this.workspace.setContext('phaselens.hasPlans', this.plans().length > 0);
    this.emitter.fire(uris);
  }

  dispose() {
    for (const timer of this.pending.values()) this.workspace.timers.clearTimeout(timer);
    this.pending.clear();
    this.generation++;
    this.disposed = true;
    this.scan?.abort();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
