export { findVerifyCommand, withoutVerifyClause, codeSpans, type VerifyCommand } from './extract';
export { phaseChecks, planChecks, type PhaseChecks, type VerifyCheck } from './checks';
export { platformShell, type ShellInvocation } from './platformShell';
export { tallyChecks, checksLabel, type CheckOutcome, type RecordedChecks, type ChecksTally } from './results';
export { failedChecksFinding, FAILED_CHECKS_RULE } from './failedChecks';
