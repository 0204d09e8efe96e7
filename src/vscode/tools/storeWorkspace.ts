import * as vscode from 'vscode';
import type { PlanSource, PlanWorkspace, PlanWrite } from '../../core/api';
import { applyEdits } from '../shared/applyEdits';
import { displayPath } from '../shared/displayPath';
import type { PlanEntry, PlanStore } from '../planStore';

/** The store's plans as the core operations take them, each source remembering its entry. */
export interface StoreWorkspace extends PlanWorkspace {
  entryOf(source: PlanSource): PlanEntry;
}

/** A snapshot of every plan as it reads now: open documents at their current version, the rest from disk. */
export async function storeWorkspace(store: PlanStore): Promise<StoreWorkspace> {
  await store.ensureIndexed();
  for (const document of vscode.workspace.textDocuments) store.entryFor(document);
  const entries = new Map<PlanSource, PlanEntry>();
  const sources = store.plans().map((entry) => {
    const source: PlanSource = { file: displayPath(entry.uri), plan: entry.plan, text: entry.text };
    entries.set(source, entry);
    return source;
  });
  return { sources, index: store.index(), entryOf: (source) => entries.get(source)! };
}

export type ApplyResult = 'applied' | 'unchanged' | 'stale' | 'refused';

/**
 * Applies a write as ONE WorkspaceEdit on the document as it is now (one undo step, like a click
 * in the tree): `stale` when the document no longer holds the text the write was computed from,
 * so the caller computes it again. A document that had no unsaved changes is saved afterwards, so
 * an agent reading the file sees what the editor shows.
 */
export async function applyPlanWrite(workspace: StoreWorkspace, write: PlanWrite): Promise<ApplyResult> {
  if (write.edits.length === 0) return 'unchanged';
  const entry = workspace.entryOf(write.source);
  const document = await vscode.workspace.openTextDocument(entry.uri);
  if (document.getText() !== write.source.text) return 'stale';
  return (await applyEdits(document, write.edits, { saveVisible: true })) ? 'applied' : 'refused';
}
