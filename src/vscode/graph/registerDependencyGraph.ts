import * as vscode from 'vscode';
import type { PlanStore } from '../planStore';
import type { GraphModelMessage, RenderedMessage } from './messages';
import { DependencyGraphPanel } from './panel';

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
  /** What the graph's commands (commands/index.ts) show. */
  readonly panel: DependencyGraphPanel;
}

/** The dependency-graph webview; its commands (graphCommands.ts) show it and export Mermaid. */
export function registerDependencyGraph(store: PlanStore, context: vscode.ExtensionContext): DependencyGraph {
  const panel = new DependencyGraphPanel(store, context.extensionUri);
  return {
    panel,
    api: {
      lastModel: () => panel.lastModel,
      panel: () => panel.webviewPanel,
      receive: (message) => panel.receive(message),
      onDidPostModel: panel.onDidPostModel,
      lastRendered: () => panel.lastRendered,
      onDidRender: panel.onDidRender,
    },
    dispose: () => panel.dispose(),
  };
}
