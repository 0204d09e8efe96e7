import * as vscode from 'vscode';
import { isEnabled } from '../shared/config';
import type { CursorPhaseTracker } from './cursorPhase';
import { targetOf } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import { displayStatus } from './buildNodes';
import { escapeMarkdown, phaseLabel, statusBarText, taskProgress, waitingText } from './describe';
import { statusTitle } from './statusStyle';

export const FOCUS_PHASES_COMMAND = 'phaselens.focusPhases';

/**
 * `$(play-circle) Phase 2B · 3/7` for the phase under the cursor; clicking it shows that phase
 * in the Phases view. Hidden outside plans and when `phaselens.statusBar.enabled` is off.
 */
export function registerStatusBar(store: PlanStore, tracker: CursorPhaseTracker): vscode.Disposable & { readonly item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('phaselens.phase', vscode.StatusBarAlignment.Right, 100);
  item.name = 'PhaseLens: Phase at Cursor';

  const update = () => {
    const current = tracker.current;
    if (!current || !isEnabled('statusBar.enabled')) {
      item.hide();
      return;
    }
    const { entry, phase } = current;
    const index = store.index();
    const ref = { plan: entry.plan, phase };
    const status = displayStatus(ref, index);
    const progress = taskProgress(phase);
    const waiting = phase.status === 'done' ? '' : waitingText(index.readiness(ref).waitingOn.map((to) => ({ uri: to.plan.file, phase: to.phase, status: displayStatus(to, index) })));
    item.text = statusBarText(phase, status);
    const facts = [statusTitle(status), progress.total > 0 ? `${progress.done}/${progress.total} tasks` : '', waiting].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(phaseLabel(phase))}**\n\n${escapeMarkdown(facts)}\n\nClick to show it in the Phases view.`, true);
    item.accessibilityInformation = { label: `${phaseLabel(phase)}, ${facts}` };
    item.command = { command: FOCUS_PHASES_COMMAND, title: 'Show in Phases View', arguments: [targetOf(entry, phase)] };
    item.show();
  };

  update();
  const disposable = vscode.Disposable.from(
    item,
    tracker.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('phaselens.statusBar.enabled')) update();
    }),
  );
  return { item, dispose: () => disposable.dispose() };
}
