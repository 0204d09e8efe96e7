import * as vscode from 'vscode';
import { allPhases, displayFileName, type Phase, phaseName, phaseProgress, progressLabel, statusText } from '../../core/api';
import { displayPath } from '../shared/displayPath';
import { isPhaseTarget, phaseAtCursor, resolveTarget, targetOf, type PhaseTarget, type ResolvedPhase } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import { statusStyle } from '../tree/statusStyle';

/**
 * The phase a command is about: a PhaseTarget (CodeLens), a tree node that carries one in
 * `target`, or nothing (palette, editor menu, keybinding): then the phase at the cursor, else
 * the one the user picks.
 */
export async function phaseArgument(store: PlanStore, argument: unknown, pickTitle: string, offer: (phase: Phase) => boolean = () => true): Promise<PhaseTarget | undefined> {
  if (isPhaseTarget(argument)) return argument;
  const carried = (argument as { target?: unknown } | undefined)?.target;
  if (isPhaseTarget(carried)) return carried;
  const here = phaseAtCursor(store);
  if (here) return targetOf(here.entry, here.phase);
  return pickPhase(store, pickTitle, offer);
}

interface PhasePick extends vscode.QuickPickItem {
  target: PhaseTarget;
}

export async function pickPhase(store: PlanStore, title: string, offer: (phase: Phase) => boolean): Promise<PhaseTarget | undefined> {
  await store.ensureIndexed();
  const items: PhasePick[] = store.plans().flatMap((entry) =>
    allPhases(entry.plan)
      .filter(offer)
      .map((phase) => ({
        label: `$(${statusStyle(phase.status).icon}) ${phaseName(phase)}${phase.title ? `: ${phase.title}` : ''}`,
        description: `${displayPath(entry.uri)}:${phase.line}`,
        detail: [statusText(phase.status), progressLabel(phaseProgress(phase))].filter(Boolean).join(' · '),
        target: targetOf(entry, phase),
      })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('PhaseLens found no phase for this command in the workspace.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Type to find a phase by id, title or file', matchOnDescription: true, matchOnDetail: true });
  return picked?.target;
}

/** The phase as it is now, or a message saying it is gone (its heading was removed or renamed since). */
export async function resolveOrSay(store: PlanStore, target: PhaseTarget): Promise<ResolvedPhase | undefined> {
  const resolved = await resolveTarget(store, target);
  if (!resolved) {
    const id = target.key.slice(target.key.indexOf(':') + 1).toUpperCase();
    void vscode.window.showWarningMessage(`PhaseLens cannot find phase ${id} in ${displayFileName(target.uri)} any more.`);
  }
  return resolved;
}
