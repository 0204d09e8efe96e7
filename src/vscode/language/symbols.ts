import * as vscode from 'vscode';
import { workspaceSymbols } from '../../core/api';
import type { PlanStore } from '../planStore';
import { headingLocation } from './planContext';

/** Ctrl+T: phases by id or title across every plan of the workspace. */
export class PhaseSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly store: PlanStore) {}

  async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
    await this.store.ensureIndexed();
    // The query changed while indexing ran: VS Code has asked again already.
    if (token.isCancellationRequested) return [];
    return workspaceSymbols(this.store.index(), query).map(
      (symbol) =>
        // The picker matches the query against the name again, so the name carries the title too.
        new vscode.SymbolInformation(
          symbol.title ? `${symbol.name}: ${symbol.title}` : symbol.name,
          vscode.SymbolKind.Namespace,
          symbol.container ?? symbol.ref.plan.title,
          headingLocation(symbol.ref),
        ),
    );
  }
}
