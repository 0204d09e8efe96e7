import type { Disposable, Event } from './events';

/**
 * What the plan store needs of an editor's workspace, in the spirit of
 * vscode-markdown-languageservice's `IWorkspace`: the open documents, the files that may be
 * plans, file and document events, storage for the cache, and timers. `editorWorkspace.ts`
 * implements it over `vscode.workspace`; `test/support/inMemoryWorkspace.ts` in memory, so the
 * store's behaviour is unit-tested without an editor and without waiting on a real clock.
 */

/** The part of a URI the store reads; `vscode.Uri` has it. `toString()` is the store's key. */
export interface StoreUri {
  readonly scheme: string;
  readonly path: string;
  toString(): string;
}

/** An open document as the editor holds it now; `vscode.TextDocument` has this shape. */
export interface StoreDocument<U extends StoreUri> {
  readonly uri: U;
  readonly languageId: string;
  /** Bumped by the editor on every change. */
  readonly version: number;
  readonly isClosed: boolean;
  getText(): string;
}

/** Timers the store debounces with; a test substitutes a clock it advances by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the warm-start cache lives between sessions (the extension's workspace storage). */
export interface StoreStorage {
  /** Rejects when there is nothing stored under `name` or it cannot be read. */
  read(name: string): Promise<Uint8Array>;
  write(name: string, bytes: Uint8Array): Promise<void>;
}

export interface FileRename<U> {
  readonly oldUri: U;
  readonly newUri: U;
}

export interface PlanStoreWorkspace<U extends StoreUri> {
  /** The documents open in the editor, at their current versions. */
  readonly documents: readonly StoreDocument<U>[];
  /** The URI whose `toString()` is `key`. */
  parseUri(key: string): U;
  /** Whether a file may be a plan (include/exclude settings); any markdown outside the workspace folders. */
  accepts(uri: U): boolean;
  /** Every file under the workspace folders that `accepts` would take, in a stable order. */
  findPlanCandidates(): Promise<U[]>;
  /** The file's bytes on disk; rejects when it cannot be read. */
  readFile(uri: U): Promise<Uint8Array>;
  /** How messages name a file: relative to its workspace folder. */
  relativePath(uri: U): string;
  /** Where the cache persists; none keeps it in memory for the session. */
  readonly storage?: StoreStorage;

  readonly onDidOpenDocument: Event<StoreDocument<U>>;
  /** Every change of an open document's text (typing, undo, an applied edit). */
  readonly onDidChangeDocument: Event<StoreDocument<U>>;
  readonly onDidCloseDocument: Event<StoreDocument<U>>;
  /**
   * A markdown file created, changed or deleted on disk (by any program). A save is a change
   * here: the store needs no save event, since the open document already holds that text.
   */
  readonly onDidCreateFile: Event<U>;
  readonly onDidChangeFile: Event<U>;
  readonly onDidDeleteFile: Event<U>;
  /** A file renamed or moved through the editor (the file events also report it, as delete + create). */
  readonly onDidRenameFile: Event<FileRename<U>>;
  /** Which files may be plans changed: workspace folders, or the include/exclude settings. */
  readonly onDidChangeScope: Event<void>;

  /** Tells the UI a fact it shows or hides things by (`setContext` in VS Code). */
  setContext(key: string, value: boolean): PromiseLike<unknown> | void;
  showWarning(message: string): void;
  readonly timers: Timers;
}

export type { Disposable, Event };
