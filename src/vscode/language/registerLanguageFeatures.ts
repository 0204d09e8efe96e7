import * as vscode from 'vscode';
import type { PlanStore } from '../planStore';
import { COMPLETION_TRIGGERS, PhaseCompletionProvider } from './completion';
import { PhaseDefinitionProvider } from './definition';
import { PhaseHoverProvider } from './hover';
import { PLAN_SELECTOR } from './planContext';
import { PhaseReferenceProvider } from './references';
import { PhaseRenameProvider } from './rename';
import { PhaseSymbolProvider } from './symbols';

/**
 * Plans as a language: definition, hover, references, rename, completion and workspace
 * symbols on phase ids (the `N dependents` lens is in codeLens/). All of it reads the store's
 * parse of a document version and its workspace index; nothing here parses.
 */
export function registerLanguageFeatures(store: PlanStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(PLAN_SELECTOR, new PhaseDefinitionProvider(store)),
    vscode.languages.registerHoverProvider(PLAN_SELECTOR, new PhaseHoverProvider(store)),
    vscode.languages.registerReferenceProvider(PLAN_SELECTOR, new PhaseReferenceProvider(store)),
    vscode.languages.registerRenameProvider(PLAN_SELECTOR, new PhaseRenameProvider(store)),
    vscode.languages.registerCompletionItemProvider(PLAN_SELECTOR, new PhaseCompletionProvider(store), ...COMPLETION_TRIGGERS),
    vscode.languages.registerWorkspaceSymbolProvider(new PhaseSymbolProvider(store)),
  );
}
