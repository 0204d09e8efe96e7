import type * as vscode from 'vscode';
import { PlanStore as WorkspacePlanStore, type PlanEntry as StoreEntry } from '../core/api';
import { editorWorkspace } from './editorWorkspace';

/** A store entry in the editor: its URI is a `vscode.Uri`. */
export type PlanEntry = StoreEntry<vscode.Uri>;

export interface PlanStoreOptions {
  /** Where the warm-start cache lives (the workspace's extension storage); none keeps it in memory. */
  storage?: vscode.Uri;
  /** The bundled parser worker (dist/planParserWorker.js): indexing parses on it, off the extension host's thread. */
  parserWorker?: string;
}

/**
 * The extension's plan store: the editor-independent store (`core/store`) over the real
 * `vscode.workspace`. Every feature reads plans from it; see `core/store/planStore.ts`.
 */
export class PlanStore extends WorkspacePlanStore<vscode.Uri> implements vscode.Disposable {
  private readonly editor: ReturnType<typeof editorWorkspace>;

  constructor(options: PlanStoreOptions = {}) {
    const workspace = editorWorkspace(options.storage);
    super(workspace, { parserWorker: options.parserWorker });
    this.editor = workspace;
  }

  override dispose() {
    super.dispose();
    this.editor.dispose();
  }
}
