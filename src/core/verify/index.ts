export { findVerifyCommand, withoutVerifyClause, codeSpans, type VerifyCommand } from './extract';
export { phaseChecks, planChecks, type PhaseChecks, type VerifyCheck } from './checks';
export { platformShell, type ShellInvocation } from './platformShell';
