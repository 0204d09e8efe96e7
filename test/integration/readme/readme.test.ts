// The pictures in the README, taken from a real VS Code on the example plans (examples/), with the
// checks that make them worth showing: the tree, the lenses and the Problems panel say what a user
// should see there. Runs in its own session: PHASELENS_SUITES=readme (npm run screenshots).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../../src/vscode/api';
import type { PhasesTreeApi } from '../../../src/vscode/tree/registerPhasesView';
import type { PhaseNode, TreeNode } from '../../../src/vscode/tree/nodes';
import type { LintApi } from '../../../src/vscode/lint/registerLint';
import type { DependencyGraphApi } from '../../../src/vscode/graph/registerDependencyGraph';
import { screenshot } from '../screenshot';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const roadmap = () => vscode.Uri.joinPath(folder(), 'ROADMAP.md');
const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);

describe('README pictures of the example plans', () => {
  let api: PhaseLensApi;
  let tree: PhasesTreeApi;

  before(async () => {
    api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    tree = api.tree as PhasesTreeApi;
    await api.store.ensureIndexed();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function phaseNodes(node?: TreeNode): Promise<PhaseNode[]> {
    const children = await tree.provider.getChildren(node);
    const phases = children.filter((child): child is PhaseNode => child.kind === 'phase');
    const nested = await Promise.all(phases.map((phase) => phaseNodes(phase)));
    return [...phases, ...nested.flat()];
  }

  it('the Phases view lists every example plan with its progress', async () => {
    await vscode.commands.executeCommand('phaselens.phases.focus');
    const roots = await tree.provider.getChildren();
    assert.deepEqual(roots.map((node) => labelOf(tree.provider.getTreeItem(node) as vscode.TreeItem)).sort(), [
      'Phase 3: Navigation — Detailed Plan',
      'Phase 5: Wearables',
      'Tasks: Trail Sharing (spec-kit style)',
      'Trailhead Roadmap: Offline-First Hiking Companion',
    ]);
    const roadmapNode = roots.find((node) => node.uri === roadmap().toString())!;
    const phases = await phaseNodes(roadmapNode);
    const described = phases.map((node) => [node.phase.id, (tree.provider.getTreeItem(node) as vscode.TreeItem).description]);
    assert.deepEqual(described.slice(0, 2), [['1', '3/3'], ['2', '2/4']]);

    const document = await vscode.workspace.openTextDocument(roadmap());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const phase2 = phases.find((node) => node.phase.id === '2')!;
    editor.revealRange(new vscode.Range(phase2.phase.line - 2, 0, phase2.phase.line + 10, 0), vscode.TextEditorRevealType.AtTop);
    editor.selection = new vscode.Selection(phase2.phase.line + 5, 0, phase2.phase.line + 5, 0);
    await tree.view.reveal(phase2, { expand: true, select: true, focus: false });
    // A wider side bar, so labels read in full: narrowing the editor widens it.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let step = 0; step < 4; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await (api.diagnostics as LintApi).whenIdle();
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const titles = lenses.filter((lens) => lens.range.start.line === phase2.phase.line - 1).map((lens) => lens.command?.title);
    assert.ok(titles.some((title) => title?.includes('Complete phase')), `lenses above Phase 2: ${titles.join(' | ')}`);
    const problems = vscode.languages.getDiagnostics(roadmap()).map((diagnostic) => diagnostic.message);
    assert.deepEqual(problems, ['Phase 4 has no success criteria; add them so you can tell when it is done']);
    const file = await screenshot('overview.png');
    if (file) console.log(`      picture: ${file}`);
  });

  it('hovering a dependency shows the phase it names, and F12 goes there', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const uri = vscode.Uri.joinPath(folder(), 'PHASING', 'PHASE_3.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('**Builds On**: P3.1'));
    const position = new vscode.Position(line, '**Builds On**: P3'.length);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Route Matching/);
    const definitions = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position)) ?? [];
    const target = definitions[0]!;
    const targetLine = 'targetRange' in target ? target.targetSelectionRange?.start.line ?? target.targetRange.start.line : target.range.start.line;
    assert.equal(document.lineAt(targetLine).text, '### P3.1: Route Matching (Week 1-2)');
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(line - 6, 0, line + 12, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.action.showHover');
    const file = await screenshot('hover.png');
    if (file) console.log(`      picture: ${file}`);
  });

  it('the dependency graph shows the plans in dependency order', async () => {
    const graph = api.graph as DependencyGraphApi;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const rendered = new Promise<void>((resolve) => {
      const subscription = graph.onDidRender(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('phaselens.showGraph');
    await rendered;
    assert.equal(graph.lastRendered()?.nodes, graph.lastModel()?.graph.nodes.length, 'the webview drew every node it was sent');
    const model = graph.lastModel()!.graph;
    assert.ok(model.nodes.length >= 14, `${model.nodes.length} nodes`);
    assert.ok(model.edges.some((edge) => edge.kind === 'missing'), 'the broken reference to Phase 7 is drawn');
    const file = await screenshot('graph.png');
    if (file) console.log(`      picture: ${file}`);
  });
});
