import * as vscode from 'vscode';
import { systemTimers, type PlanStoreWorkspace, type StoreStorage } from '../core/api';
import { planDiscovery } from './planDiscovery';

/**
 * The plan store's workspace over the real `vscode.workspace`: its documents, the files
 * `planDiscovery` accepts, a watcher on markdown files, and the extension's workspace storage.
 * Each event is subscribed to only when the store asks for it, and the store disposes it.
 */
export function editorWorkspace(storage: vscode.Uri | undefined): PlanStoreWorkspace<vscode.Uri> & vscode.Disposable {
  const discovery = planDiscovery();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,MD}');
  const scope = new vscode.EventEmitter<void>();
  const scopeListeners = vscode.Disposable.from(
    vscode.workspace.onDidChangeWorkspaceFolders(() => scope.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('phaselens.files') || event.affectsConfiguration('files.exclude')) scope.fire();
    }),
  );
  return {
    get documents() {
      return vscode.workspace.textDocuments;
    },
    parseUri: (key) => vscode.Uri.parse(key),
    accepts: (uri) => discovery.accepts(uri),
    findPlanCandidates: () => discovery.findPlanCandidates(),
    readFile: async (uri) => vscode.workspace.fs.readFile(uri),
    relativePath: (uri) => vscode.workspace.asRelativePath(uri),
    storage: storage && storageAt(storage),
    onDidOpenDocument: vscode.workspace.onDidOpenTextDocument,
    onDidChangeDocument: (listener, thisArgs, disposables) => vscode.workspace.onDidChangeTextDocument((event) => listener(event.document), thisArgs, disposables),
    onDidCloseDocument: vscode.workspace.onDidCloseTextDocument,
    onDidCreateFile: watcher.onDidCreate,
    onDidChangeFile: watcher.onDidChange,
    onDidDeleteFile: watcher.onDidDelete,
    onDidRenameFile: (listener, thisArgs, disposables) =>
      vscode.workspace.onDidRenameFiles(
        (event) => {
          for (const file of event.files) listener(file);
        },
        thisArgs,
        disposables,
      ),
    onDidChangeScope: scope.event,
    setContext: (key, value) => vscode.commands.executeCommand('setContext', key, value),
    showWarning: (message) => void vscode.window.showWarningMessage(message),
    timers: systemTimers,
    dispose() {
      scopeListeners.dispose();
      scope.dispose();
      watcher.dispose();
    },
  };
}

function storageAt(folder: vscode.Uri): StoreStorage {
  return {
    read: async (name) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)),
    async write(name, bytes) {
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), bytes);
    },
  };
}
