import * as vscode from 'vscode';
import { dependencyCompletionsAt, type PhaseRef, phaseSummaryMarkdown, typedReferenceAt, type WorkspaceIndex } from '../../core/api';
import type { PlanStore } from '../planStore';
import { planContext } from './planContext';
import { displayPath } from '../shared/displayPath';

/** Typed in a dependency list, these open the phase ids: `Depends on: P0,|`, `2A +|`, after a space. */
export const COMPLETION_TRIGGERS = [' ', ',', '+'];

class PhaseCompletionItem extends vscode.CompletionItem {
  constructor(
    label: string,
    /** The phase and the index it was found in, for the summary filled in on resolve. */
    readonly ref: PhaseRef,
    readonly index: WorkspaceIndex,
  ) {
    super(label, vscode.CompletionItemKind.Reference);
  }
}

/** Phase ids inside dependency fields, own plan first, with title and status in the detail. */
export class PhaseCompletionProvider implements vscode.CompletionItemProvider<PhaseCompletionItem> {
  constructor(private readonly store: PlanStore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<PhaseCompletionItem[] | undefined> {
    const lineText = document.lineAt(position.line).text;
    // Every space typed in markdown asks: answer from the line alone unless it is a dependency field.
    if (!typedReferenceAt(lineText, position.character)) return undefined;
    const context = await planContext(this.store, document, token);
    const result = context && dependencyCompletionsAt(context.index, context.entry.plan, lineText, position.line + 1, position.character);
    if (!context || !result) return undefined;
    const line = position.line;
    const range = {
      inserting: new vscode.Range(line, result.typed.start, line, result.typed.column),
      replacing: new vscode.Range(line, result.typed.start, line, result.typed.end),
    };
    return result.items.map((completion) => {
      const item = new PhaseCompletionItem(completion.label, completion.ref, context.index);
      item.detail = completion.detail;
      item.insertText = completion.insertText;
      item.filterText = completion.filterText;
      item.sortText = completion.sortText;
      item.range = range;
      return item;
    });
  }

  resolveCompletionItem(item: PhaseCompletionItem): PhaseCompletionItem {
    item.documentation = new vscode.MarkdownString(phaseSummaryMarkdown(item.index, item.ref, { fileLabel: displayPath(item.ref.plan.file) }));
    return item;
  }
}
