export { endRun, elapsedText, endText, runBadge, type EndReason, type Run } from './run';
export { latestRunOf, readRuns, reconcileRuns, runsToStore, KEPT_ENDED_RUNS } from './persist';
export { runEndMessage } from './endMessage';
