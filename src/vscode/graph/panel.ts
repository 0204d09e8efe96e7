import * as vscode from 'vscode';
import { buildGraphModel, displayFileName, type GraphPhaseNode, layOutGraphModel, type LayoutOptions } from '../../core/api';
import { resolveTarget } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import { graphHtml, makeNonce } from './html';
import { parseWebviewMessage, type GraphModelMessage, type GraphScope, type RenderedMessage, type RevealMessage, type ShownPlan } from './messages';
import { displayPath } from '../shared/displayPath';

export const GRAPH_VIEW_TYPE = 'phaselens.graph';

/** Typing in a plan fires a store change per pause; one new layout per burst is enough. */
const REFRESH_DEBOUNCE_MS = 150;
const LAYOUT: Partial<LayoutOptions> = { nodeWidth: 250, nodeHeight: 50, layerGap: 90, nodeGap: 22 };

/**
 * The one Dependency Graph panel. The extension lays the graph out and posts it; the webview only
 * draws. A new model is posted after every (debounced) store change while the panel is visible,
 * and when it becomes visible again. Messages from the webview go through `parseWebviewMessage`
 * against what was last posted, so a reveal can only name a plan, phase and line on screen.
 */
export class DependencyGraphPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private scope: GraphScope = { kind: 'workspace' };
  private model: GraphModelMessage | undefined;
  private shown = new Map<string, ShownPlan>();
  private rendered: RenderedMessage | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The plans changed while the panel was hidden. */
  private stale = false;
  private readonly mediaRoot: vscode.Uri;
  private readonly postEmitter = new vscode.EventEmitter<GraphModelMessage>();
  private readonly renderEmitter = new vscode.EventEmitter<RenderedMessage>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires with every model posted to the webview. */
  readonly onDidPostModel = this.postEmitter.event;
  /** Fires when the webview reports it drew a model. */
  readonly onDidRender = this.renderEmitter.event;

  constructor(
    private readonly store: PlanStore,
    extensionUri: vscode.Uri,
  ) {
    this.mediaRoot = vscode.Uri.joinPath(extensionUri, 'media', 'graph');
    this.subscriptions = [this.postEmitter, this.renderEmitter, store.onDidChange(() => this.scheduleRefresh())];
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  get lastModel(): GraphModelMessage | undefined {
    return this.model;
  }

  get lastRendered(): RenderedMessage | undefined {
    return this.rendered;
  }

  /** Opens the panel on `scope`, or brings the open one forward and switches it to `scope`. */
  async show(scope: GraphScope): Promise<vscode.WebviewPanel> {
    this.scope = scope;
    const existing = this.panel;
    const panel = existing ?? this.createPanel();
    panel.title = this.titleOf(scope);
    if (existing) existing.reveal(existing.viewColumn, false);
    await this.store.ensureIndexed();
    this.refresh();
    return panel;
  }

  /** The webview's message handler: validates, then acts. Resolves to whether the message was accepted. */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseWebviewMessage(raw, this.shown);
    if (!message || !this.panel) return false;
    switch (message.type) {
      case 'ready':
        // A fresh page (first load, or shown again after being hidden) has drawn nothing yet.
        if (this.model && !this.stale) this.post(this.model);
        else this.refresh();
        return true;
      case 'reveal':
        await this.reveal(message);
        return true;
      case 'rendered':
        this.rendered = message;
        this.renderEmitter.fire(message);
        return true;
    }
  }

  private createPanel(): vscode.WebviewPanel {
    const beside = vscode.window.activeTextEditor !== undefined;
    const panel = vscode.window.createWebviewPanel(
      GRAPH_VIEW_TYPE,
      this.titleOf(this.scope),
      { viewColumn: beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [this.mediaRoot] },
    );
    const webview = panel.webview;
    webview.html = graphHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'graph.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'graph.css')).toString(),
    });
    this.panelSubscriptions = [
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible && this.stale) this.refresh();
      }),
      panel.onDidDispose(() => this.forgetPanel()),
    ];
    this.panel = panel;
    return panel;
  }

  private forgetPanel() {
    clearTimeout(this.timer);
    for (const subscription of this.panelSubscriptions) subscription.dispose();
    this.panelSubscriptions = [];
    this.panel = undefined;
    this.model = undefined;
    this.rendered = undefined;
    this.shown = new Map();
  }

  private scheduleRefresh() {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  /** Lays out the graph as the store holds it now and posts it; a hidden panel waits until shown. */
  private refresh() {
    clearTimeout(this.timer);
    const panel = this.panel;
    if (!panel) return;
    if (!panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const graph = layOutGraphModel(
      buildGraphModel(this.store.index(), this.scope.kind === 'plan' && this.scope.uri ? { files: [this.scope.uri] } : {}),
      LAYOUT,
    );
    const phases = graph.nodes.filter((node): node is typeof node & GraphPhaseNode => node.kind === 'phase');
    const files = [...new Set(phases.map((node) => node.file))];
    const message: GraphModelMessage = {
      type: 'model',
      scope: { ...this.scope, title: this.scope.kind === 'plan' && this.scope.uri ? displayPath(vscode.Uri.parse(this.scope.uri)) : 'Workspace' },
      files: files.map((file) => ({ uri: file, label: displayPath(vscode.Uri.parse(file)) })),
      graph,
    };
    this.model = message;
    this.shown = this.shownPlans(phases);
    this.post(message);
  }

  private post(message: GraphModelMessage) {
    void this.panel?.webview.postMessage(message);
    this.postEmitter.fire(message);
  }

  private shownPlans(phases: readonly GraphPhaseNode[]): Map<string, ShownPlan> {
    const shown = new Map<string, { lineCount: number; keys: Set<string> }>();
    for (const node of phases) {
      let plan = shown.get(node.file);
      if (!plan) {
        const entry = this.store.get(vscode.Uri.parse(node.file));
        if (!entry) continue;
        shown.set(node.file, (plan = { lineCount: entry.plan.lineCount, keys: new Set() }));
      }
      plan.keys.add(node.key);
    }
    return shown;
  }

  /** Opens the plan at the phase's heading (re-found in the current text), beside the graph. */
  private async reveal(message: RevealMessage): Promise<vscode.TextEditor | undefined> {
    const resolved = await resolveTarget(this.store, message);
    const document = resolved?.document ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(message.uri)));
    const line = Math.min(Math.max(resolved?.phase.line ?? message.line, 1), document.lineCount) - 1;
    const position = new vscode.Position(line, document.lineAt(line).firstNonWhitespaceCharacterIndex);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: this.editorColumn(),
      selection: new vscode.Range(position, position),
      preserveFocus: false,
      preview: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  /** A column with an editor other than the graph's, so the graph stays in sight; else one beside it. */
  private editorColumn(): vscode.ViewColumn {
    const graphColumn = this.panel?.viewColumn;
    const other = vscode.window.visibleTextEditors.find((editor) => editor.viewColumn !== undefined && editor.viewColumn !== graphColumn);
    return other?.viewColumn ?? vscode.ViewColumn.Beside;
  }

  private titleOf(scope: GraphScope): string {
    if (scope.kind === 'plan' && scope.uri) return `Phase Graph: ${displayFileName(scope.uri)}`;
    return 'Phase Graph';
  }

  dispose() {
    this.panel?.dispose();
    this.forgetPanel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
