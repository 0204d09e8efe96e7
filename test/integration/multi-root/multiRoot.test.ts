// A multi-root workspace (test/fixtures/multi-root/phaselens.code-workspace): plans are found in
// every folder, each folder's phaselens.files.include is honoured, and a dependency resolves
// across folders. Runs in its own VS Code session (PHASELENS_SUITES=multi-root).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../../src/vscode/api';

describe('multi-root workspace', () => {
  let api: PhaseLensApi;

  before(async () => {
    api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    await api.store.ensureIndexed();
  });

  it('opens both folders', () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((folder) => folder.name), ['alpha', 'beta']);
    assert.ok(vscode.workspace.workspaceFile, 'a .code-workspace is open');
  });

  it('finds the plans of every folder, within each folder’s include globs', () => {
    const relative = api.store.plans().map((entry) => vscode.workspace.asRelativePath(entry.uri, true));
    assert.deepEqual(relative, ['alpha/ROADMAP.md', 'beta/plans/PHASE_32.md']);
  });

  it('resolves a dependency across folders and sees it finished', () => {
    const billing = api.store.plans().find((entry) => entry.uri.path.endsWith('PHASE_32.md'))!;
    const phase = billing.plan.phases[0]!;
    const index = api.store.index();
    const ref = index.lookup(phase.key, billing.plan.file).find((candidate) => candidate.phase === phase)!;
    const [dependency] = index.dependenciesOf(ref);
    assert.equal(dependency?.to.phase.id, '31A');
    assert.ok(dependency?.to.plan.file.endsWith('/alpha/ROADMAP.md'));
    assert.deepEqual(index.readiness(ref), { ready: true, waitingOn: [] });
  });

  it('shows one tree root per plan, across folders', async () => {
    const tree = api.tree;
    const roots = await tree.provider.getChildren();
    const labels = roots.map((node) => {
      const item = tree.provider.getTreeItem(node) as vscode.TreeItem;
      return typeof item.label === 'string' ? item.label : item.label?.label;
    });
    assert.deepEqual(labels, ['Alpha Roadmap', 'Phase 32: Billing']);
  });

  it('reports no broken reference for the cross-folder dependency', async () => {
    const lint = api.diagnostics;
    await lint.whenIdle();
    const billing = api.store.plans().find((entry) => entry.uri.path.endsWith('PHASE_32.md'))!;
    const diagnostics = vscode.languages.getDiagnostics(billing.uri);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code && typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code), []);
  });
});
