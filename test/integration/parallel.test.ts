// Start Ready Phases on a real git repository made in a temporary folder: two ready phases of four
// start at once, each in its own worktree on its own branch with its own terminal; the Phases view
// reads each running phase's progress from its worktree and says so, until the branch is merged back.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PhasesTreeProvider } from '../../src/vscode/tree/phasesTreeProvider';
import type { PhaseNode } from '../../src/vscode/tree/nodes';
import { until } from './events';
import { api, setWorkspaceSettings, waitForFile, withDialog } from './phaseActionsSupport';
import { screenshot } from './screenshot';

const PLAN = `# Shop Release

## Phase 1: Base
**Status**: Done

## Phase 2: Left Wing
**Status**: Planned
**Depends on**: Phase 1

- [ ] Build the left wing
- [ ] Paint it

## Phase 3: $(touch pwned) Right Wing
**Status**: Planned
**Depends on**: Phase 1

- [ ] Build the right wing

## Phase 4: Grand Opening
**Status**: Planned
**Depends on**: Phase 2, Phase 3

- [ ] Cut the ribbon
`;

interface StartReadyResult {
  outcome: string;
  started: Array<{ name: string; launch: { kind: string; terminal?: string }; worktree?: { path: string; branch: string; kind: string } }>;
  problems: string[];
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });

describe('parallel: Start Ready Phases in worktrees', function () {
  this.timeout(240_000);
  let base: string;
  let repo: string;
  let planUri: vscode.Uri;
  let restoreSettings: () => Promise<void>;
  let provider: PhasesTreeProvider;
  let extension: Awaited<ReturnType<typeof api>>;

  const phaseNodes = async (): Promise<PhaseNode[]> => {
    const plan = (await provider.getChildren()).find((node) => node.uri === planUri.toString());
    if (!plan) return [];
    return (await provider.getChildren(plan)).filter((node): node is PhaseNode => node.kind === 'phase');
  };
  const describeNode = async (id: string) => {
    const node = (await phaseNodes()).find((candidate) => candidate.phase.id === id);
    return node ? String(provider.getTreeItem(node).description ?? '') : '';
  };
  /** Resolves once `check` holds, looking again each time the tree changes (it refreshes after a file watcher fires, which takes its time under load). */
  const eventually = (what: string, check: () => Promise<boolean>) => until(what, provider.onDidChangeTreeData, check);

  before(async () => {
    extension = await api();
    provider = extension.tree.provider;
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-parallel-')));
    repo = path.join(base, 'shop');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'config', 'user.email', 'test@example.org');
    git(repo, 'config', 'user.name', 'PhaseLens Test');
    fs.writeFileSync(path.join(repo, 'PLAN.md'), PLAN);
    git(repo, 'add', 'PLAN.md');
    git(repo, 'commit', '-q', '-m', 'plan');
    planUri = vscode.Uri.file(path.join(repo, 'PLAN.md'));
    restoreSettings = await setWorkspaceSettings({
      'launch.worktree': '../${repo}-${branch}',
      'launch.maxParallel': 4,
      // The agent stand-in: says where it runs. A title never reaches this line (no ${phaseTitle}).
      'launch.command': `node -e "require('fs').writeFileSync('launched.txt', process.cwd())"`,
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planUri));
  });

  after(async () => {
    await restoreSettings?.();
    for (const terminal of vscode.window.terminals) if (terminal.name.startsWith('PhaseLens: Phase')) terminal.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('starts both ready phases in worktrees of their own, each with its own terminal, and follows each in the tree', async () => {
    const terminalsBefore = vscode.window.terminals.length;
    const result = await withDialog('showInformationMessage', () => undefined, async () =>
      vscode.commands.executeCommand<StartReadyResult>('phaselens.startReadyPhases', planUri),
    );
    assert.equal(result?.outcome, 'applied', JSON.stringify(result));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.started.map((phase) => [phase.name, phase.worktree?.path, phase.worktree?.branch, phase.worktree?.kind, phase.launch.kind]),
      [
        ['Phase 2', path.join(base, 'shop-phase-2-left-wing'), 'phase-2-left-wing', 'created', 'launched'],
        ['Phase 3', path.join(base, 'shop-phase-3-touch-pwned-right-wing'), 'phase-3-touch-pwned-right-wing', 'created', 'launched'],
      ],
    );
    // Two worktrees in git, two terminals, and each agent ran inside its own worktree.
    const listed = git(repo, 'worktree', 'list', '--porcelain');
    for (const started of result.started) assert.ok(listed.includes(`worktree ${started.worktree!.path}\n`), listed);
    assert.equal(vscode.window.terminals.length - terminalsBefore, 2);
    assert.deepEqual(result.started.map((phase) => phase.launch.terminal), ['PhaseLens: Phase 2', 'PhaseLens: Phase 3']);
    for (const started of result.started) assert.equal(await waitForFile(path.join(started.worktree!.path, 'launched.txt'), 60_000), started.worktree!.path);

    // Status written in each worktree's copy; the main copy is untouched; no title ran anywhere.
    const leftCopy = path.join(result.started[0]!.worktree!.path, 'PLAN.md');
    assert.match(fs.readFileSync(leftCopy, 'utf8'), /## Phase 2: Left Wing\n\*\*Status\*\*: In Progress\n/);
    assert.equal(fs.readFileSync(planUri.fsPath, 'utf8'), PLAN);
    for (const dir of [repo, ...result.started.map((phase) => phase.worktree!.path)]) assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);

    // The tree reads each running phase from its worktree, and says where.
    await eventually('the tree shows Phase 2 from its worktree', async () => (await describeNode('2')).endsWith('0/2 · from worktree ../shop-phase-2-left-wing'));
    assert.match(await describeNode('3'), /(^|· )0\/1 · from worktree \.\.\/shop-phase-3-touch-pwned-right-wing$/);
    assert.equal((await phaseNodes()).find((node) => node.phase.id === '2')!.status, 'in-progress');

    // The agent ticks a task in its copy: the tree follows.
    fs.writeFileSync(leftCopy, fs.readFileSync(leftCopy, 'utf8').replace('- [ ] Build the left wing', '- [x] Build the left wing'));
    await eventually('the tree shows the ticked task', async () => (await describeNode('2')).includes('1/2 · from worktree'));
    await vscode.commands.executeCommand('phaselens.phases.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.phaselens.phases.collapseAll');
    const view = extension.tree.view;
    for (const id of ['3', '2']) await view.reveal((await phaseNodes()).find((node) => node.phase.id === id)!, { select: id === '2', focus: false, expand: true });
    await screenshot('parallel-worktrees.png');

    // Started phases are not ready again: a second run starts nothing.
    const again = await withDialog('showInformationMessage', () => undefined, async () => vscode.commands.executeCommand<StartReadyResult>('phaselens.startReadyPhases', planUri));
    assert.equal(again?.outcome, 'no-phase');

    // Merged back: the main copy is the truth again.
    const left = result.started[0]!.worktree!.path;
    git(left, 'commit', '-q', '-am', 'left wing built');
    git(repo, 'merge', '-q', '--no-edit', 'phase-2-left-wing');
    // (A run badge such as `▶ running · 1 min` may stand before the counts: the launch is a run.)
    await eventually('the tree reads Phase 2 from the main copy again', async () => /(^|· )1\/2$/.test(await describeNode('2')));
    assert.match(await describeNode('3'), /0\/1 · from worktree \.\.\/shop-phase-3-touch-pwned-right-wing$/);
  });

  it('refuses a worktree path that exists and is not its own, and says so', async () => {
    git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    for (const dir of fs.readdirSync(base).filter((name) => name.startsWith('shop-'))) git(repo, 'worktree', 'remove', '--force', path.join(base, dir));
    git(repo, 'branch', '-q', '-D', 'phase-2-left-wing', 'phase-3-touch-pwned-right-wing');
    fs.mkdirSync(path.join(base, 'shop-phase-2-left-wing'));
    fs.writeFileSync(path.join(base, 'shop-phase-2-left-wing', 'mine.txt'), 'not a worktree');
    // The editor reloads the reset plan, and the ended runs (their worktrees are gone) are dropped, before starting again.
    await eventually('the reset plan is read and the ended runs are dropped', async () => /(^|· )0\/2$/.test(await describeNode('2')) && /(^|· )0\/1$/.test(await describeNode('3')));
    const result = await withDialog('showWarningMessage', () => undefined, async (warnings) => {
      const started = await withDialog('showInformationMessage', () => undefined, async () => vscode.commands.executeCommand<StartReadyResult>('phaselens.startReadyPhases', planUri));
      assert.ok(warnings.some((call) => /Phase 2 was not started: .*shop-phase-2-left-wing already exists and is not a worktree of this repository/.test(call.message)), JSON.stringify(warnings));
      return started;
    });
    assert.deepEqual(result?.started.map((phase) => phase.name), ['Phase 3']);
    assert.equal(fs.readFileSync(path.join(base, 'shop-phase-2-left-wing', 'mine.txt'), 'utf8'), 'not a worktree');
  });

  it('says plainly when the plan is in no git repository', async () => {
    const loose = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-loose-'));
    try {
      const uri = vscode.Uri.file(path.join(loose, 'PLAN.md'));
      fs.writeFileSync(uri.fsPath, PLAN);
      await vscode.workspace.openTextDocument(uri);
      const result = await withDialog('showWarningMessage', () => undefined, async (calls) => {
        const outcome = await vscode.commands.executeCommand<StartReadyResult>('phaselens.startReadyPhases', uri);
        assert.ok(calls.some((call) => /is not in a git repository/.test(call.message)), JSON.stringify(calls));
        return outcome;
      });
      assert.equal(result?.outcome, 'refused');
      assert.deepEqual(fs.readdirSync(loose), ['PLAN.md']);
    } finally {
      fs.rmSync(loose, { recursive: true, force: true });
    }
  });
});
