// Indexing the workspace as the extension host does it: the plans are parsed on a worker thread
// (dist/planParserWorker.js), so a large workspace never holds the host's own thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../src/vscode/api';

describe('indexing the workspace', () => {
  let api: PhaseLensApi;
  const folder = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'indexing');

  before(async () => {
    api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    await api.store.ensureIndexed();
  });

  after(async () => {
    fs.rmSync(folder().fsPath, { recursive: true, force: true });
    await vscode.commands.executeCommand('phaselens.refresh'); // later suites count the workspace's plans
  });

  it('parses the plans on a worker thread, off the extension host\'s thread', async () => {
    // Content no earlier run has seen, so the warm-start cache cannot answer for it.
    const uri = vscode.Uri.joinPath(folder(), `PHASE_${process.pid}.md`);
    const text = `# Worker check ${Date.now()}\n\n## Phase 41: Parsed Elsewhere\n\n- [ ] read on the worker\n\n### Success Criteria\n- [ ] the plan arrives whole\n`;
    fs.mkdirSync(folder().fsPath, { recursive: true });
    fs.writeFileSync(uri.fsPath, text);

    // Reading the workspace again finds the new file whether or not the file watcher reported it yet.
    await vscode.commands.executeCommand('phaselens.refresh');
    const stats = api.store.lastIndexStats!;
    assert.ok(stats.parsed >= 1, `the refresh parsed ${stats.parsed} files`);
    assert.equal(stats.parsedOffThread, stats.parsed, 'every file parsed while indexing went to the worker');
    const phase = api.store.get(uri)?.plan.phases[0];
    assert.equal(phase?.title, 'Parsed Elsewhere');
    assert.deepEqual([phase?.tasks.length, phase?.successCriteria.length], [1, 1]);
  });
});
