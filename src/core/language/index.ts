export { mentionAt, referencesTo, type PhaseMention } from './mentions';
export { renamePhase, type RenameOptions, type RenameResult } from './rename';
export { workspaceSymbols, type PhaseSymbol } from './symbols';
export { phaseSummaryMarkdown } from './hover';
export { dependencyCompletions, dependencyCompletionsAt, typedReferenceAt, type DependencyCompletion, type IdCompletion, type TypedReference } from './completion';
export { dependentsSummary, type DependentsSummary } from './dependents';
