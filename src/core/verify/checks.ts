import type { Criterion, Phase, Plan } from '../model';
import { splitLines } from '../edits/text';
import { allPhases } from '../phases';
import { findVerifyCommand, withoutVerifyClause } from './extract';

/** One verify command of a phase, with the criterion that carries it. */
export interface VerifyCheck {
  /** The criterion's text without its verify clause: what the check proves. */
  label: string;
  /** The author's code span, run as one string by the platform shell. */
  command: string;
  /** The criterion's line (1-based). */
  line: number;
  criterion: Criterion;
}

/**
 * The checks a phase's own success criteria carry, read from each criterion's source line
 * (`lines` are the plan's text split into lines). When several criteria share a line, the check
 * belongs to the one that mentions its command, else to the last of them: one line, one check.
 */
export function phaseChecks(phase: Pick<Phase, 'successCriteria'>, lines: readonly string[]): VerifyCheck[] {
  const byLine = new Map<number, Criterion[]>();
  for (const criterion of phase.successCriteria) {
    const shared = byLine.get(criterion.line);
    if (shared) shared.push(criterion);
    else byLine.set(criterion.line, [criterion]);
  }
  const checks: VerifyCheck[] = [];
  for (const [line, criteria] of byLine) {
    const found = findVerifyCommand(lines[line - 1] ?? '');
    if (!found) continue;
    const criterion = criteria.find((candidate) => candidate.text.includes(found.command)) ?? criteria[criteria.length - 1]!;
    checks.push({ label: withoutVerifyClause(criterion.text, found.command), command: found.command, line, criterion });
  }
  return checks;
}

export interface PhaseChecks {
  phase: Phase;
  checks: VerifyCheck[];
}

/** Every phase of the plan (nested ones included, in document order) that carries checks. */
export function planChecks(plan: Plan, text: string): PhaseChecks[] {
  const lines = splitLines(text);
  return allPhases(plan)
    .map((phase) => ({ phase, checks: phaseChecks(phase, lines) }))
    .filter((entry) => entry.checks.length > 0);
}
