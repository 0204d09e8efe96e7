import * as vscode from 'vscode';
import { allPhases, displayFileName, phaseChecks, splitLines, tallyChecks } from '../../core/api';
import type { PlanStore } from '../planStore';
import { isEnabled } from '../shared/config';
import { targetOf, type PhaseTarget } from '../shared/phaseTarget';
import { waitingOn } from '../shared/waiting';
import type { CheckResults } from '../verify/checkResults';
import { phaseLensChanges } from './lensChanges';
import { phaseLensItems, type LensAction, type WaitingDependency } from './phaseLensItems';

const ACTION_COMMANDS: Readonly<Record<LensAction, string>> = {
  start: 'phaselens.startPhase',
  complete: 'phaselens.completePhase',
  reopen: 'phaselens.reopenPhase',
};

/**
 * Lenses above each phase heading: Start / Complete / Reopen for its status, its progress
 * (`3/7 tasks · criteria 2/4`) and `waiting on Phase 2B` per unfinished dependency, which jumps
 * to it. Every command argument is a PhaseTarget, re-resolved when the command runs.
 */
export class PhaseLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changes: ReturnType<typeof phaseLensChanges>;
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: PlanStore,
    private readonly checkResults: CheckResults,
  ) {
    this.changes = phaseLensChanges(store);
    // A finished run of verify commands changes `checks 2/3` without any edit to the plan.
    this.subscriptions = [this.changes.event(() => this.emitter.fire()), checkResults.onDidChange(() => this.emitter.fire()), this.emitter];
    this.onDidChangeCodeLenses = this.emitter.event;
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (token.isCancellationRequested || !isEnabled('codeLens.enabled')) return [];
    const entry = this.store.entryFor(document);
    if (!entry) return [];
    const lenses: vscode.CodeLens[] = [];
    const lines = splitLines(entry.text);
    for (const phase of allPhases(entry.plan)) {
      // A long plan asked about at a version that is already gone: stop, VS Code asks again.
      if (token.isCancellationRequested) return [];
      const range = new vscode.Range(phase.line - 1, 0, phase.line - 1, 0);
      const target = targetOf(entry, phase);
      const waiting = waitingOn(this.store, { entry, phase });
      const dependencies: WaitingDependency[] = waiting.map((ref) => ({
        phase: ref.phase,
        ...(ref.plan.file !== entry.plan.file ? { otherFile: displayFileName(ref.plan.file) } : {}),
      }));
      const checks = tallyChecks(phaseChecks(phase, lines), this.checkResults.get(entry.uri.toString(), phase.key));
      for (const item of phaseLensItems(phase, dependencies, checks)) {
        let command: vscode.Command;
        if (item.kind === 'action') command = { title: item.title, tooltip: item.tooltip, command: ACTION_COMMANDS[item.action], arguments: [target] };
        else if (item.kind === 'waiting') {
          const ref = waiting[item.dependency]!;
          const dependencyTarget: PhaseTarget = { uri: ref.plan.file, key: ref.phase.key, line: ref.phase.line };
          command = { title: item.title, tooltip: item.tooltip, command: 'phaselens.goToDependency', arguments: [dependencyTarget] };
        }
        // Progress is information, not an action: a lens without a command is shown as plain text.
        else command = { title: item.title, tooltip: item.tooltip, command: '' };
        lenses.push(new vscode.CodeLens(range, command));
      }
    }
    return lenses;
  }

  dispose() {
    this.changes.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
