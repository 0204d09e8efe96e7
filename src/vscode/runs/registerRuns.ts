import * as vscode from 'vscode';
import { runBadge } from '../../core/api';
import type { PhaseTarget } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import { registerRunNotifications, type RunEndNotice } from './runNotifications';
import { registerRunStatusBar } from './runStatusBar';
import { RunTracker } from './runTracker';

/** What the views need of runs: the tracker, when to redraw, and a phase's badge. */
export interface RunsView {
  tracker: RunTracker;
  /** Runs changed, or a minute passed while one runs (elapsed times move). */
  onDidChangeDisplay: vscode.Event<void>;
  /** `▶ running · 12 min`, `■ run finished`; undefined when the phase never ran. */
  badgeFor(target: Pick<PhaseTarget, 'uri' | 'key'>): string | undefined;
}

export interface RunsFeature extends vscode.Disposable {
  view: RunsView;
  /** Fired with each run-end notification, as shown. */
  onDidNotify: vscode.Event<RunEndNotice>;
}

const MINUTE = 60_000;

/** Runs: the tracker, its status-bar item and end notifications, and a minute tick while anything runs (the lens is codeLens/runLens.ts). */
export function registerRuns(context: vscode.ExtensionContext, store: PlanStore): RunsFeature {
  const tracker = new RunTracker(context.workspaceState);
  const display = new vscode.EventEmitter<void>();
  const notices = new vscode.EventEmitter<RunEndNotice>();
  let ticker: ReturnType<typeof setInterval> | undefined;
  const retick = () => {
    const running = tracker.running().length > 0;
    if (running && !ticker) ticker = setInterval(() => display.fire(), MINUTE);
    if (!running && ticker) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
  retick();
  const view: RunsView = {
    tracker,
    onDidChangeDisplay: display.event,
    badgeFor(target) {
      const run = tracker.runOf(target);
      return run && runBadge(run, Date.now());
    },
  };
  const disposable = vscode.Disposable.from(
    tracker,
    display,
    notices,
    tracker.onDidChange(() => {
      retick();
      display.fire();
    }),
    registerRunStatusBar(tracker),
    registerRunNotifications(store, tracker, notices),
    { dispose: () => ticker && clearInterval(ticker) },
  );
  return { view, onDidNotify: notices.event, dispose: () => disposable.dispose() };
}
