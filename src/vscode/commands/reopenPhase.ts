import * as vscode from 'vscode';
import { capitalizedPhaseName, phaseProgress, reopenedStatus, setStatusEdits } from '../../core/api';
import { phaseArgument, resolveOrSay } from './phaseArgument';
import type { CommandServices, PhaseCommand, PhaseCommandResult } from './phaseCommand';
import { writePhase } from './writePhase';

/**
 * Reopen: a done phase goes back to in progress, or to planned when it has tasks and none of
 * them is done. Checkboxes stay as they are: reopening says there is more to do, not that the
 * done work was undone.
 */
export function reopenPhaseCommand({ store }: CommandServices): PhaseCommand {
  return {
    id: 'phaselens.reopenPhase',
    async execute(argument): Promise<PhaseCommandResult> {
      const target = await phaseArgument(store, argument, 'Reopen which phase?', (phase) => phase.status === 'done');
      if (!target) return { outcome: 'no-phase' };
      const seen = await resolveOrSay(store, target);
      if (!seen) return { outcome: 'no-phase' };
      const name = capitalizedPhaseName(seen.phase);
      if (seen.phase.status !== 'done') {
        void vscode.window.showInformationMessage(`${name} is not done; there is nothing to reopen.`);
        return { outcome: 'unchanged' };
      }
      const written = await writePhase(store, target, name, ({ entry, phase }) =>
        phase.status === 'done' ? setStatusEdits(entry.plan, phase, reopenedStatus(phaseProgress(phase)), entry.text) : [],
      );
      return { outcome: written.outcome };
    },
  };
}
