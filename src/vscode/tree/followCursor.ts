import * as vscode from 'vscode';
import type { CursorPhaseTracker } from './cursorPhase';
import { targetOf } from '../shared/phaseTarget';
import type { TreeNode } from './nodes';
import type { PhasesTreeProvider } from './phasesTreeProvider';
import type { PhasesViewState } from './viewState';

/**
 * "Follow the cursor": while on, the phase under the cursor is selected in the Phases view as
 * the cursor moves between phases. Only while the view is visible: revealing would open it.
 */
export function registerFollowCursor(provider: PhasesTreeProvider, view: vscode.TreeView<TreeNode>, tracker: CursorPhaseTracker, state: PhasesViewState): vscode.Disposable {
  const follow = async (force: boolean) => {
    const current = tracker.current;
    if (!state.followCursor || !view.visible || !current) return;
    const node = provider.findPhaseNode(targetOf(current.entry, current.phase));
    if (!node) return;
    const selected = view.selection[0];
    if (!force && selected?.id === node.id) return;
    try {
      await view.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // The tree was refreshed under the reveal; the next cursor move reveals again.
    }
  };
  return vscode.Disposable.from(
    tracker.onDidChange((change) => {
      if (change.moved) void follow(false);
    }),
    state.onDidChange(() => void follow(true)),
    view.onDidChangeVisibility((event) => {
      if (event.visible) void follow(false);
    }),
  );
}
