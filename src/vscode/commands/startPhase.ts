import * as vscode from 'vscode';
import { capitalizedPhaseName, setStatusEdits } from '../../core/api';
import { prepareBranch } from '../launch/branch';
import { launchPhase } from '../launch/launcher';
import { describeWaiting, waitingOn } from '../shared/waiting';
import type { PhaseTarget } from '../shared/phaseTarget';
import { phaseArgument, resolveOrSay } from './phaseArgument';
import { launchOptionsOf, type CommandServices, type PhaseCommand, type PhaseCommandResult } from './phaseCommand';
import { writePhase } from './writePhase';

export const START_ANYWAY = 'Start Anyway';

/**
 * Start: ask first when a dependency is unfinished, create or switch to the phase's branch when
 * `phaselens.launch.branch` asks for one, write "in progress" into the plan in its own style
 * (on that branch), then hand the work on (`phaselens.launch.action`). Starting a phase that is
 * already in progress leaves the text alone and launches again.
 */
export function startPhaseCommand(services: CommandServices): PhaseCommand {
  return {
    id: 'phaselens.startPhase',
    async execute(argument): Promise<PhaseCommandResult> {
      const target = await phaseArgument(services.store, argument, 'Start which phase?', (phase) => phase.status !== 'in-progress');
      if (!target) return { outcome: 'no-phase' };
      return startPhase(services, target);
    },
  };
}

export async function startPhase(services: CommandServices, target: PhaseTarget): Promise<PhaseCommandResult> {
  const { store, globalState } = services;
  await store.ensureIndexed();
  const seen = await resolveOrSay(store, target);
  if (!seen) return { outcome: 'no-phase' };
  const name = capitalizedPhaseName(seen.phase);

  const waiting = waitingOn(store, seen);
  if (waiting.length > 0) {
    const choice = await vscode.window.showWarningMessage(`${name} waits on ${describeWaiting(waiting)}. Start anyway?`, { modal: true }, START_ANYWAY);
    if (choice !== START_ANYWAY) return { outcome: 'cancelled' };
  }

  // Before the status is written: the change belongs on the phase's branch, and would itself count as uncommitted.
  const branch = await prepareBranch(seen);
  if (branch.kind === 'cancelled') return { outcome: 'cancelled', branch };

  const written = await writePhase(store, target, name, ({ entry, phase }) => (phase.status === 'in-progress' ? [] : setStatusEdits(entry.plan, phase, 'in-progress', entry.text)));
  if (written.outcome !== 'applied' && written.outcome !== 'unchanged') return { outcome: written.outcome, branch };
  const launch = await launchPhase(store, written.resolved, globalState, launchOptionsOf(services));
  return { outcome: written.outcome, launch, branch };
}
