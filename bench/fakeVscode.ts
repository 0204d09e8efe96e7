import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/**
 * A stand-in for the `vscode` module, so that `dist/extension.js` can be required and its
 * `activate()` run in plain Node to time them. Every API call returns at once: the figure is
 * what the extension's own code costs at activation (module load, object graph, registrations),
 * not what VS Code does in response. The classes extensions construct or extend are small real
 * classes; everything else is a permissive stub (any property, any call, iterable and empty,
 * never a thenable), so a new API use in the extension does not break the measurement.
 */

type AnyFunction = (...args: unknown[]) => unknown;

/** An object that answers any property with a stub, for prototypes and plain stand-ins. */
function stubObject(): object {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'then' || typeof property === 'symbol') return undefined;
        if (!cache.has(property)) cache.set(property, createStub());
        return cache.get(property);
      },
    },
  );
}

function createStub(): unknown {
  const cache = new Map<PropertyKey, unknown>();
  function Base(this: Record<string, unknown>) {}
  // Instances (also of classes that extend a stub) fall back to stubs for members they lack.
  Object.setPrototypeOf(Base.prototype, stubObject());
  const assigned = new Map<PropertyKey, unknown>();
  const stub: unknown = new Proxy(Base as unknown as AnyFunction, {
    set(_target, property, value) {
      assigned.set(property, value);
      return true;
    },
    get(_target, property) {
      if (assigned.has(property)) return assigned.get(property);
      if (property === 'then') return undefined;
      if (property === Symbol.iterator) return function* () {};
      if (property === Symbol.asyncIterator) return async function* () {};
      if (property === Symbol.toPrimitive) return () => 0;
      if (typeof property === 'symbol') return undefined;
      if (property === 'length' || property === 'size') return 0;
      if (property === 'dispose') return () => undefined;
      if (property === 'prototype') return Base.prototype;
      if (!cache.has(property)) cache.set(property, createStub());
      return cache.get(property);
    },
    apply: () => createStub(),
    construct: (_target, args, newTarget) => Reflect.construct(Base, args, newTarget),
  });
  return stub;
}

class Disposable {
  constructor(private readonly onDispose?: () => void) {}
  static from(...items: Array<{ dispose(): unknown } | undefined>): Disposable {
    return new Disposable(() => items.forEach((item) => item?.dispose()));
  }
  dispose() {
    this.onDispose?.();
  }
}

class EventEmitter<T> {
  private listeners: Array<(value: T) => unknown> = [];
  readonly event = (listener: (value: T) => unknown) => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((other) => other !== listener)));
  };
  fire(value: T) {
    for (const listener of this.listeners) listener(value);
  }
  dispose() {
    this.listeners = [];
  }
}

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = '',
    readonly authority = '',
  ) {}
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath.split(path.sep).join('/'));
  }
  static parse(value: string): Uri {
    const match = /^([a-z][\w+.-]*):(?:\/\/([^/]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(value);
    return match ? new Uri(match[1]!, decodeURIComponent(match[3] ?? ''), match[4] ?? '', match[5] ?? '', match[2] ?? '') : new Uri('file', value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts), '', '', base.authority);
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: Partial<{ scheme: string; path: string; query: string; fragment: string }>): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment, this.authority);
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${encodeURI(this.path)}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON() {
    return { scheme: this.scheme, path: this.path };
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c ?? 0, d ?? 0) : (b as Position);
  }
}

const memento = () => {
  const values = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
    keys: () => [...values.keys()],
    setKeysForSync: () => undefined,
  };
};

const configuration = () => ({
  get: (_key: string, fallback?: unknown) => fallback,
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
});

const onEvent = () => () => new Disposable();

export function createFakeVscode(): Record<string, unknown> {
  const api: Record<string, unknown> = {
    Disposable,
    EventEmitter,
    Uri,
    Position,
    Range,
    Selection: class extends Range {},
    workspace: new Proxy(
      {
        textDocuments: [],
        workspaceFolders: undefined,
        getConfiguration: configuration,
        findFiles: async () => [],
        createFileSystemWatcher: () => ({ onDidCreate: onEvent(), onDidChange: onEvent(), onDidDelete: onEvent(), dispose() {} }),
        getWorkspaceFolder: () => undefined,
        asRelativePath: (value: unknown) => String(value),
        isTrusted: true,
      },
      { get: (target, property) => (property in target ? target[property as keyof typeof target] : property.toString().startsWith('onDid') || property.toString().startsWith('onWill') ? onEvent() : createStub()) },
    ),
    window: new Proxy(
      { visibleTextEditors: [], activeTextEditor: undefined, tabGroups: { all: [], onDidChangeTabs: onEvent() } },
      { get: (target, property) => (property in target ? target[property as keyof typeof target] : property.toString().startsWith('onDid') ? onEvent() : createStub()) },
    ),
    commands: { registerCommand: () => new Disposable(), registerTextEditorCommand: () => new Disposable(), executeCommand: async () => undefined, getCommands: async () => [] },
    languages: new Proxy({}, { get: (_target, property) => (property.toString().startsWith('onDid') ? onEvent() : () => new Disposable()) }),
    env: { language: 'en', appName: 'bench', uiKind: 1, openExternal: async () => true, clipboard: { writeText: async () => undefined } },
  };
  // A bundle imports the module with esbuild's __toESM, which copies the module's own keys:
  // every name the real API exports is an own property, made on first use (a plain object, as
  // the real module is, so the copy costs what it costs with VS Code).
  for (const name of vscodeApiNames()) {
    if (name in api) continue;
    let value: unknown;
    Object.defineProperty(api, name, { enumerable: true, configurable: true, get: () => (value ??= createStub()) });
  }
  return api;
}

/** The names `vscode` exports (classes, enums, namespaces, constants), read from @types/vscode. */
function vscodeApiNames(): string[] {
  try {
    const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [process.cwd()] }), 'utf8');
    return [...declarations.matchAll(/^\texport (?:class|enum|namespace|const|let|function) (\w+)/gm)].map((match) => match[1]!);
  } catch {
    return [];
  }
}

/** A context as activate() receives it; `subscriptions` is returned so the caller can dispose them. */
export function createFakeContext(extensionRoot: string, storageRoot: string): Record<string, unknown> {
  return {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionUri: Uri.file(extensionRoot),
    extensionPath: extensionRoot,
    globalState: memento(),
    workspaceState: memento(),
    globalStorageUri: Uri.file(path.join(storageRoot, 'global')),
    storageUri: Uri.file(path.join(storageRoot, 'workspace')),
    logUri: Uri.file(path.join(storageRoot, 'log')),
    extensionMode: 1,
    asAbsolutePath: (relative: string) => path.join(extensionRoot, relative),
    environmentVariableCollection: createStub(),
    secrets: createStub(),
    extension: { id: 'phaselens.phaselens', packageJSON: {} },
  };
}

/** Makes `require('vscode')` return `fake` in this process. */
export function installFakeVscode(fake: unknown): void {
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string; _cache: Record<string, unknown> };
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
  };
  const cached = new Module('vscode');
  cached.exports = fake;
  cached.loaded = true;
  (require.cache as Record<string, unknown>)['vscode'] = cached;
}
