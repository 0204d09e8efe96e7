import type * as vscode from 'vscode';
import type { Command } from './command';
import type { BranchResult } from '../launch/branch';
import type { LaunchOptions, LaunchResult } from '../launch/launcher';
import type { PhaseTarget } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import type { CheckOutcome } from '../../core/api';
import type { CheckResults } from '../verify/checkResults';
import type { WorktreeRuns } from '../parallel/worktreeRuns';
import type { RunTracker } from '../runs/runTracker';

/** A command that acts on a phase, and says what it did. */
export interface PhaseCommand extends Command {
  execute(...args: unknown[]): Promise<PhaseCommandResult>;
}

export interface CommandServices {
  store: PlanStore;
  /** For notices shown once per user. */
  globalState: vscode.Memento;
  /** The last run of each phase's verify commands. */
  checkResults: CheckResults;
  /** Phases running in worktrees of their own. */
  worktreeRuns: WorktreeRuns;
  /** Follows a phase started in a terminal as a run; without it the launch is not followed. */
  runs?: RunTracker;
  /** The extension's own storage folder (the launch's `${promptFile}`). */
  storage?: vscode.Uri;
}

/** What every launch from a command shares: the run tracker and the prompt file's folder. */
export function launchOptionsOf({ runs, storage }: CommandServices): LaunchOptions {
  return { ...(runs ? { runs } : {}), ...(storage ? { storage } : {}) };
}

/**
 * What a command did, returned through `executeCommand` so tests (and other commands) can
 * tell a cancelled dialog from a refused edit without reading the screen.
 */
export interface PhaseCommandResult {
  outcome: 'applied' | 'unchanged' | 'cancelled' | 'no-phase' | 'refused' | 'copied' | 'revealed' | 'checks-failed';
  /** Complete: how each verify command of the phase ended, when they ran. */
  checks?: CheckOutcome[];
  launch?: LaunchResult;
  /** Start: what happened about the phase's git branch (`phaselens.launch.branch`). */
  branch?: BranchResult;
  /** Start Next Ready Phase: the phase it chose. */
  target?: PhaseTarget;
}
