import type * as vscode from 'vscode';
import { registerCommands } from './command';
import { completePhaseCommand } from './completePhase';
import { copyPhasePromptCommand } from './copyPhasePrompt';
import { goToDependencyCommand } from './goToDependency';
import type { CommandServices } from './phaseCommand';
import { reopenPhaseCommand } from './reopenPhase';
import { startNextReadyPhaseCommand } from './startNextReadyPhase';
import { startPhaseCommand } from './startPhase';
import { startReadyPhasesCommand } from '../parallel/startReadyPhases';

/** Start, Start Next Ready, Start Ready Phases, Complete, Reopen, Copy as Prompt and Go to Dependency, registered together. */
export function registerPhaseCommands(services: CommandServices): vscode.Disposable {
  const commands = [startPhaseCommand, startNextReadyPhaseCommand, startReadyPhasesCommand, completePhaseCommand, reopenPhaseCommand, copyPhasePromptCommand, goToDependencyCommand].map((make) => make(services));
  return registerCommands(commands);
}
