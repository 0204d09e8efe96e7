import * as vscode from 'vscode';
import { allPhases, dependentsSummary } from '../../core/api';
import { isEnabled } from '../shared/config';
import { toVsPosition, toVsRange } from '../shared/convert';
import { phaseLensChanges } from './lensChanges';
import type { PlanStore } from '../planStore';
import { planContextNow, refOf, uriOf } from '../language/planContext';

/**
 * `3 dependents` above each phase that others depend on; clicking it peeks the references.
 * It sits after the action and progress lenses of phaseLens.ts and obeys the same switch.
 */
export class DependentsLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changes: ReturnType<typeof phaseLensChanges>;
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly store: PlanStore) {
    this.changes = phaseLensChanges(store);
    this.onDidChangeCodeLenses = this.changes.event;
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (token.isCancellationRequested || !isEnabled('codeLens.enabled')) return [];
    const context = planContextNow(this.store, document);
    if (!context) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const phase of allPhases(context.entry.plan)) {
      // A long plan asked about at a version that is already gone: stop, VS Code asks again.
      if (token.isCancellationRequested) return [];
      const ref = refOf(context.index, context.entry.plan.file, phase);
      const summary = ref && dependentsSummary(context.index, ref);
      if (!summary) continue;
      const locations = summary.references.map((reference) => new vscode.Location(uriOf(reference.file), toVsRange(reference.range)));
      lenses.push(
        new vscode.CodeLens(new vscode.Range(phase.line - 1, 0, phase.line - 1, 0), {
          title: summary.title,
          tooltip: summary.tooltip,
          command: 'editor.action.showReferences',
          arguments: [document.uri, toVsPosition(phase.idRange.line, phase.idRange.column), locations],
        }),
      );
    }
    return lenses;
  }

  dispose() {
    this.changes.dispose();
  }
}
