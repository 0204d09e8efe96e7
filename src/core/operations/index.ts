export * from './types';
export { findPhase, findSources, findTask, type FoundPhase, type FoundTask } from './findPhase';
export { listPhases, getPhase, nextReady, phaseDetails, type PhaseSummary, type PhaseDetails, type NextReadyResult } from './read';
export { setTask, setPhaseStatus, completePhase, openItems, expectedLines, PHASE_STATUSES } from './write';
export { applyGuarded } from './guardedEdit';
export { promptInputOf } from './promptInput';
export { PLAN_TOOLS, PLAN_TOOL_NAMES, planTool, runPlanTool, toolResultText, type PlanToolDefinition, type PlanToolName, type PlanToolOutcome } from './tools';
