// The Phases tree as a user sees it, in a real VS Code: items, icons, checkboxes, live updates,
// filters, follow-cursor, the status bar and the starter plan. Fixture plans: test/fixtures/workspace/tree/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../src/vscode/api';
import type { PhaseNode, TaskNode, TreeNode } from '../../src/vscode/tree/nodes';
import type { PhasesTreeApi } from '../../src/vscode/tree/registerPhasesView';
import { screenshot } from './screenshot';
import { nextEvent, until } from './events';


let tree: PhasesTreeApi;
let folder: vscode.Uri;

const treeFolder = () => vscode.Uri.joinPath(folder, 'tree');
const roadmapUri = () => vscode.Uri.joinPath(treeFolder(), 'ROADMAP.md');
const mobileUri = () => vscode.Uri.joinPath(treeFolder(), 'mobile', 'MOBILE_PLAN.md');

/** Resolves when `check` holds: now, or after one of the tree's change events. */
const untilTree = (what: string, check: () => Promise<boolean> | boolean) => until(`the tree: ${what}`, tree.provider.onDidChangeTreeData, check);

async function plans(): Promise<TreeNode[]> {
  return (await tree.provider.getChildren()).filter((node) => node.uri.includes('/tree/'));
}

async function planNode(uri: vscode.Uri): Promise<TreeNode | undefined> {
  return (await tree.provider.getChildren()).find((node) => node.uri === uri.toString());
}

async function phases(uri: vscode.Uri): Promise<PhaseNode[]> {
  const plan = await planNode(uri);
  if (!plan) return [];
  const all: PhaseNode[] = [];
  const visit = async (node: TreeNode) => {
    for (const child of await tree.provider.getChildren(node)) {
      if (child.kind !== 'phase') continue;
      all.push(child);
      await visit(child);
    }
  };
  await visit(plan);
  return all;
}

async function phase(uri: vscode.Uri, id: string): Promise<PhaseNode> {
  const found = (await phases(uri)).find((node) => node.phase.id === id);
  assert.ok(found, `phase ${id} is not in the tree`);
  return found;
}

async function task(uri: vscode.Uri, phaseId: string, text: string): Promise<TaskNode> {
  const tasks: TaskNode[] = [];
  const collect = async (node: TreeNode) => {
    for (const child of await tree.provider.getChildren(node)) {
      if (child.kind !== 'task') continue;
      tasks.push(child);
      await collect(child);
    }
  };
  await collect(await phase(uri, phaseId));
  const found = tasks.find((candidate) => candidate.task.text === text);
  assert.ok(found, `task "${text}" is not under ${phaseId}`);
  return found;
}

const item = (node: TreeNode) => tree.provider.getTreeItem(node) as vscode.TreeItem;
const icon = (node: TreeNode) => {
  const path = item(node).iconPath as vscode.ThemeIcon;
  return `${path.id}${path.color ? ` ${path.color.id}` : ''}`;
};
const label = (node: TreeNode) => {
  const value = item(node).label;
  return typeof value === 'string' ? value : value?.label;
};

function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(needle)) return line;
  throw new Error(`"${needle}" is not in ${document.uri.fsPath}`);
}

/** Closes every editor; unsaved changes a test left behind are reverted first, so no save prompt can block. */
async function closeAllEditors() {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty && candidate.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function untilSelected(node: TreeNode): Promise<void> {
  if (tree.view.selection[0]?.id === node.id) return;
  await nextEvent(tree.view.onDidChangeSelection, `${node.id} to be selected`, (event) => event.selection[0]?.id === node.id);
}

describe('Phases tree', function () {
  this.timeout(120_000);

  before(async () => {
    const api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    tree = api.tree;
    assert.ok(tree?.provider && tree.view, 'the API exposes the tree');
    // Run alone, this suite would otherwise meet the first look's provisional plans ("reading…").
    await api.store.ensureIndexed();
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.commands.executeCommand('phaselens.filter.clear');
    await vscode.commands.executeCommand('phaselens.followCursor.disable');
  });

  afterEach(closeAllEditors);

  it('lists the fixture plans by title, with their workspace-relative paths', async () => {
    const roots = await plans();
    assert.deepEqual(
      roots.map((node) => [label(node), item(node).description, item(node).contextValue]),
      [
        ['Harbor Mobile: Phone App', 'tree/mobile/MOBILE_PLAN.md', 'plan'],
        ['Harbor Roadmap: Self-Hosted Recipe Manager', 'tree/ROADMAP.md', 'plan'],
      ],
    );
  });

  it('shows phases nested as in the plan, with status icons, progress and what they wait on', async () => {
    const rows = (await phases(roadmapUri())).map((node) => [label(node), item(node).description, icon(node), item(node).contextValue]);
    assert.deepEqual(rows, [
      ['Phase 1: Recipe Storage', '3/3', 'pass-filled testing.iconPassed', 'phase:done'],
      ['Phase 2: Shopping Lists', 'sub-phases 1/2', 'play-circle charts.blue', 'phase:in-progress'],
      ['Phase 2A: List Builder', '2/2', 'pass-filled testing.iconPassed', 'phase:done'],
      ['Phase 2B: Live Sync', '2/5', 'play-circle charts.blue', 'phase:in-progress'],
      ['Phase 3: Meal Planner', '0/2 · waiting on Phase 2', 'clock charts.orange', 'phase:planned:waiting'],
      ['Phase 4: Nutrition Facts', '0/2', 'circle-slash charts.red', 'phase:blocked'],
      ['Milestone 12: Public Beta', '0/2 · waiting on Phase 3', 'clock charts.orange', 'phase:planned:waiting'],
    ]);
    const stage2 = await phase(mobileUri(), 'Stage 2');
    assert.equal(item(stage2).description, '0/2 · waiting on Stage 1, Milestone 12');
    const node = await phase(roadmapUri(), '2');
    assert.deepEqual(node.target, { uri: roadmapUri().toString(), key: 'phase:2', line: node.phase.line });
    const tooltip = item(node).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /In progress · 1\/2 sub-phases done/);
    assert.match(tooltip.value, /\$\(pass-filled\) Phase 1: Recipe Storage: done/);
    assert.match(tooltip.value, /tree\/ROADMAP\\\.md:23/);
  });

  it('shows criteria and dependencies under a phase, and task checkboxes', async () => {
    const live = await phase(roadmapUri(), '2B');
    const children = await tree.provider.getChildren(live);
    assert.deepEqual(
      children.map((child) => [label(child), item(child).description ?? '', item(child).checkboxState && (item(child).checkboxState as { state: vscode.TreeItemCheckboxState }).state]),
      [
        ['Depends on', 'all done', undefined],
        ['Success criteria', '1/2 · from Phase 2', undefined],
        ['WebSocket channel per household', '', vscode.TreeItemCheckboxState.Checked],
        ['Offline edits queued on the phone', '1/2', vscode.TreeItemCheckboxState.Unchecked],
        ['Conflict view for the same item edited twice', '', vscode.TreeItemCheckboxState.Unchecked],
      ],
    );
    const beta = await phase(roadmapUri(), 'Milestone 12');
    const dependencies = (await tree.provider.getChildren(beta)).find((child) => child.kind === 'dependencies')!;
    const refs = await tree.provider.getChildren(dependencies);
    assert.deepEqual(refs.map((ref) => [label(ref), item(ref).description, icon(ref)]), [
      ['Phase 3: Meal Planner', 'waiting', 'clock charts.orange'],
      ['Phase 14C', 'not found', 'warning list.warningForeground'],
    ]);

    // Clicking a dependency goes to its heading.
    const click = item(refs[0]!).command!;
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), roadmapUri().toString());
    assert.equal(editor.selection.active.line, lineOf(editor.document, '## Phase 3: Meal Planner'));
  });

  it('checks a task off in the markdown from its checkbox, as one undoable edit', async () => {
    const document = await vscode.workspace.openTextDocument(roadmapUri());
    await vscode.window.showTextDocument(document);
    const before = document.getText();
    const node = await task(roadmapUri(), '2B', 'Conflict view for the same item edited twice');
    const line = lineOf(document, 'Conflict view for the same item');

    const refreshed = untilTree('the task shows checked', async () => {
      const current = await task(roadmapUri(), '2B', 'Conflict view for the same item edited twice');
      return (item(current).checkboxState as { state: vscode.TreeItemCheckboxState }).state === vscode.TreeItemCheckboxState.Checked;
    });
    assert.equal(await tree.onCheckboxChange({ items: [[node, vscode.TreeItemCheckboxState.Checked]] }), true);
    assert.equal(document.lineAt(line).text, '- [x] Conflict view for the same item edited twice');
    await refreshed;
    assert.equal(item(await phase(roadmapUri(), '2B')).description, '3/5');

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  it('refuses to tick a task the plan no longer has', async () => {
    const document = await vscode.workspace.openTextDocument(roadmapUri());
    const before = document.getText();
    const written = await tree.setTasksDone([{ task: { uri: roadmapUri().toString(), line: 3, text: 'A task that was deleted' }, done: true }]);
    assert.equal(written, false);
    assert.equal(document.getText(), before);
  });

  it('toggles a task of a plan nobody has open through phaselens.toggleTask, and saves it', async () => {
    const node = await task(mobileUri(), 'Stage 2', 'Screenshots and store listing');
    const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(mobileUri()));
    const original = await read();
    try {
      assert.equal(await vscode.commands.executeCommand('phaselens.toggleTask', node), true);
      assert.match(await read(), /^- \[x\] Screenshots and store listing$/m);
      await untilTree('Stage 2 counts the task', async () => item(await phase(mobileUri(), 'Stage 2')).description === '1/2 · waiting on Stage 1, Milestone 12');
      // VS Code opens a dirty file nobody has open in an editor of its own when a save is slow
      // (its dirty-file tracker); the second tick must again find the plan unseen to save it.
      await closeAllEditors();
      await until('the mobile plan to be in no editor', vscode.window.onDidChangeVisibleTextEditors, () => !vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === mobileUri().toString()));
      assert.equal(await vscode.commands.executeCommand('phaselens.toggleTask', { uri: mobileUri().toString(), line: node.task.line }), true);
      assert.equal(await read(), original);
    } finally {
      if ((await read()) !== original) await vscode.workspace.fs.writeFile(mobileUri(), new TextEncoder().encode(original));
    }
  });

  it('follows typing in an unsaved plan', async () => {
    const document = await vscode.workspace.openTextDocument(roadmapUri());
    const editor = await vscode.window.showTextDocument(document);
    const line = lineOf(document, '- [ ] Leftover suggestions');
    await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), '- [ ] Shopping-day reminder\n'));
    assert.equal(document.isDirty, true);
    await untilTree('Phase 3 counts the typed task', async () => item(await phase(roadmapUri(), '3')).description === '0/3 · waiting on Phase 2');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.isDirty, false);
    await untilTree('Phase 3 is back to its saved tasks', async () => item(await phase(roadmapUri(), '3')).description === '0/2 · waiting on Phase 2');
  });

  it('picks up a plan created, changed and deleted on disk without a reload', async () => {
    const uri = vscode.Uri.joinPath(treeFolder(), 'DISK_PLAN.md');
    const write = (text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await write('# Disk Plan\n\n## Phase 1: Written Outside\n\n- [x] one\n- [ ] two\n\n**Done when**: both are done\n');
      await untilTree('the new plan appears', async () => (await planNode(uri)) !== undefined);
      assert.equal(label((await planNode(uri))!), 'Disk Plan');
      assert.equal(item(await phase(uri, '1')).description, '1/2');

      await write('# Disk Plan\n\n## Phase 1: Written Outside\n\n- [x] one\n- [x] two\n\n**Done when**: both are done\n');
      await untilTree('the changed plan shows its progress', async () => item(await phase(uri, '1')).description === '2/2');
      assert.equal(icon(await phase(uri, '1')), 'pass-filled testing.iconPassed');

      await vscode.workspace.fs.delete(uri);
      await untilTree('the deleted plan disappears', async () => (await planNode(uri)) === undefined);
    } finally {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('filters: hide done phases, only phases in progress, show all', async () => {
    try {
      await vscode.commands.executeCommand('phaselens.filter.hideDone');
      assert.equal(tree.view.description, 'hiding done phases');
      assert.deepEqual((await phases(roadmapUri())).map((node) => node.phase.id), ['2', '2B', '3', '4', 'Milestone 12']);

      await vscode.commands.executeCommand('phaselens.filter.inProgressOnly');
      assert.equal(tree.view.description, 'in progress only');
      assert.deepEqual((await phases(roadmapUri())).map((node) => node.phase.id), ['2', '2B']);
      assert.deepEqual((await phases(mobileUri())).map((node) => node.phase.id), ['Stage 1']);
    } finally {
      await vscode.commands.executeCommand('phaselens.filter.clear');
    }
    assert.equal(tree.view.description, undefined);
    assert.equal((await phases(roadmapUri())).length, 7);
  });

  it('reveals any node through getParent, follows the cursor, and shows the phase in the status bar', async () => {
    await vscode.commands.executeCommand('phaselens.phases.focus');
    if (!tree.view.visible) await nextEvent(tree.view.onDidChangeVisibility, 'the Phases view to show', (event) => event.visible);

    // A subtask three levels down: VS Code walks getParent up to the plan to reveal it.
    const replay = await task(roadmapUri(), '2B', 'Replay in order when back online');
    assert.equal(tree.provider.getParent(replay)?.kind, 'task');
    await tree.view.reveal(replay, { select: true, focus: false, expand: true });
    await untilSelected(replay);

    await vscode.commands.executeCommand('phaselens.followCursor.enable');
    try {
      const document = await vscode.workspace.openTextDocument(roadmapUri());
      const line = lineOf(document, 'Leftover suggestions');
      const selected = nextEvent(tree.view.onDidChangeSelection, 'Phase 3 selected by follow-cursor', (event) => event.selection[0]?.kind === 'phase' && (event.selection[0] as PhaseNode).phase.id === '3');
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, 0, line, 0) });
      await selected;
      assert.equal(tree.view.selection[0]?.id, (await phase(roadmapUri(), '3')).id);

      const statusBar = tree.statusBar;
      if (statusBar.text !== '$(clock) Phase 3 · 0/2') await nextEvent(tree.tracker.onDidChange, 'the status bar to show Phase 3', () => statusBar.text === '$(clock) Phase 3 · 0/2');
      assert.equal(statusBar.text, '$(clock) Phase 3 · 0/2');
      const command = statusBar.command as vscode.Command;
      assert.equal(command.command, 'phaselens.focusPhases');
      assert.deepEqual(command.arguments, [{ uri: roadmapUri().toString(), key: 'phase:3', line: lineOf(document, '## Phase 3') + 1 }]);

      // The status bar's click selects the phase in the tree.
      const live = await phase(roadmapUri(), '2B');
      const revealed = (await vscode.commands.executeCommand('phaselens.focusPhases', live.target)) as PhaseNode;
      assert.equal(revealed.id, live.id);
      await untilSelected(live);
    } finally {
      await vscode.commands.executeCommand('phaselens.followCursor.disable');
    }
  });

  it('creates a starter plan that never overwrites a file, and opens it', async () => {
    const first = vscode.Uri.joinPath(treeFolder(), 'STARTER_PLAN.md');
    const second = vscode.Uri.joinPath(treeFolder(), 'STARTER_PLAN-2.md');
    try {
      const created = (await vscode.commands.executeCommand('phaselens.createStarterPlan', { folder: treeFolder(), name: 'STARTER_PLAN.md' })) as vscode.Uri;
      assert.equal(created.toString(), first.toString());
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
      assert.match(text, /^# Delivery Plan\n/);
      await untilTree('the starter plan shows in the tree', async () => (await phases(first)).length === 5);
      assert.deepEqual((await phases(first)).map((node) => item(node).description), ['0/3', 'sub-phases 0/2 · waiting on Phase 1', '0/3', '0/2 · waiting on Phase 2A', '0/2 · waiting on Phase 2']);

      const again = (await vscode.commands.executeCommand('phaselens.createStarterPlan', { folder: treeFolder(), name: 'STARTER_PLAN.md' })) as vscode.Uri;
      assert.equal(again.toString(), second.toString());
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(first)), text);
    } finally {
      await closeAllEditors();
      for (const uri of [first, second]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    await untilTree('the starter plans are gone', async () => (await planNode(first)) === undefined && (await planNode(second)) === undefined);
  });

  it('reveals and selects a phase in the expanded roadmap (and takes its picture)', async () => {
    await vscode.commands.executeCommand('phaselens.phases.focus');
    const document = await vscode.workspace.openTextDocument(roadmapUri());
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.actions.treeView.phaselens.phases.collapseAll');
    for (const id of ['2', '2B', 'Milestone 12']) await tree.view.reveal(await phase(roadmapUri(), id), { expand: true, select: false, focus: false });
    await tree.view.reveal(await phase(roadmapUri(), '1'), { select: true, focus: true });
    // A wider side bar, so labels and descriptions read in full: narrowing the editor widens it.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let step = 0; step < 4; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await tree.view.reveal(await phase(roadmapUri(), '1'), { select: true, focus: true });
    assert.ok(tree.view.visible, 'the Phases view is on screen');
    assert.deepEqual(tree.view.selection.map((node) => (node.kind === 'phase' ? node.phase.id : node.kind)), ['1']);
    const file = await screenshot('tree.png');
    if (file) console.log(`      tree screenshot: ${file}`);
  });
});
