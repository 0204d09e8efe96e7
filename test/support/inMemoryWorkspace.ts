import { Emitter, type FileRename, type PlanStoreWorkspace, type StoreDocument, type StoreStorage } from '../../src/core/store';
import { FakeClock } from './fakeClock';

/** A URI as the store sees one: `scheme://path`, compared by its string. */
export class MemoryUri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}

  static file(path: string): MemoryUri {
    return new MemoryUri('file', path);
  }

  static parse(key: string): MemoryUri {
    const match = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(key);
    if (!match) throw new Error(`not a URI: ${key}`);
    return new MemoryUri(match[1]!, match[2]!);
  }

  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class MemoryDocument implements StoreDocument<MemoryUri> {
  version = 1;
  isClosed = false;

  constructor(
    readonly uri: MemoryUri,
    public text: string,
    readonly languageId = 'markdown',
  ) {}

  getText(): string {
    return this.text;
  }
}

const encoder = new TextEncoder();

/**
 * An editor workspace held in memory, for driving the plan store (and what listens to it) in
 * unit tests: files on a pretend disk, open documents with versions, the events an editor fires
 * for each, and a clock the test advances. Each method does what the user or another program
 * does, and fires what VS Code would fire for it.
 */
export class InMemoryWorkspace implements PlanStoreWorkspace<MemoryUri> {
  readonly clock = new FakeClock();
  readonly timers = this.clock;
  readonly files = new Map<string, Uint8Array>();
  readonly documents: MemoryDocument[] = [];
  /** Every `setContext` the store made, in order. */
  readonly contexts: Array<[string, boolean]> = [];
  readonly warnings: string[] = [];
  /** Counts, so tests assert how much work was done instead of timing it. */
  readonly counts = { scans: 0, reads: 0 };
  storage: StoreStorage | undefined;
  /** Which paths may be plans; by default every markdown file outside node_modules. */
  accepted: (path: string) => boolean = (path) => /\.(md|markdown)$/i.test(path) && !path.split('/').includes('node_modules');
  private readsHeld: Promise<void> | undefined;

  private readonly opened = new Emitter<StoreDocument<MemoryUri>>();
  private readonly changed = new Emitter<StoreDocument<MemoryUri>>();
  private readonly closed = new Emitter<StoreDocument<MemoryUri>>();
  private readonly created = new Emitter<MemoryUri>();
  private readonly modified = new Emitter<MemoryUri>();
  private readonly deleted = new Emitter<MemoryUri>();
  private readonly renamed = new Emitter<FileRename<MemoryUri>>();
  private readonly scope = new Emitter<void>();

  readonly onDidOpenDocument = this.opened.event;
  readonly onDidChangeDocument = this.changed.event;
  readonly onDidCloseDocument = this.closed.event;
  readonly onDidCreateFile = this.created.event;
  readonly onDidChangeFile = this.modified.event;
  readonly onDidDeleteFile = this.deleted.event;
  readonly onDidRenameFile = this.renamed.event;
  readonly onDidChangeScope = this.scope.event;

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(uriOf(path).toString(), encoder.encode(text));
  }

  // --- PlanStoreWorkspace ---

  parseUri(key: string): MemoryUri {
    return MemoryUri.parse(key);
  }

  accepts(uri: MemoryUri): boolean {
    return this.accepted(uri.path);
  }

  async findPlanCandidates(): Promise<MemoryUri[]> {
    this.counts.scans++;
    return [...this.files.keys()]
      .map((key) => MemoryUri.parse(key))
      .filter((uri) => this.accepts(uri))
      .sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  async readFile(uri: MemoryUri): Promise<Uint8Array> {
    this.counts.reads++;
    await this.readsHeld;
    const bytes = this.files.get(uri.toString());
    if (!bytes) throw new Error(`no such file: ${uri.toString()}`);
    return bytes;
  }

  relativePath(uri: MemoryUri): string {
    return uri.path.replace(/^\/ws\//, '');
  }

  setContext(key: string, value: boolean): void {
    this.contexts.push([key, value]);
  }

  showWarning(message: string): void {
    this.warnings.push(message);
  }

  // --- what a user or another program does ---

  /** Creates or overwrites a file on disk, as another program would (the editor's documents are untouched). */
  writeFile(path: string, text: string | Uint8Array): MemoryUri {
    const uri = uriOf(path);
    const existed = this.files.has(uri.toString());
    this.files.set(uri.toString(), typeof text === 'string' ? encoder.encode(text) : text);
    (existed ? this.modified : this.created).fire(uri);
    return uri;
  }

  deleteFile(path: string): void {
    const uri = uriOf(path);
    this.files.delete(uri.toString());
    this.deleted.fire(uri);
  }

  /** A rename in the editor's explorer: the watcher reports delete + create, and the rename event follows. */
  renameFile(from: string, to: string): void {
    const oldUri = uriOf(from);
    const newUri = uriOf(to);
    const bytes = this.files.get(oldUri.toString());
    if (!bytes) throw new Error(`no such file: ${from}`);
    this.files.delete(oldUri.toString());
    this.files.set(newUri.toString(), bytes);
    this.deleted.fire(oldUri);
    this.created.fire(newUri);
    this.renamed.fire({ oldUri, newUri });
  }

  /** Opens a document: the file's text from disk, or `text` for an untitled or unsaved one. */
  openDocument(path: string, text?: string, languageId = 'markdown'): MemoryDocument {
    const uri = uriOf(path);
    const onDisk = this.files.get(uri.toString());
    const document = new MemoryDocument(uri, text ?? (onDisk ? new TextDecoder().decode(onDisk) : ''), languageId);
    this.documents.push(document);
    this.opened.fire(document);
    return document;
  }

  /** One change of an open document (a keystroke, an undo, an applied edit). */
  editDocument(document: MemoryDocument, text: string): void {
    document.text = text;
    document.version++;
    this.changed.fire(document);
  }

  /** Saving writes the document's text to disk, which the file watcher reports as a change. */
  saveDocument(document: MemoryDocument): void {
    this.files.set(document.uri.toString(), encoder.encode(document.text));
    this.modified.fire(document.uri);
  }

  closeDocument(document: MemoryDocument): void {
    const at = this.documents.indexOf(document);
    if (at >= 0) this.documents.splice(at, 1);
    document.isClosed = true;
    this.closed.fire(document);
  }

  /** Settings or workspace folders changed which files may be plans. */
  changeScope(): void {
    this.scope.fire();
  }

  /** Holds every read until the returned function is called: indexing stays in flight meanwhile. */
  holdReads(): () => void {
    let release!: () => void;
    this.readsHeld = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.readsHeld = undefined;
      release();
    };
  }
}

/** Paths in tests are relative to the pretend workspace folder `/ws`. */
export function uriOf(path: string): MemoryUri {
  return MemoryUri.file(path.startsWith('/') ? path : `/ws/${path}`);
}

/** Storage in memory, so a second store can start warm from what the first one saved. */
export function memoryStorage(): StoreStorage & { readonly saved: Map<string, Uint8Array> } {
  const saved = new Map<string, Uint8Array>();
  return {
    saved,
    async read(name) {
      const bytes = saved.get(name);
      if (!bytes) throw new Error(`nothing stored as ${name}`);
      return bytes;
    },
    async write(name, bytes) {
      saved.set(name, bytes);
    },
  };
}
