import type * as vscode from 'vscode';
import type { Command } from './command';
import type { BranchResult } from '../launch/branch';
import type { LaunchResult } from '../launch/launcher';
import type { PhaseTarget } from '../phaseTarget';
import type { PlanStore } from '../planStore';

/** A command that acts on a phase, and says what it did. */
export interface PhaseCommand extends Command {
  execute(...args: unknown[]): Promise<PhaseCommandResult>;
}

export interface CommandServices {
  store: PlanStore;
  /** For notices shown once per user. */
  globalState: vscode.Memento;
  /** The extension's own storage folder (the launch's `${promptFile}`). */
  storage?: vscode.Uri;
}

/**
 * What a command did, returned through `executeCommand` so tests (and other commands) can
 * tell a cancelled dialog from a refused edit without reading the screen.
 */
export interface PhaseCommandResult {
  outcome: 'applied' | 'unchanged' | 'cancelled' | 'no-phase' | 'refused' | 'copied' | 'revealed';
  launch?: LaunchResult;
  /** Start: what happened about the phase's git branch (`phaselens.launch.branch`). */
  branch?: BranchResult;
  /** Start Next Ready Phase: the phase it chose. */
  target?: PhaseTarget;
}
