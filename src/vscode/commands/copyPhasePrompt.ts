import * as vscode from 'vscode';
import { phaseName } from '../../core/api';
import { phasePromptText } from '../launch/promptSource';
import { phaseArgument, resolveOrSay } from './phaseArgument';
import type { CommandServices, PhaseCommand, PhaseCommandResult } from './phaseCommand';

/** The phase as a prompt (the team's template, or title, tasks, criteria, dependencies, file) on the clipboard. */
export function copyPhasePromptCommand({ store }: CommandServices): PhaseCommand {
  return {
    id: 'phaselens.copyPhasePrompt',
    async execute(argument): Promise<PhaseCommandResult> {
      const target = await phaseArgument(store, argument, 'Copy which phase as a prompt?');
      if (!target) return { outcome: 'no-phase' };
      await store.ensureIndexed();
      const resolved = await resolveOrSay(store, target);
      if (!resolved) return { outcome: 'no-phase' };
      await vscode.env.clipboard.writeText(await phasePromptText(store, resolved));
      vscode.window.setStatusBarMessage(`$(copy) Copied ${phaseName(resolved.phase)} as a prompt`, 4000);
      return { outcome: 'copied' };
    },
  };
}
