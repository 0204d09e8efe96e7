import * as vscode from 'vscode';
import { phaseSummaryMarkdown } from '../../core/api';
import { toVsRange } from '../shared/convert';
import type { PlanStore } from '../planStore';
import { mentionAtPosition } from './planContext';
import { displayPath } from '../shared/displayPath';

/** A phase at a glance on its heading id, a reference to it, or a mention of it in prose. */
export class PhaseHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: PlanStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const found = await mentionAtPosition(this.store, document, position, token);
    const target = found?.mention.target;
    if (!found || !target) return undefined;
    const markdown = new vscode.MarkdownString(phaseSummaryMarkdown(found.index, target, { fileLabel: displayPath(target.plan.file) }));
    return new vscode.Hover(markdown, toVsRange(found.mention.range));
  }
}
