import * as vscode from 'vscode';
import type { Command } from '../commands/command';
import type { PlanStore } from '../planStore';
import { exportMermaidCommand } from './exportMermaid';
import type { DependencyGraphPanel } from './panel';
import { planUriOf } from './planArgument';
import { displayPath } from '../shared/displayPath';

export const SHOW_GRAPH_COMMAND = 'phaselens.showGraph';
export const SHOW_PLAN_GRAPH_COMMAND = 'phaselens.showPlanGraph';

/**
 * "Show Dependency Graph" (the workspace), "Show Dependency Graph of This Plan" (the plan given,
 * or the active editor's) and "Export Graph as Mermaid".
 */
export function graphCommands(store: PlanStore, panel: DependencyGraphPanel): Command[] {
  return [
    { id: SHOW_GRAPH_COMMAND, execute: () => panel.show({ kind: 'workspace' }) },
    { id: SHOW_PLAN_GRAPH_COMMAND, execute: (arg: unknown) => showPlanGraph(store, panel, arg) },
    exportMermaidCommand(store),
  ];
}

async function showPlanGraph(store: PlanStore, panel: DependencyGraphPanel, arg: unknown): Promise<vscode.WebviewPanel | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = planUriOf(arg) ?? (editor?.document.languageId === 'markdown' ? editor.document.uri : undefined);
  if (!uri) {
    void vscode.window.showInformationMessage('Open a plan (a markdown file with phase headings) to see its dependency graph.');
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const entry = open ? store.entryFor(open) : store.get(uri);
  if (open && (!entry || entry.plan.phases.length === 0)) {
    void vscode.window.showInformationMessage(`${displayPath(uri)} has no phase headings, so there is no graph to draw.`);
    return undefined;
  }
  return panel.show({ kind: 'plan', uri: uri.toString() });
}
