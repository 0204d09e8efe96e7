import * as vscode from 'vscode';
import { referencesTo } from '../../core/api';
import { toVsRange } from '../shared/convert';
import type { PlanStore } from '../planStore';
import { headingLocation, mentionAtPosition, uriOf } from './planContext';

/** Every dependency on a phase across the workspace, from its heading id or any mention of it. */
export class PhaseReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly store: PlanStore) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const found = await mentionAtPosition(this.store, document, position, token);
    const target = found?.mention.target;
    if (!found || !target) return undefined;
    const locations = referencesTo(found.index, target).map((reference) => new vscode.Location(uriOf(reference.file), toVsRange(reference.range)));
    return context.includeDeclaration ? [headingLocation(target), ...locations] : locations;
  }
}
