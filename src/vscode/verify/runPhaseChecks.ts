import * as vscode from 'vscode';
import type { CheckOutcome, VerifyCheck } from '../../core/api';
import type { PhaseTarget } from '../shared/phaseTarget';
import { workingFolderFor } from '../launch/terminal';
import type { CheckResults } from './checkResults';
import { runChecksInTerminal } from './terminalChecks';

export const COMPLETE_ANYWAY = 'Complete Anyway';

/** How many checks a dialog names before it says "and N more". */
const LISTED = 8;

export interface CheckGate {
  /** Go on and complete the phase. */
  complete: boolean;
  /** How each check ended; undefined when none ran. */
  outcomes?: CheckOutcome[];
}

/**
 * The verify gate of Complete: runs the phase's checks in a terminal (a trusted workspace
 * only), remembers how they ended, and lets completion through when all passed, or when the
 * user, shown which failed, completes anyway.
 */
export async function runPhaseChecks(options: { target: PhaseTarget; name: string; checks: readonly VerifyCheck[]; checkResults: CheckResults; cwd?: vscode.Uri }): Promise<CheckGate> {
  const { target, name, checks, checkResults } = options;
  const counted = `${checks.length} verify ${checks.length === 1 ? 'command' : 'commands'}`;
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(
      `${name} has ${counted}; PhaseLens runs them only in a trusted workspace.`,
      { modal: true, detail: checks.map((check) => `${check.label}: ${check.command}`).join('\n') },
      COMPLETE_ANYWAY,
    );
    return { complete: choice === COMPLETE_ANYWAY };
  }
  const cwd = options.cwd ?? workingFolderFor(vscode.Uri.parse(target.uri));
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Running the ${counted} of ${name}…` },
    () => runChecksInTerminal(`PhaseLens checks: ${name}`, cwd, checks),
  );
  await checkResults.record(target.uri, target.key, { at: Date.now(), outcomes: run.outcomes });
  const failed = run.outcomes.filter((outcome) => !outcome.passed);
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(`${name}: ${checks.length === 1 ? 'its check passed' : `all ${checks.length} checks passed`}.`);
    return { complete: true, outcomes: run.outcomes };
  }
  const choice = await vscode.window.showWarningMessage(
    `${name}: ${failed.length} of ${checks.length} ${checks.length === 1 ? 'check' : 'checks'} failed. It stays open.`,
    { modal: true, detail: describe(checks, run.outcomes) },
    COMPLETE_ANYWAY,
  );
  return { complete: choice === COMPLETE_ANYWAY, outcomes: run.outcomes };
}

function describe(checks: readonly VerifyCheck[], outcomes: readonly CheckOutcome[]): string {
  const lines = checks.map((check, index) => {
    const outcome = outcomes[index];
    const how = !outcome ? 'not run' : outcome.passed ? 'passed' : outcome.exitCode === undefined ? 'failed, no exit code' : `failed, exit code ${outcome.exitCode}`;
    return `${outcome?.passed ? '✓' : '✗'} ${check.label} — \`${check.command}\`: ${how}`;
  });
  const shown = lines.slice(0, LISTED);
  if (lines.length > LISTED) shown.push(`… and ${lines.length - LISTED} more`);
  return shown.join('\n');
}
