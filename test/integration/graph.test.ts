// The Dependency Graph in a real VS Code: the model the webview is sent (nodes, statuses, cycle and
// missing edges, layout), that the webview script runs under its CSP and draws it, message validation,
// live updates, the plan scope, panel reuse and the Mermaid export. Fixtures: test/fixtures/workspace/graph/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../src/vscode/api';
import type { GraphModelMessage, RenderedMessage } from '../../src/vscode/graph/messages';
import type { DependencyGraphApi } from '../../src/vscode/graph/registerDependencyGraph';
import { screenshot } from './screenshot';
import { nextEvent, until } from './events';


let graph: DependencyGraphApi;
let folder: vscode.Uri;

const coreUri = () => vscode.Uri.joinPath(folder, 'graph', 'ROADMAP_GRAPH_CORE.md');
const sharingUri = () => vscode.Uri.joinPath(folder, 'graph', 'ROADMAP_GRAPH_SHARING.md');

type Node = GraphModelMessage['graph']['nodes'][number];

/** `CORE#stage:81` for a phase of the fixtures, `missing:Stage 89 (missing)` for a missing id, undefined for other suites' plans. */
function nameOf(node: Node): string | undefined {
  if (node.kind === 'missing') return `missing:${node.label}`;
  if (node.file === coreUri().toString()) return `CORE#${node.key}`;
  if (node.file === sharingUri().toString()) return `SHARING#${node.key}`;
  return undefined;
}

/** The fixture phases of a model, each as `name status[ waiting][ external]`. */
function phasesOf(model: GraphModelMessage): string[] {
  return model.graph.nodes
    .filter((node) => node.kind === 'phase' && nameOf(node))
    .map((node) => (node.kind === 'phase' ? `${nameOf(node)} ${node.status}${node.waiting ? ' waiting' : ''}${node.external ? ' external' : ''}` : ''))
    .sort();
}

/** The model's edges between fixture nodes (and missing ids), as `from -> to (kind)`. */
function edgesOf(model: GraphModelMessage): string[] {
  const names = new Map(model.graph.nodes.map((node) => [node.id, nameOf(node)]));
  return model.graph.edges
    .filter((edge) => names.get(edge.from) && names.get(edge.to))
    .map((edge) => `${names.get(edge.from)} -> ${names.get(edge.to)} (${edge.kind})`)
    .sort();
}

function nodeNamed(model: GraphModelMessage, name: string): Node {
  const node = model.graph.nodes.find((candidate) => nameOf(candidate) === name);
  assert.ok(node, `${name} is in the graph`);
  return node;
}

/** Resolves with the last posted model once `accept` holds for it: now, or after a later post. */
function modelWhere(what: string, accept: (model: GraphModelMessage) => boolean): Promise<GraphModelMessage> {
  const current = graph.lastModel();
  if (current && accept(current)) return Promise.resolve(current);
  return nextEvent(graph.onDidPostModel, `a graph model: ${what}`, accept);
}

/** Resolves once the webview reports it drew a model of this size. */
function renderedAs(model: GraphModelMessage): Promise<RenderedMessage> {
  const matches = (rendered: RenderedMessage | undefined) => rendered?.nodes === model.graph.nodes.length && rendered.edges === model.graph.edges.length;
  const current = graph.lastRendered();
  if (matches(current)) return Promise.resolve(current!);
  return nextEvent(graph.onDidRender, `the webview to draw ${model.graph.nodes.length} nodes`, matches);
}

/**
 * Closes an unsaved export without the "save changes?" question, and waits until the extension
 * host has heard of it: the next export is given the same `Untitled-1` name, and the extension
 * host answers `openTextDocument` with the document it still knows by that name.
 */
async function discard(document: vscode.TextDocument) {
  const closed = until(`${document.uri.toString()} to close`, vscode.workspace.onDidCloseTextDocument, () => document.isClosed);
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closed;
}

const FIXTURE_PHASES = [
  'CORE#stage:81 done',
  'CORE#stage:82 in-progress',
  'CORE#stage:83 planned waiting',
  'CORE#stage:84 blocked',
  'SHARING#stage:85 planned waiting',
  'SHARING#stage:86 in-progress',
  'SHARING#stage:87 done',
];

describe('dependency graph', () => {
  before(async () => {
    const api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    graph = api.graph;
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    graph.panel()?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends the webview every phase with its status, and the cycle and broken-reference edges', async () => {
    await vscode.commands.executeCommand('phaselens.showGraph');
    const model = await modelWhere('the fixture plans', (candidate) => phasesOf(candidate).length === FIXTURE_PHASES.length);
    assert.equal(model.scope.kind, 'workspace');
    assert.deepEqual(phasesOf(model), FIXTURE_PHASES);
    assert.deepEqual(edgesOf(model), [
      'CORE#stage:81 -> CORE#stage:82 (dependency)',
      'CORE#stage:81 -> CORE#stage:84 (dependency)',
      'CORE#stage:81 -> SHARING#stage:87 (dependency)',
      'CORE#stage:82 -> CORE#stage:83 (dependency)',
      'CORE#stage:83 -> SHARING#stage:85 (dependency)',
      'SHARING#stage:85 -> SHARING#stage:86 (cycle)',
      'SHARING#stage:86 -> SHARING#stage:85 (cycle)',
      'missing:Stage 89 (missing) -> CORE#stage:84 (missing)',
    ]);
    const labels = model.files.map((file) => file.label);
    assert.ok(labels.includes('graph/ROADMAP_GRAPH_CORE.md') && labels.includes('graph/ROADMAP_GRAPH_SHARING.md'), labels.join(', '));
    const stage83 = nodeNamed(model, 'CORE#stage:83');
    assert.equal(stage83.label, 'Stage 83: Conflict Resolution');
    const heading = (await vscode.workspace.openTextDocument(coreUri())).getText().split('\n').indexOf('## Stage 83: Conflict Resolution') + 1;
    assert.equal(stage83.kind === 'phase' && stage83.line, heading);
  });

  it('lays the graph out in dependency order, without overlapping boxes', async () => {
    const model = await modelWhere('the fixture plans', (candidate) => phasesOf(candidate).length === FIXTURE_PHASES.length);
    const byId = new Map(model.graph.nodes.map((node) => [node.id, node]));
    for (const edge of model.graph.edges) {
      const from = byId.get(edge.from)!;
      const to = byId.get(edge.to)!;
      if (edge.loop) continue;
      assert.ok(edge.reversed ? to.layer < from.layer : from.layer < to.layer, `${edge.from} -> ${edge.to} runs in dependency order`);
    }
    const stage85 = nodeNamed(model, 'SHARING#stage:85').id;
    const cycle = model.graph.edges.filter((edge) => edge.kind === 'cycle' && (edge.from === stage85 || edge.to === stage85));
    assert.deepEqual(cycle.map((edge) => edge.reversed).sort(), [false, true], 'one edge of the 85/86 cycle runs back');
    const boxes = model.graph.nodes;
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.id} and ${b.id} do not overlap`);
      }
    }
  });

  it('runs the webview script under its Content-Security-Policy and draws what it was sent', async () => {
    const panel = graph.panel();
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.title, 'Phase Graph');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.deepEqual(
      panel.webview.options.localResourceRoots?.map((root) => root.path.split('/').slice(-2).join('/')),
      ['media/graph'],
    );
    assert.match(panel.webview.html, /Content-Security-Policy" content="default-src 'none'; style-src [^;]+ 'nonce-[A-Za-z0-9+/=]+'; script-src 'nonce-/);
    const model = await modelWhere('the fixture plans', (candidate) => phasesOf(candidate).length === FIXTURE_PHASES.length);
    const rendered = await renderedAs(model);
    assert.equal(rendered.nodes, model.graph.nodes.length);
    const shot = await screenshot('graph-workspace.png');
    if (shot) console.log(`      screenshot of the workspace graph: ${shot}`);
  });

  it('opens the phase a valid reveal names, at its heading', async () => {
    const model = await modelWhere('the fixture plans', (candidate) => phasesOf(candidate).length === FIXTURE_PHASES.length);
    const stage84 = nodeNamed(model, 'CORE#stage:84');
    assert.ok(stage84.kind === 'phase');
    const opened = nextEvent(vscode.window.onDidChangeActiveTextEditor, 'the plan to open', (editor) => editor?.document.uri.toString() === coreUri().toString());
    assert.equal(await graph.receive({ type: 'reveal', uri: stage84.file, key: stage84.key, line: stage84.line }), true);
    const editor = (await opened)!;
    assert.equal(editor.selection.active.line + 1, stage84.line);
    assert.equal(editor.document.lineAt(stage84.line - 1).text, '## Stage 84: Audit Trail');
    assert.notEqual(editor.viewColumn, graph.panel()!.viewColumn, 'the plan opens beside the graph, which stays in sight');
  });

  it('ignores messages that are not a reveal of a phase on screen', async () => {
    const model = await modelWhere('the fixture plans', (candidate) => phasesOf(candidate).length === FIXTURE_PHASES.length);
    const stage81 = nodeNamed(model, 'CORE#stage:81');
    assert.ok(stage81.kind === 'phase');
    const elsewhere = vscode.Uri.joinPath(folder, 'plans', 'PHASE_1.md').toString();
    const junk: unknown[] = [
      undefined,
      'reveal',
      [],
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'reveal', uri: elsewhere, key: stage81.key, line: 1 },
      { type: 'reveal', uri: 'file:///etc/passwd', key: stage81.key, line: 1 },
      { type: 'reveal', uri: stage81.file, key: 'stage:999', line: stage81.line },
      { type: 'reveal', uri: stage81.file, key: stage81.key, line: 100_000 },
      { type: 'reveal', uri: stage81.file, key: stage81.key, line: '6' },
      { type: 'rendered', nodes: -1, edges: 0 },
    ];
    const shownBefore = vscode.window.visibleTextEditors.map((editor) => `${editor.document.uri} ${editor.selection.active.line}`);
    for (const message of junk) assert.equal(await graph.receive(message), false, JSON.stringify(message));
    const shownAfter = vscode.window.visibleTextEditors.map((editor) => `${editor.document.uri} ${editor.selection.active.line}`);
    assert.deepEqual(shownAfter, shownBefore, 'no message opened or moved anything');
  });

  it('reuses the one panel for a plan graph: the plan and its neighbours in other plans', async () => {
    const panel = graph.panel();
    await vscode.commands.executeCommand('phaselens.showPlanGraph', sharingUri());
    const model = await modelWhere('the sharing plan', (candidate) => candidate.scope.kind === 'plan');
    assert.equal(graph.panel(), panel, 'the same panel');
    assert.equal(panel!.title, 'Phase Graph: ROADMAP_GRAPH_SHARING.md');
    assert.equal(model.scope.title, 'graph/ROADMAP_GRAPH_SHARING.md');
    assert.deepEqual(phasesOf(model), [
      'CORE#stage:81 done external',
      'CORE#stage:83 planned waiting external',
      'SHARING#stage:85 planned waiting',
      'SHARING#stage:86 in-progress',
      'SHARING#stage:87 done',
    ]);
    assert.equal(model.graph.nodes.length, 5, 'nothing from plans the sharing plan has no edge to');
    await renderedAs(model);
    const shot = await screenshot('graph-plan.png');
    if (shot) console.log(`      screenshot of the plan graph: ${shot}`);
  });

  it('updates the graph as a plan is edited, and again when the edit is undone', async () => {
    const document = await vscode.workspace.openTextDocument(coreUri());
    const line = document.getText().split('\n').indexOf('## Stage 83: Conflict Resolution') + 2;
    assert.equal(document.lineAt(line).text, '**Status**: Planned');
    const done = modelWhere('Stage 83 done', (candidate) => phasesOf(candidate).includes('CORE#stage:83 done external'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(coreUri(), document.lineAt(line).range, '**Status**: Done');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await done;

    const reverted = modelWhere('Stage 83 planned again', (candidate) => phasesOf(candidate).includes('CORE#stage:83 planned waiting external'));
    // Revert acts on the active editor; it must not cover the graph, which posts only while visible.
    const beside = graph.panel()!.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(document, { viewColumn: beside, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await reverted;
    assert.equal(document.isDirty, false);
  });

  it('exports Mermaid to a new document, the same text the CLI prints for the plan', async () => {
    const exported = await vscode.commands.executeCommand<vscode.TextDocument>('phaselens.exportMermaid', { destination: 'document', uri: coreUri().toString() });
    assert.ok(exported, 'the command returns the new document');
    assert.equal(exported.languageId, 'markdown');
    assert.equal(exported.isUntitled, true);
    const cli = `${vscode.extensions.getExtension('phaselens.phaselens')!.extensionPath}/dist/cli.js`;
    // Under desktop VS Code the host's executable is Electron: make it behave as plain Node.
    const printed = execFileSync(process.execPath, [cli, 'graph', 'graph/ROADMAP_GRAPH_CORE.md'], {
      cwd: folder.fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    try {
      assert.equal(exported.getText(), '```mermaid\n' + printed + '```\n');
      assert.match(printed, /missing_Stage_89\(\["Stage 89 \(missing\)"\]\)/);
    } finally {
      await discard(exported);
    }
  });

  it('exports the whole workspace with its cross-plan edges, cycle and missing ids', async () => {
    const exported = await vscode.commands.executeCommand<vscode.TextDocument>('phaselens.exportMermaid', { destination: 'document' });
    const text = exported.getText();
    await discard(exported);
    assert.ok(text.startsWith('```mermaid\nflowchart LR\n') && text.endsWith('```\n'));
    const ids = new Map([...text.matchAll(/^ {4}(\w+)\["(Stage 8\d): /gm)].map((match) => [match[2]!, match[1]!]));
    assert.equal(ids.size, 7, [...ids.keys()].join(', '));
    const lines = text.split('\n');
    assert.ok(lines.includes(`  ${ids.get('Stage 83')} --> ${ids.get('Stage 85')}`), 'the cross-plan dependency');
    assert.ok(lines.includes(`  missing_Stage_89 -.-> ${ids.get('Stage 84')}`), 'the broken reference');
    const links = lines.filter((line) => / (-->|-\.->) /.test(line));
    const cycle = [links.indexOf(`  ${ids.get('Stage 86')} --> ${ids.get('Stage 85')}`), links.indexOf(`  ${ids.get('Stage 85')} --> ${ids.get('Stage 86')}`)];
    const styled = /^ {2}linkStyle ([\d,]+) stroke:#d13438/m.exec(text)?.[1]?.split(',').map(Number) ?? [];
    for (const link of cycle) assert.ok(link >= 0 && styled.includes(link), `cycle link ${link} is drawn red`);
  });
});
