import type * as vscode from 'vscode';
import { graphCommands } from '../graph/graphCommands';
import type { DependencyGraphPanel } from '../graph/panel';
import { startReadyPhasesCommand } from '../parallel/startReadyPhases';
import { showRunsCommand, showRunTerminalCommand } from '../runs/runCommands';
import type { RunTracker } from '../runs/runTracker';
import type { PhasesViewParts } from '../tree/registerPhasesView';
import { registerCommandObjects } from './command';
import { completePhaseCommand } from './completePhase';
import { copyPhasePromptCommand } from './copyPhasePrompt';
import { createStarterPlanCommand } from './createStarterPlan';
import { filterCommands } from './filterCommands';
import { focusPhasesCommand } from './focusPhases';
import { followCursorCommands } from './followCursorCommands';
import { goToDependencyCommand } from './goToDependency';
import type { CommandServices } from './phaseCommand';
import { refreshPlansCommand } from './refreshPlans';
import { reopenPhaseCommand } from './reopenPhase';
import { revealPhaseCommand } from './revealPhase';
import { startNextReadyPhaseCommand } from './startNextReadyPhase';
import { startPhaseCommand } from './startPhase';
import { toggleTaskCommand } from './toggleTask';

/** What the commands act on, beyond the phase services: the Phases view, the graph panel, the runs. */
export interface CommandSources extends CommandServices {
  phasesView: PhasesViewParts;
  graphPanel: DependencyGraphPanel;
  runs: RunTracker;
}

/**
 * Every command of the extension (each declared in package.json), registered here and nowhere
 * else. The features build the objects the commands act on; the commands are listed here.
 */
export function registerCommands(sources: CommandSources): vscode.Disposable {
  const { store, phasesView, graphPanel, runs } = sources;
  const { provider, view, tracker, state } = phasesView;
  return registerCommandObjects([
    // A phase's life: the lenses, the tree's context menu and the palette.
    startPhaseCommand(sources),
    startNextReadyPhaseCommand(sources),
    startReadyPhasesCommand(sources),
    completePhaseCommand(sources),
    reopenPhaseCommand(sources),
    copyPhasePromptCommand(sources),
    goToDependencyCommand(sources),
    // The Phases view.
    revealPhaseCommand(store),
    toggleTaskCommand(store),
    refreshPlansCommand(store, provider),
    ...filterCommands(state),
    ...followCursorCommands(state),
    focusPhasesCommand(provider, view, tracker, state),
    createStarterPlanCommand(),
    // The dependency graph.
    ...graphCommands(store, graphPanel),
    // Runs: the lens's and the status-bar item's clicks.
    showRunTerminalCommand(runs),
    showRunsCommand(runs),
  ]);
}
