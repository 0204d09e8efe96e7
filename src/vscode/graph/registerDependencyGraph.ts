import * as vscode from 'vscode';
import { registerCommands } from '../commands/command';
import type { PlanStore } from '../planStore';
import { exportMermaidCommand } from './exportMermaid';
import type { GraphModelMessage, RenderedMessage } from './messages';
import { DependencyGraphPanel } from './panel';
import { planLabel, planUriOf } from './planArgument';

export const SHOW_GRAPH_COMMAND = 'phaselens.showGraph';
export const SHOW_PLAN_GRAPH_COMMAND = 'phaselens.showPlanGraph';

/** What the graph exposes through the extension's API, so integration tests see what the webview was sent. */
export interface DependencyGraphApi {
  /** The last model posted to the webview (nodes placed, edges routed); undefined while no panel is open. */
  lastModel(): GraphModelMessage | undefined;
  panel(): vscode.WebviewPanel | undefined;
  /** The panel's own message handler: validates a message as if the webview sent it; resolves to whether it was accepted. */
  receive(message: unknown): Promise<boolean>;
  onDidPostModel: vscode.Event<GraphModelMessage>;
  /** The webview's report that it drew a model. */
  lastRendered(): RenderedMessage | undefined;
  onDidRender: vscode.Event<RenderedMessage>;
}

export interface DependencyGraph extends vscode.Disposable {
  readonly api: DependencyGraphApi;
}

/**
 * "Show Dependency Graph" (the workspace), "Show Dependency Graph of This Plan" (the plan given,
 * or the active editor's) and "Export Graph as Mermaid".
 */
export function registerDependencyGraph(store: PlanStore, context: vscode.ExtensionContext): DependencyGraph {
  const panel = new DependencyGraphPanel(store, context.extensionUri);
  const disposable = vscode.Disposable.from(
    panel,
    registerCommands([
      { id: SHOW_GRAPH_COMMAND, execute: () => panel.show({ kind: 'workspace' }) },
      { id: SHOW_PLAN_GRAPH_COMMAND, execute: (arg: unknown) => showPlanGraph(store, panel, arg) },
      exportMermaidCommand(store),
    ]),
  );
  return {
    api: {
      lastModel: () => panel.lastModel,
      panel: () => panel.webviewPanel,
      receive: (message) => panel.receive(message),
      onDidPostModel: panel.onDidPostModel,
      lastRendered: () => panel.lastRendered,
      onDidRender: panel.onDidRender,
    },
    dispose: () => disposable.dispose(),
  };
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
    void vscode.window.showInformationMessage(`${planLabel(uri)} has no phase headings, so there is no graph to draw.`);
    return undefined;
  }
  return panel.show({ kind: 'plan', uri: uri.toString() });
}
