export { mentionAt, referencesTo, type PhaseMention } from './mentions';
export { renamePhase, type RenameResult } from './rename';
export { workspaceSymbols, type PhaseSymbol } from './symbols';
export { phaseSummaryMarkdown } from './hover';
export { dependencyCompletions, type IdCompletion } from './completion';
