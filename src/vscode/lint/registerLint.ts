import type * as vscode from 'vscode';
import type { Finding } from '../../core/api';
import { registerDiagnostics } from './diagnostics';
import type { PlanStore } from '../planStore';
import { registerQuickFixes } from './quickFixes';
import { lintConfig } from '../shared/config';
import { PlanLinter } from './planLinter';

/** What integration tests see of linting through the API `activate` returns. */
export interface LintApi {
  collection: vscode.DiagnosticCollection;
  /** Resolves once every change seen so far is linted and published. */
  whenIdle(): Promise<void>;
  /** The findings of an open document at its current version (what quick fixes are made from). */
  findingsFor(document: vscode.TextDocument): Finding[];
}

/** Diagnostics and quick fixes, sharing one linter so fixes always match the findings shown. */
export function registerLint(store: PlanStore): vscode.Disposable & { api: LintApi } {
  const linter = new PlanLinter(store, lintConfig);
  const diagnostics = registerDiagnostics(store, linter);
  const quickFixes = registerQuickFixes(store, linter);
  return {
    api: {
      collection: diagnostics.collection,
      whenIdle: () => diagnostics.whenIdle(),
      findingsFor: (document) => {
        const entry = store.entryFor(document);
        return entry ? linter.findingsFor(entry, { provisional: !store.isIndexed }) : [];
      },
    },
    dispose() {
      quickFixes.dispose();
      diagnostics.dispose();
    },
  };
}
