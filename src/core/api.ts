/**
 * The core's one entry for its two clients, the extension (`src/vscode/`) and the CLI
 * (`src/cli/`): everything they use of the core, by name. The core's own modules import each
 * other directly; tests may too. Plain data in, plain data out: nothing here imports `vscode`.
 * Unused names cost nothing in a bundle (esbuild drops them), and remark still loads only when
 * a plan is first parsed (`parse/blocks.ts` requires it lazily).
 */

// The model every layer shares.
export type { Criterion, DependencyRef, Phase, PhaseStatus, Plan, Range, Task, TextEdit } from './model';

// Reading plans.
export { parsePlan } from './parse/parsePlan';
export { flattenTasks } from './parse/deriveStatus';
export { allPhases, ancestorsOf, capitalizedPhaseName, phaseAtLine, phaseName, referenceName } from './phases';
export { findPhasesById } from './findPhaseById';
export { baseName, displayFileName } from './fileName';
export { phaseProgress, progressLabel, reopenedStatus, taskCounts } from './progress';

// The workspace scan: which files may be plans, the cache, the parser worker, time-sliced indexing.
export {
  createDocumentParser,
  DEFAULT_SLICE_MS,
  indexPlans,
  MAX_PLAN_BYTES,
  mightBePlan,
  overPlanSizeLimit,
  ParserPool,
  parsePlansInParallel,
  PlanCache,
  planSizeMessage,
  type DocumentParser,
  type IndexStats,
} from './scan/index';
export { decodeText, encodeText, type TextEncodingName } from './text/decode';

// The graph: ids across plans, dependencies, readiness, rendering.
export { buildWorkspaceIndex, toDot, toMermaid, type PhaseRef, type RenderOptions, type WorkspaceIndex } from './graph';
export { buildGraphModel, layOutGraphModel, type GraphPhaseNode, type LaidOutGraph } from './graph/graphModel';
export type { LayoutOptions } from './graph/layout';
export { describeNoneReady, nextReadyPhase, readyPhases } from './nextReadyPhase';

// Language features over the graph.
export {
  dependencyCompletionsAt,
  dependentsSummary,
  mentionAt,
  phaseSummaryMarkdown,
  referencesTo,
  renamePhase,
  typedReferenceAt,
  workspaceSymbols,
  type PhaseMention,
} from './language';

// Lint.
export {
  disableForFileFix,
  disableForLineFix,
  lintPlan,
  lintWorkspace,
  rules,
  validateConfig,
  type Finding,
  type LintConfig,
  type LintOptions,
  type Rule,
  type RuleSetting,
  type Severity,
} from './lint';
export { workspaceFor } from './lint/workspaceByFile';
export { REPOSITORY_URL, RULE_DOCS_BASE, ruleDocsUrl } from './lint/ruleDocs';

// Edits (pure: `{ range, newText }` for the caller to apply).
export { toggleTaskEdits } from './edits';
export { applyEdits } from './edits/apply';
export { setStatusEdits } from './edits/status';
export { checkAllTasksEdits } from './edits/tasks';
export { splitLines } from './edits/text';

// The plan operations behind the agent tools and the MCP server.
export {
  applyGuarded,
  fail,
  ok,
  PLAN_TOOLS,
  runPlanTool,
  toolResultText,
  type Outcome,
  type PlanSource,
  type PlanToolDefinition,
  type PlanToolOutcome,
  type PlanWorkspace,
  type PlanWrite,
} from './operations';
export { promptInputOf } from './operations/promptInput';
export { openItems } from './operations/write';

// Launching a phase: prompt, template, branch, shell, worktrees, runs.
export { phasePrompt, statusText, type PhasePromptInput } from './prompt';
export { PROMPT_VARIABLES, renderPromptTemplate, STARTER_PROMPT_TEMPLATE } from './promptTemplate';
export { BRANCH_VARIABLES, branchNameFor, type BranchNameInput } from './branchName';
export { detectShell, expandLaunchCommand, wslEnvFor, type LaunchValues } from './shell';
export { decideWorktreeStep, parseWorktreeList, worktreeTargetFor } from './worktree';
export { elapsedText, endRun, latestRunOf, readRuns, reconcileRuns, runBadge, runEndMessage, runsToStore, type EndReason, type Run } from './runs';

// Checks written in success criteria.
export {
  checksLabel,
  failedChecksFinding,
  phaseChecks,
  planChecks,
  platformShell,
  tallyChecks,
  type CheckOutcome,
  type ChecksTally,
  type RecordedChecks,
  type VerifyCheck,
} from './verify';
export { runCheck, type CheckRun } from './verify/runCheck';

// The plan store, behind its workspace interface (the glue gives it the editor).
export { CACHE_FILE, Emitter, PlanStore, systemTimers, TYPING_DEBOUNCE_MS } from './store';
export type { Disposable, Event, FileRename, PlanEntry, PlanStoreOptions, PlanStoreWorkspace, StoreDocument, StoreStorage, StoreUri, Timers } from './store';
