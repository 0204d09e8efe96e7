import * as vscode from 'vscode';
import { onCheckboxChange, setTasksDone, type TaskChange } from '../commands/toggleTask';
import { CursorPhaseTracker } from './cursorPhase';
import type { PlanStore } from '../planStore';
import { registerStatusBar } from './statusBar';
import { filterDescription } from './filter';
import { registerFollowCursor } from './followCursor';
import type { TreeNode } from './nodes';
import { PhasesTreeProvider, type PhaseCopies } from './phasesTreeProvider';
import { PhasesViewState } from './viewState';

export const PHASES_VIEW_ID = 'phaselens.phases';

/** What the Phases view exposes through the extension's API (integration tests read the tree through it). */
export interface PhasesTreeApi {
  provider: PhasesTreeProvider;
  view: vscode.TreeView<TreeNode>;
  tracker: CursorPhaseTracker;
  /** The status-bar item for the phase under the cursor. */
  statusBar: vscode.StatusBarItem;
  /** What a checkbox click in the tree does, callable without a mouse. */
  setTasksDone(changes: readonly TaskChange[]): Promise<boolean>;
  /** The checkbox handler itself, fed a synthetic event. */
  onCheckboxChange(event: vscode.TreeCheckboxChangeEvent<unknown>): Promise<boolean>;
}

/** What the view's commands (registered in commands/index.ts) act on. */
export interface PhasesViewParts {
  provider: PhasesTreeProvider;
  view: vscode.TreeView<TreeNode>;
  tracker: CursorPhaseTracker;
  state: PhasesViewState;
}

export interface PhasesView extends vscode.Disposable {
  readonly api: PhasesTreeApi;
  readonly parts: PhasesViewParts;
}

/**
 * The Phases view and everything around it: the tree, its title-bar filter and follow-cursor
 * state, task checkboxes, and the status-bar item for the phase under the cursor. Its commands
 * (reveal, toggle, refresh, filters, follow cursor, focus, starter plan) are in commands/index.ts.
 */
export function registerPhasesView(context: vscode.ExtensionContext, store: PlanStore, copies?: PhaseCopies): PhasesView {
  const state = new PhasesViewState(context.workspaceState);
  const provider = new PhasesTreeProvider(store, () => state.filter, copies);
  const view = vscode.window.createTreeView<TreeNode>(PHASES_VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    // A parent task's box is its own line in the markdown: checking it must not tick its subtasks.
    manageCheckboxStateManually: true,
  });
  const tracker = new CursorPhaseTracker(store);
  const checkboxHandler = onCheckboxChange(store, () => provider.refreshAll());
  const statusBar = registerStatusBar(store, tracker);

  const describeFilter = () => {
    view.description = filterDescription(state.filter) || undefined;
  };
  describeFilter();

  const disposable = vscode.Disposable.from(
    state,
    provider,
    view,
    tracker,
    provider.onDidListRoots(({ shown, total }) => {
      view.message = shown === 0 && total > 0 ? `Every phase is hidden by the filter (${filterDescription(state.filter)}).` : undefined;
    }),
    view.onDidChangeCheckboxState((event) => void checkboxHandler(event)),
    view.onDidChangeVisibility((event) => {
      if (event.visible) void store.ensureIndexed();
    }),
    state.onDidChange(() => {
      describeFilter();
      provider.refreshAll();
    }),
    registerFollowCursor(provider, view, tracker, state),
    statusBar,
  );
  if (view.visible) void store.ensureIndexed();

  return {
    api: { provider, view, tracker, statusBar: statusBar.item, setTasksDone: (changes) => setTasksDone(store, changes), onCheckboxChange: checkboxHandler },
    parts: { provider, view, tracker, state },
    dispose: () => disposable.dispose(),
  };
}
