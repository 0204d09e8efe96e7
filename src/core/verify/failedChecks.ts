import type { Finding } from '../lint/types';
import { capitalizedPhaseName } from '../phases';
import type { Phase } from '../model';
import type { VerifyCheck } from './checks';
import type { RecordedChecks } from './results';

export const FAILED_CHECKS_RULE = 'failed-checks';

/**
 * A phase marked done whose verify commands failed when last run: the plan claims what the
 * evidence denies. One finding on the heading; nothing when the checks have not run, or passed.
 * Not a lint rule: it depends on recorded runs, not on the text alone.
 */
export function failedChecksFinding(file: string, phase: Phase, checks: readonly VerifyCheck[], recorded: RecordedChecks | undefined): Finding | undefined {
  if (phase.status !== 'done' || !recorded) return undefined;
  const current = new Set(checks.map((check) => check.command));
  const failed = recorded.outcomes.filter((outcome) => !outcome.passed && current.has(outcome.command));
  if (failed.length === 0) return undefined;
  const commands = failed.map((outcome) => `\`${outcome.command}\``).join(', ');
  return {
    file,
    line: phase.line,
    column: 0,
    endLine: phase.line,
    endColumn: phase.heading.length + phase.level + 1,
    severity: 'warning',
    rule: FAILED_CHECKS_RULE,
    message: `${capitalizedPhaseName(phase)} is marked done, but ${failed.length === 1 ? 'its check' : `${failed.length} of its checks`} failed when last run: ${commands}.`,
    phase: phase.id,
  };
}
