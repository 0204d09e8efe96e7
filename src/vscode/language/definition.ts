import * as vscode from 'vscode';
import { toVsRange } from '../shared/convert';
import type { PlanStore } from '../planStore';
import { mentionAtPosition, sectionRange, uriOf } from './planContext';

/**
 * Go to definition on a phase id: a dependency reference, a mention in prose ("needs 2B") or
 * the heading itself (which VS Code turns into "show references", as for code declarations).
 */
export class PhaseDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly store: PlanStore) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.LocationLink[] | undefined> {
    const found = await mentionAtPosition(this.store, document, position, token);
    const target = found?.mention.target;
    if (!found || !target) return undefined;
    return [
      {
        originSelectionRange: toVsRange(found.mention.range),
        targetUri: uriOf(target.plan.file),
        targetRange: sectionRange(this.store, target),
        targetSelectionRange: toVsRange(target.phase.idRange),
      },
    ];
  }
}
