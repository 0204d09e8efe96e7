// Phases written outside headings, as VS Code shows them: lenses on the list item, the table
// row and the Cursor plan's front matter, and the same phases as nodes of the Phases tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../src/vscode/api';
import type { PhaseNode, TreeNode } from '../../src/vscode/tree/nodes';
import type { PhasesTreeApi } from '../../src/vscode/tree/registerPhasesView';
import { api, lensesOf, titlesByLine } from './phaseActionsSupport';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const notation = (...path: string[]) => vscode.Uri.joinPath(folder(), 'notations', ...path);

async function treePhases(tree: PhasesTreeApi, uri: vscode.Uri): Promise<PhaseNode[]> {
  const plan = (await tree.provider.getChildren()).find((node) => node.uri === uri.toString());
  assert.ok(plan, `${uri.path} is not in the tree`);
  const found: PhaseNode[] = [];
  const visit = async (node: TreeNode) => {
    for (const child of await tree.provider.getChildren(node)) {
      if (child.kind !== 'phase') continue;
      found.push(child);
      await visit(child);
    }
  };
  await visit(plan);
  return found;
}

describe('notations: phases outside headings', function () {
  this.timeout(60_000);
  let tree: PhasesTreeApi;

  before(async function () {
    this.timeout(180_000);
    const extension = (await api()) as PhaseLensApi;
    tree = extension.tree;
    await vscode.commands.executeCommand('phaselens.filter.clear');
    // The workspace index must hold the three plans before lenses and tree nodes are asked for.
    const indexed = async () => {
      const uris = new Set((await tree.provider.getChildren()).map((node) => node.uri));
      return [notation('LIST_PLAN.md'), notation('TABLE_PLAN.md'), notation('.cursor', 'plans', 'bike-shed.plan.md')].every((uri) => uris.has(uri.toString()));
    };
    if (await indexed()) return;
    await new Promise<void>((resolve) => {
      const subscription = tree.provider.onDidChangeTreeData(async () => {
        if (!(await indexed())) return;
        subscription.dispose();
        resolve();
      });
    });
  });

  after(async () => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('puts lenses on a list-item phase’s own line', async () => {
    const document = await vscode.workspace.openTextDocument(notation('LIST_PLAN.md'));
    await vscode.window.showTextDocument(document);
    const titles = titlesByLine(await lensesOf(document.uri));
    assert.ok(titles[3]?.some((title) => title.includes('Reopen')), JSON.stringify(titles));
    assert.ok(titles[6]?.some((title) => title.includes('Start phase')), JSON.stringify(titles));
    const ids = (await treePhases(tree, document.uri)).map((node) => [node.phase.id, node.phase.status]);
    assert.deepEqual(ids, [['1', 'done'], ['2', 'planned']]);
  });

  it('puts lenses on a table phase’s row', async () => {
    const document = await vscode.workspace.openTextDocument(notation('TABLE_PLAN.md'));
    await vscode.window.showTextDocument(document);
    const titles = titlesByLine(await lensesOf(document.uri));
    assert.ok(titles[5]?.some((title) => title.includes('Reopen')), JSON.stringify(titles));
    assert.ok(titles[6]?.some((title) => title.includes('Start phase')), JSON.stringify(titles));
    const ids = (await treePhases(tree, document.uri)).map((node) => [node.phase.id, node.phase.status]);
    assert.deepEqual(ids, [['Milestone 1', 'done'], ['Milestone 2', 'planned']]);
  });

  it('reads a Cursor plan’s todos as one phase’s tasks', async () => {
    const uri = notation('.cursor', 'plans', 'bike-shed.plan.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const titles = titlesByLine(await lensesOf(document.uri));
    assert.ok(titles[2]?.some((title) => title.includes('1/2 tasks')), JSON.stringify(titles));
    const [phase] = await treePhases(tree, document.uri);
    assert.equal(phase?.phase.id, 'Bike shed');
    assert.deepEqual(phase?.phase.tasks.map((task) => [task.text, task.done]), [['Set the posts', true], ['Fix the roof panels', false]]);
  });
});
