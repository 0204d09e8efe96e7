// CodeLens above phase headings, as VS Code shows them: titles, commands and PhaseTarget
// arguments, the jump of a waiting lens, the switch that turns them off, refresh after typing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { api, fixtureUri, lensesOf, openPlan, titlesByLine, type OpenPlan } from './phaseActionsSupport';

describe('codelens: lenses above phase headings', () => {
  let plan: OpenPlan;

  before(async () => {
    await api();
    plan = await openPlan('LENS_PLAN.md');
  });
  afterEach(async () => plan.restore());

  it('shows the action for each status, progress and what a phase waits on', async () => {
    assert.deepEqual(titlesByLine(await lensesOf(plan.document.uri)), {
      5: ['↺ Reopen', '2/2 tasks · criteria 2/2', '2 dependents'],
      16: ['✓ Complete phase', '1/3 tasks · criteria 1/2', '1 dependent'],
      29: ['▶ Start phase', '0/3 tasks · 3 criteria', '1 dependent'],
      42: ['▶ Start phase', '0/2 tasks · 1 criterion', '$(watch) waiting on Phase 2A', '$(watch) waiting on Phase 2B'],
    });
  });

  it('passes PhaseTargets to the commands, and the waiting lens the dependency`s', async () => {
    const lenses = await lensesOf(plan.document.uri);
    const uri = plan.document.uri.toString();
    const at = (line: number, title: string) => lenses.find((lens) => lens.line === line && lens.title === title)!;
    assert.equal(at(29, '▶ Start phase').command, 'phaselens.startPhase');
    assert.deepEqual(at(29, '▶ Start phase').arguments, [{ uri, key: 'phase:2b', line: 29 }]);
    assert.equal(at(16, '✓ Complete phase').command, 'phaselens.completePhase');
    assert.deepEqual(at(16, '✓ Complete phase').arguments, [{ uri, key: 'phase:2a', line: 16 }]);
    assert.equal(at(5, '↺ Reopen').command, 'phaselens.reopenPhase');
    assert.equal(at(42, '$(watch) waiting on Phase 2B').command, 'phaselens.goToDependency');
    assert.deepEqual(at(42, '$(watch) waiting on Phase 2B').arguments, [{ uri, key: 'phase:2b', line: 29 }]);
    // Progress is plain text: nothing to click.
    assert.equal(at(42, '0/2 tasks · 1 criterion').command, '');
  });

  it('jumps to the dependency when its waiting lens is clicked', async () => {
    const waiting = (await lensesOf(plan.document.uri)).find((lens) => lens.title === '$(watch) waiting on Phase 2A')!;
    const result = await vscode.commands.executeCommand<{ outcome: string }>(waiting.command, ...waiting.arguments);
    assert.equal(result?.outcome, 'revealed');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), plan.document.uri.toString());
    assert.equal(editor?.selection.active.line, 15, 'the cursor is on the heading of Phase 2A');
  });

  it('follows the text as it is typed', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(plan.document.uri, new vscode.Range(32, 3, 32, 4), 'x'); // "- [ ] Write CSV" in Phase 2B
    assert.ok(await vscode.workspace.applyEdit(edit));
    const titles = titlesByLine(await lensesOf(plan.document.uri));
    // One task done: the plan's tasks now say the phase is under way.
    assert.deepEqual(titles[29], ['✓ Complete phase', '1/3 tasks · 3 criteria', '1 dependent']);
  });

  it('refreshes a dependent`s lenses when its dependency is finished', async () => {
    const store = (await api()).store;
    const changed = new Promise<void>((resolve) => {
      const subscription = store.onDidChange(() => {
        subscription.dispose();
        resolve();
      });
    });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(plan.document.uri, new vscode.Range(17, 12, 17, 26), 'Complete'); // Phase 2A: "🚧 In Progress" → "Complete"
    assert.ok(await vscode.workspace.applyEdit(edit));
    await changed;
    const titles = titlesByLine(await lensesOf(plan.document.uri));
    assert.deepEqual(titles[16], ['↺ Reopen', '1/3 tasks · criteria 1/2', '1 dependent']);
    assert.deepEqual(titles[42], ['▶ Start phase', '0/2 tasks · 1 criterion', '$(watch) waiting on Phase 2B']);
  });

  it('shows no lenses when phaselens.codeLens.enabled is off', async () => {
    // User settings: they belong to this test run alone, unlike the fixture folder's.
    const config = vscode.workspace.getConfiguration('phaselens');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual(await lensesOf(plan.document.uri), []);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok((await lensesOf(plan.document.uri)).length > 0, 'lenses come back when the setting is restored');
  });

  it('shows lenses in a plan without any status field too', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('PLAIN_PLAN.md'));
    assert.deepEqual(titlesByLine(await lensesOf(document.uri)), {
      3: ['▶ Start phase', '0/2 tasks · criteria 0/1', '1 dependent'],
      11: ['▶ Start phase', '0/1 task', '$(watch) waiting on Phase 1'],
    });
  });

  it('looks right in the editor (screenshot)', async () => {
    const editor = await vscode.window.showTextDocument(plan.document);
    editor.revealRange(new vscode.Range(14, 0, 14, 0), vscode.TextEditorRevealType.AtTop);
    assert.ok((await lensesOf(plan.document.uri)).length > 0);
    // The workbench draws lenses after the provider answers; give it a moment before the picture.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await screenshot('codelens.png');
  });
});
