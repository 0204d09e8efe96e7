// The harness itself: the extension under development is loaded and the fixture workspace is the one open.
// Product suites build on these two facts, so a broken runner fails here with a plain message first.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

describe('integration harness', () => {
  it('loads PhaseLens as the extension under development', () => {
    assert.ok(vscode.extensions.getExtension('phaselens.phaselens'), 'phaselens.phaselens is not among the loaded extensions');
  });

  it('opens the fixture workspace with its plans', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(folders.length > 0, 'no workspace folder is open');
    const fixture = folders[0].uri;
    assert.equal(path.basename(fixture.fsPath), 'workspace');
    const plan = vscode.Uri.joinPath(fixture, 'plans', 'PHASE_1.md');
    const document = await vscode.workspace.openTextDocument(plan);
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.lineAt(0).text, '# Phase 1: Local Sync Foundation');
  });
});
