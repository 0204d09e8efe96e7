import * as vscode from 'vscode';
import { describeNoneReady, nextReadyPhase, phaseName } from '../../core/api';
import { displayPath } from '../shared/displayPath';
import { targetOf } from '../shared/phaseTarget';
import type { CommandServices, PhaseCommand, PhaseCommandResult } from './phaseCommand';
import { startPhase } from './startPhase';

const OPEN = 'Open';

/**
 * The first phase in dependency order that is planned and whose dependencies are all done,
 * started the normal way (branch, status, launch). Nothing is asked: the same workspace always
 * gives the same phase, and a message names it, with Open to show it.
 *
 * From the palette it looks at the whole workspace; given a plan (a URI, or a Phases-view plan
 * node, or `{ uri }` in a keybinding's `args`) only at that plan's phases.
 */
export function startNextReadyPhaseCommand(services: CommandServices): PhaseCommand {
  const { store } = services;
  return {
    id: 'phaselens.startNextReadyPhase',
    async execute(argument): Promise<PhaseCommandResult> {
      await store.ensureIndexed();
      // Open plans as they read now, not as they read before the last typing pause.
      for (const document of vscode.workspace.textDocuments) store.entryFor(document);
      const planUri = planOf(argument);
      const entries = store.plans();
      const scoped = planUri ? entries.find((entry) => entry.uri.toString() === planUri) : undefined;
      const where = planUri ? `in ${displayPath(planUri)}` : 'in the workspace';
      const next = nextReadyPhase(store.index(), planUri ? (ref) => ref.plan === scoped?.plan : undefined);
      if (next.kind === 'none') {
        void vscode.window.showInformationMessage(describeNoneReady(next, where));
        return { outcome: 'no-phase' };
      }
      const entry = entries.find((candidate) => candidate.plan === next.phase.plan);
      if (!entry) return { outcome: 'no-phase' };
      const target = targetOf(entry, next.phase.phase);
      const title = next.phase.phase.title ? `: ${next.phase.phase.title}` : '';
      void vscode.window.showInformationMessage(`Starting ${phaseName(next.phase.phase)}${title} (${displayPath(entry.uri)}), the next phase ready ${where}.`, OPEN).then((choice) => {
        if (choice === OPEN) void vscode.commands.executeCommand('phaselens.revealPhase', target);
      });
      return { ...(await startPhase(services, target)), target };
    },
  };
}

/** The plan an argument names, as `Uri.toString()`; undefined for the whole workspace. */
export function planOf(argument: unknown): string | undefined {
  if (argument instanceof vscode.Uri) return argument.toString();
  if (typeof argument === 'string' && argument) return vscode.Uri.parse(argument).toString();
  const uri = (argument as { uri?: unknown } | undefined)?.uri;
  if (uri instanceof vscode.Uri) return uri.toString();
  if (typeof uri === 'string' && uri) return vscode.Uri.parse(uri).toString();
  return undefined;
}
