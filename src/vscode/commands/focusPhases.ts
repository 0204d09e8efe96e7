import * as vscode from 'vscode';
import type { CursorPhaseTracker } from '../tree/cursorPhase';
import { isPhaseTarget, targetOf } from '../shared/phaseTarget';
import { FOCUS_PHASES_COMMAND } from '../tree/statusBar';
import { phaseLabel } from '../tree/describe';
import type { PhaseNode, TreeNode } from '../tree/nodes';
import type { PhasesTreeProvider } from '../tree/phasesTreeProvider';
import type { PhasesViewState } from '../tree/viewState';
import type { Command } from './command';

/**
 * `phaselens.focusPhases`: shows the Phases view and selects a phase in it: the one given (the
 * status bar passes its PhaseTarget), else the one under the cursor.
 */
export function focusPhasesCommand(provider: PhasesTreeProvider, view: vscode.TreeView<TreeNode>, tracker: CursorPhaseTracker, state: PhasesViewState): Command {
  return {
    id: FOCUS_PHASES_COMMAND,
    async execute(arg: unknown) {
      const current = tracker.current;
      const target = isPhaseTarget(arg) ? arg : current ? targetOf(current.entry, current.phase) : undefined;
      // Listing the plans first makes sure the store is indexed and the view knows its roots.
      await provider.getChildren();
      await vscode.commands.executeCommand('phaselens.phases.focus');
      if (!target) return undefined;
      let node: PhaseNode | undefined = provider.findPhaseNode(target);
      if (!node && state.filter) {
        const name = current && current.phase.key === target.key ? phaseLabel(current.phase) : 'The phase';
        const choice = await vscode.window.showInformationMessage(`${name} is hidden by the Phases view's filter.`, 'Show All Phases');
        if (choice !== 'Show All Phases') return undefined;
        await state.setFilter('');
        node = provider.findPhaseNode(target);
      }
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      return node;
    },
  };
}
