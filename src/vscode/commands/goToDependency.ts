import * as vscode from 'vscode';
import { capitalizedPhaseName, phaseName, statusText } from '../../core/api';
import { displayPath } from '../shared/displayPath';
import { waitingOn } from '../shared/waiting';
import { isPhaseTarget, phaseAtCursor, resolveTarget, type PhaseTarget } from '../shared/phaseTarget';
import type { CommandServices, PhaseCommand, PhaseCommandResult } from './phaseCommand';

/**
 * Go to a dependency's heading. With a PhaseTarget (the "⏳ waiting on 2B" lens passes 2B's) it
 * goes there; without one, to the unfinished dependency of the phase at the cursor, asking
 * which when there are several.
 */
export function goToDependencyCommand({ store }: CommandServices): PhaseCommand {
  return {
    id: 'phaselens.goToDependency',
    async execute(argument): Promise<PhaseCommandResult> {
      const carried = (argument as { target?: unknown } | undefined)?.target;
      const given = isPhaseTarget(argument) ? argument : isPhaseTarget(carried) ? carried : undefined;
      const target = given ?? (await chooseDependency(store));
      if (!target) return { outcome: 'no-phase' };
      const resolved = await resolveTarget(store, target);
      if (!resolved?.document) return { outcome: 'no-phase' };
      const position = new vscode.Position(resolved.phase.line - 1, 0);
      const editor = await vscode.window.showTextDocument(resolved.document, { selection: new vscode.Range(position, position) });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return { outcome: 'revealed' };
    },
  };
}

async function chooseDependency(store: CommandServices['store']): Promise<PhaseTarget | undefined> {
  const here = phaseAtCursor(store);
  if (!here) {
    void vscode.window.showInformationMessage('Put the cursor in a phase to go to what it waits on.');
    return undefined;
  }
  await store.ensureIndexed();
  const waiting = waitingOn(store, here);
  if (waiting.length === 0) {
    void vscode.window.showInformationMessage(`${capitalizedPhaseName(here.phase)} waits on no unfinished phase.`);
    return undefined;
  }
  const targets = waiting.map((ref) => ({ uri: ref.plan.file, key: ref.phase.key, line: ref.phase.line }));
  if (targets.length === 1) return targets[0];
  const picked = await vscode.window.showQuickPick(
    waiting.map((ref, index) => ({
      label: `${phaseName(ref.phase)}${ref.phase.title ? `: ${ref.phase.title}` : ''}`,
      description: `${statusText(ref.phase.status)} · ${displayPath(ref.plan.file)}:${ref.phase.line}`,
      index,
    })),
    { title: `${capitalizedPhaseName(here.phase)} waits on` },
  );
  return picked ? targets[picked.index] : undefined;
}
