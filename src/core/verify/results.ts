import type { VerifyCheck } from './checks';

/** How one check ended when it last ran. */
export interface CheckOutcome {
  command: string;
  /** The criterion's line when it ran (1-based). */
  line: number;
  passed: boolean;
  /** Undefined when the shell could not report one. */
  exitCode?: number;
}

/** The last run of a phase's checks, as remembered between sessions. */
export interface RecordedChecks {
  /** Epoch milliseconds. */
  at: number;
  outcomes: CheckOutcome[];
}

export interface ChecksTally {
  total: number;
  /** Checks whose command passed when last run. */
  passed: number;
  /** Checks whose command failed when last run. */
  failed: number;
  /** Whether any of the phase's checks has been run. */
  ran: boolean;
}

/**
 * The phase's checks against its last recorded run, matched by command text (a check whose
 * command was edited since has not run in its new form).
 */
export function tallyChecks(checks: readonly VerifyCheck[], recorded: RecordedChecks | undefined): ChecksTally {
  const byCommand = new Map((recorded?.outcomes ?? []).map((outcome) => [outcome.command, outcome]));
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    const outcome = byCommand.get(check.command);
    if (outcome?.passed) passed++;
    else if (outcome) failed++;
  }
  return { total: checks.length, passed, failed, ran: passed + failed > 0 };
}

/** `checks 2/3` after a run, `3 checks` before any; empty without checks. */
export function checksLabel(tally: ChecksTally): string {
  if (tally.total === 0) return '';
  if (!tally.ran) return `${tally.total} ${tally.total === 1 ? 'check' : 'checks'}`;
  return `checks ${tally.passed}/${tally.total}`;
}
