import * as vscode from 'vscode';
import { affects } from '../shared/config';
import type { PlanStore } from '../planStore';

/**
 * When lenses above phase headings must be asked for again: a plan changed anywhere (a
 * dependency in another file may have finished, or a dependent appeared), or the CodeLens
 * switch was flipped. Shared by every phase lens provider.
 */
export function phaseLensChanges(store: PlanStore): vscode.Disposable & { readonly event: vscode.Event<void> } {
  const changed = new vscode.EventEmitter<void>();
  const subscriptions = [
    changed,
    store.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, 'codeLens.enabled')) changed.fire();
    }),
  ];
  return { event: changed.event, dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
}
