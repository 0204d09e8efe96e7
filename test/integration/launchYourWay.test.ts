// Launching a phase your way, in a real VS Code: the launch action (clipboard, chat, none, terminal
// with a team template), the prompt template from a workspace file (unknown variables, a missing
// file, a path or link leading out of the workspace), Start Next Ready Phase, and a git branch per
// phase in a throwaway repository. Fixtures: test/fixtures/workspace/launch/.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nextReadyPhase } from '../../src/core/nextReadyPhase';
import type { PhaseLensApi } from '../../src/vscode/api';
import type { GitApi } from '../../src/vscode/launch/gitApi';
import { until } from './events';
import { api, setWorkspaceSettings, waitForFile, withDialog, type DialogCall } from './phaseActionsSupport';
import { screenshot } from './screenshot';

interface Result {
  outcome: string;
  launch?: { kind: string; chatUnavailable?: boolean };
  branch?: { kind: string; branch?: string; reason?: string };
  target?: { uri: string; key: string; line: number };
}

const run = async (command: string, ...args: unknown[]): Promise<Result | undefined> => vscode.commands.executeCommand<Result | undefined>(command, ...args);
const root = () => vscode.workspace.workspaceFolders![0]!.uri;
const launchUri = (...parts: string[]) => vscode.Uri.joinPath(root(), 'launch', ...parts);

interface OpenPlan {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  original: string;
  target(key: string): { uri: string; key: string; line: number };
  restore(): Promise<void>;
}

/** Opens a plan of the launch fixtures; `restore` puts document and file back exactly as they were. */
async function openPlan(uri: vscode.Uri): Promise<OpenPlan> {
  const original = fs.readFileSync(uri.fsPath, 'utf8');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  assert.equal(document.getText(), original, `${path.basename(uri.fsPath)} is open with unsaved changes from an earlier test`);
  return {
    uri,
    document,
    original,
    target(key) {
      const line = document.getText().split('\n').findIndex((text) => new RegExp(`^#+ Phase ${key.slice('phase:'.length)}\\b`, 'i').test(text)) + 1;
      assert.ok(line > 0, `no heading for ${key}`);
      return { uri: uri.toString(), key, line };
    },
    async restore() {
      if (document.getText() !== original) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
        assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${uri.fsPath}`);
      }
      if (document.isDirty) await document.save();
      if (fs.readFileSync(uri.fsPath, 'utf8') !== original) fs.writeFileSync(uri.fsPath, original);
    },
  };
}

type MessageFunction = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage';

/** Records every message of the three kinds, in order, while `body` runs, answering each with `answer`. */
async function withMessages<T>(answer: (call: DialogCall) => string | undefined, body: (calls: DialogCall[]) => Promise<T>): Promise<T> {
  const calls: DialogCall[] = [];
  const nest = (names: MessageFunction[]): Promise<T> => {
    const [first, ...rest] = names;
    if (!first) return body(calls);
    return withDialog(first, (call) => {
      calls.push(call);
      return answer(call);
    }, () => nest(rest));
  };
  return nest(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
}

async function clipboardAfter(command: () => Thenable<unknown>): Promise<string> {
  await vscode.env.clipboard.writeText('');
  await command();
  return vscode.env.clipboard.readText();
}

describe('launch your way: actions and prompt templates', () => {
  let plan: OpenPlan;
  let phaselens: PhaseLensApi;
  before(async () => {
    phaselens = await api();
    plan = await openPlan(launchUri('LAUNCH_YOUR_WAY.md'));
  });
  afterEach(async () => plan.restore());

  it('clipboard: Start sets the status, copies the prompt and says so', async () => {
    const restore = await setWorkspaceSettings({ 'launch.action': 'clipboard' });
    try {
      await vscode.env.clipboard.writeText('');
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startPhase', plan.target('phase:81d')), calls }));
      assert.equal(result?.outcome, 'applied');
      assert.deepEqual(result?.launch, { kind: 'clipboard' });
      assert.deepEqual(
        calls.map((call) => call.message),
        ['Phase 81D is in progress. Its prompt is on the clipboard.'],
      );
      const copied = await vscode.env.clipboard.readText();
      assert.match(copied, /^# Phase 81D: Docs\n\nThis is Phase 81D of the plan "Launch Your Way" in `launch\/LAUNCH_YOUR_WAY\.md` \(line 28\)\. Status: in progress, 0 of 1 task done\.\n/);
      assert.match(copied, /## Success criteria\nThe plan states none for Phase 81D: it is done when every task above is checked off\.\n/);
      assert.equal(copied, await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81d'))), 'the same prompt as Copy Phase as Prompt');
      assert.match(plan.document.getText(), /## Phase 81D: Docs\n\n\*\*Status\*\*: /);
    } finally {
      await restore();
    }
  });

  it('none: Start only sets the status, without a word', async () => {
    const restore = await setWorkspaceSettings({ 'launch.action': 'none' });
    try {
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startPhase', plan.target('phase:81d')), calls }));
      assert.equal(result?.outcome, 'applied');
      assert.deepEqual(result?.launch, { kind: 'none' });
      assert.deepEqual(calls, []);
      assert.notEqual(plan.document.getText(), plan.original);
    } finally {
      await restore();
    }
  });

  it('chat: opens the chat where there is one, else copies the prompt and says why', async () => {
    const restore = await setWorkspaceSettings({ 'launch.action': 'chat' });
    try {
      const hasCommand = (await vscode.commands.getCommands(true)).includes('workbench.action.chat.open');
      const aiDisabled = vscode.workspace.getConfiguration('chat').get<boolean>('disableAIFeatures', false);
      console.log(`      [chat] ${vscode.env.appName}: workbench.action.chat.open ${hasCommand ? 'exists' : 'does not exist'}; chat.disableAIFeatures is ${aiDisabled}`);
      await vscode.env.clipboard.writeText('');
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startPhase', plan.target('phase:81d')), calls }));
      assert.equal(result?.outcome, 'applied');
      if (hasCommand && !aiDisabled) {
        assert.deepEqual(result?.launch, { kind: 'chat' });
        await screenshot('launch-chat.png');
      } else {
        assert.deepEqual(result?.launch, { kind: 'clipboard', chatUnavailable: true });
        assert.deepEqual(
          calls.map((call) => call.message),
          ['Phase 81D is in progress. There is no chat in this VS Code to open, so its prompt is on the clipboard instead.'],
        );
        assert.match(await vscode.env.clipboard.readText(), /^# Phase 81D: Docs\n/);
      }
    } finally {
      await restore();
    }
  });

  it('chat: with AI features on, hands the prompt to the chat when VS Code has the command', async function () {
    if (!(await vscode.commands.getCommands(true)).includes('workbench.action.chat.open')) {
      console.log('      (skipped: this VS Code has no chat command)');
      this.skip();
    }
    const chat = vscode.workspace.getConfiguration('chat');
    const before = chat.inspect<boolean>('disableAIFeatures')?.globalValue;
    const restore = await setWorkspaceSettings({ 'launch.action': 'chat' });
    await chat.update('disableAIFeatures', false, vscode.ConfigurationTarget.Global);
    try {
      const result = await withMessages(() => undefined, async () => run('phaselens.startPhase', plan.target('phase:81d')));
      assert.deepEqual(result?.launch, { kind: 'chat' });
      await screenshot('launch-chat.png');
    } finally {
      await chat.update('disableAIFeatures', before, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      await restore();
    }
  });

  it('promptTemplate: Copy Phase as Prompt fills the workspace template', async () => {
    const restore = await setWorkspaceSettings({ 'launch.promptTemplate': 'launch/.phaselens/prompt.md' });
    try {
      const copied = await withMessages(() => undefined, async (calls) => {
        const text = await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b')));
        assert.deepEqual(calls, [], 'a template with known variables only is not reported');
        return text;
      });
      assert.equal(
        copied,
        [
          '# Phase 81B: Importer "quoted" & $(touch pwned)',
          '',
          'Team template. Plan "Launch Your Way", `launch/LAUNCH_YOUR_WAY.md` line 18, status planned.',
          '',
          'Tasks:',
          '- [ ] Read CSV',
          '- [ ] Read JSON',
          '',
          'Criteria:',
          '- [ ] Every fixture round-trips',
          '',
          'Builds on:',
          '- Phase 81A: Schema — done',
          '',
          'Literal: ${phaseId}; shell-looking text stays text: $(touch pwned-by-template) `id`',
          '',
        ].join('\n'),
      );
    } finally {
      await restore();
    }
  });

  it('promptTemplate: a terminal command receives the filled template as one inert argument', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-launch-')), 'received.json');
    const receiver = launchUri('receive-args.js').fsPath;
    const restore = await setWorkspaceSettings({
      'launch.action': 'terminal',
      'launch.promptTemplate': 'launch/.phaselens/prompt.md',
      'launch.command': `${process.execPath} ${receiver} ${out} \${prompt} \${phaseTitle}`,
    });
    const terminals: vscode.Terminal[] = [];
    const watcher = vscode.window.onDidOpenTerminal((terminal) => terminals.push(terminal));
    try {
      const result = await run('phaselens.startPhase', plan.target('phase:81b'));
      assert.equal(result?.launch?.kind, 'launched');
      const received = JSON.parse(await waitForFile(out, 60_000)) as { args: string[] };
      const prompt = await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b')));
      assert.match(prompt, /status in progress\./);
      assert.deepEqual(received.args, [prompt, 'Importer "quoted" & $(touch pwned)']);
      for (const name of ['pwned', 'pwned-by-template']) assert.ok(!fs.existsSync(path.join(root().fsPath, name)), `${name} was created`);
    } finally {
      watcher.dispose();
      for (const terminal of terminals) terminal.dispose();
      await restore();
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });

  it('promptTemplate: unknown variables are left as written and reported once', async () => {
    const file = launchUri('.phaselens', `unknown-${process.pid}.md`);
    fs.writeFileSync(file.fsPath, 'Owner: ${owner}; phase ${phaseId}; due ${due}; owner again ${owner}\n');
    const restore = await setWorkspaceSettings({ 'launch.promptTemplate': `launch/.phaselens/unknown-${process.pid}.md` });
    try {
      await withDialog('showWarningMessage', () => undefined, async (calls) => {
        const first = await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b')));
        assert.equal(first, 'Owner: ${owner}; phase 81B; due ${due}; owner again ${owner}\n');
        assert.equal(calls.length, 1);
        assert.match(calls[0]!.message, /^The prompt template launch\/\.phaselens\/unknown-\d+\.md uses \$\{owner\}, \$\{due\}, which PhaseLens does not know; it is left as written\. Variables: \$\{phaseId\} \$\{phaseName\} /);
        assert.deepEqual(calls[0]!.items, ['Open Template']);
        await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81d')));
        assert.equal(calls.length, 1, 'reported once');
      });
    } finally {
      await restore();
      fs.rmSync(file.fsPath, { force: true });
    }
  });

  it('promptTemplate: a missing file is reported and the built-in prompt used', async () => {
    const builtIn = await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b')));
    const restore = await setWorkspaceSettings({ 'launch.promptTemplate': 'launch/.phaselens/missing.md' });
    try {
      await withDialog('showWarningMessage', () => undefined, async (calls) => {
        assert.equal(await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b'))), builtIn);
        assert.deepEqual(
          calls.map((call) => [call.message, call.items]),
          [['PhaseLens used its built-in prompt: the prompt template "launch/.phaselens/missing.md" does not exist.', ['Create Template', 'Open Setting']]],
        );
      });
      assert.ok(!fs.existsSync(launchUri('.phaselens', 'missing.md').fsPath));
    } finally {
      await restore();
    }
  });

  it('promptTemplate: a workspace may not name a file outside itself, directly or through a link', async () => {
    const builtIn = await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b')));
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-secret-')), 'secret.md');
    fs.writeFileSync(outside, 'SECRET ${phaseId}\n');
    const link = launchUri('.phaselens', `link-${process.pid}.md`).fsPath;
    fs.symlinkSync(outside, link);
    try {
      for (const [written, reason] of [
        [outside, /is outside the workspace folder, and a workspace may only name its own files\.$/],
        [path.relative(root().fsPath, outside), /is outside the workspace folder/],
        [`launch/.phaselens/link-${process.pid}.md`, /leads outside the workspace folder through a symbolic link\.$/],
      ] as const) {
        const restore = await setWorkspaceSettings({ 'launch.promptTemplate': written });
        try {
          await withDialog('showWarningMessage', () => undefined, async (calls) => {
            const copied = await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b')));
            assert.equal(copied, builtIn, written);
            assert.equal(calls.length, 1, written);
            assert.match(calls[0]!.message, reason);
          });
        } finally {
          await restore();
        }
      }
      // The same file named in the user's own settings is theirs to use.
      const config = vscode.workspace.getConfiguration('phaselens');
      await config.update('launch.promptTemplate', outside, vscode.ConfigurationTarget.Global);
      try {
        assert.equal(await clipboardAfter(() => run('phaselens.copyPhasePrompt', plan.target('phase:81b'))), 'SECRET 81B\n');
      } finally {
        await config.update('launch.promptTemplate', undefined, vscode.ConfigurationTarget.Global);
      }
    } finally {
      fs.rmSync(link, { force: true });
      fs.rmSync(path.dirname(outside), { recursive: true, force: true });
    }
  });

  describe('Start Next Ready Phase', () => {
    it('starts the first ready phase in dependency order (81B, though 81C comes first in the file), naming it', async () => {
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startNextReadyPhase', plan.uri), calls }));
      assert.equal(result?.outcome, 'applied');
      assert.equal(result?.target?.key, 'phase:81b');
      assert.equal(calls[0]?.message, 'Starting Phase 81B: Importer "quoted" & $(touch pwned) (launch/LAUNCH_YOUR_WAY.md), the next phase ready in launch/LAUNCH_YOUR_WAY.md.');
      assert.deepEqual(calls[0]?.items, ['Open']);
      const lines = plan.document.getText().split('\n');
      // In the plan's own style: its other status field says "✅ Done".
      assert.deepEqual(lines.slice(17, 21), ['## Phase 81B: Importer "quoted" & $(touch pwned)', '', '**Status**: 🚧 In Progress', '**Depends on**: Phase 81A']);
      assert.equal(fs.readFileSync(plan.uri.fsPath, 'utf8'), plan.document.getText(), 'saved');
    });

    it('takes the next one once that is in progress', async () => {
      await withMessages(() => undefined, () => run('phaselens.startNextReadyPhase', { uri: plan.uri.toString() }));
      const second = await withMessages(() => undefined, () => run('phaselens.startNextReadyPhase', { uri: plan.uri.toString() }));
      assert.equal(second?.target?.key, 'phase:81d');
    });

    it('says why when no phase is ready', async () => {
      const nothing = launchUri('NOTHING_READY.md');
      const before = fs.readFileSync(nothing.fsPath, 'utf8');
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startNextReadyPhase', nothing), calls }));
      assert.equal(result?.outcome, 'no-phase');
      assert.deepEqual(
        calls.map((call) => call.message),
        ['No phase in launch/NOTHING_READY.md is ready to start. In progress: Phase 88. Waiting: Phase 89 on Phase 88 (in progress).'],
      );
      assert.equal(fs.readFileSync(nothing.fsPath, 'utf8'), before);
    });

    it('from the palette looks at the whole workspace, in dependency order', async () => {
      await phaselens.store.ensureIndexed();
      const expected = nextReadyPhase(phaselens.store.index());
      assert.equal(expected.kind, 'ready', 'the fixture workspace has a ready phase');
      if (expected.kind !== 'ready') return;
      // The phase may be in another suite's plan: it is put back exactly as it was.
      const chosen = expected.phase.plan.file === plan.uri.toString() ? plan : await openPlan(vscode.Uri.parse(expected.phase.plan.file));
      try {
        const result = await withMessages(() => undefined, () => run('phaselens.startNextReadyPhase'));
        assert.deepEqual(result?.target && { uri: result.target.uri, key: result.target.key }, { uri: expected.phase.plan.file, key: expected.phase.phase.key });
        assert.equal(result?.outcome, 'applied');
      } finally {
        await chosen.restore();
      }
    });
  });
});

describe('launch your way: a git branch per phase', () => {
  let git: GitApi | undefined;
  let restoreSettings: () => Promise<void>;

  before(async () => {
    await api();
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    git = extension ? (await extension.activate()).getAPI(1) : undefined;
    restoreSettings = await setWorkspaceSettings({ 'launch.branch': 'phase-${phaseId}-${slug}', 'launch.action': 'none' });
  });
  after(async () => restoreSettings());

  it('without a repository: says so, and starts the phase without a branch', async function () {
    const plan = await openPlan(launchUri('LAUNCH_YOUR_WAY.md'));
    // Never against a repository this suite did not make (the project's own checkout, say).
    if (!git || git.getRepository(plan.uri)) {
      console.log(`      (skipped: ${git ? 'the Git extension has a repository open for the fixtures' : 'no Git extension'})`);
      this.skip();
    }
    try {
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startPhase', plan.target('phase:81d')), calls }));
      assert.equal(result?.outcome, 'applied');
      assert.deepEqual(result?.branch, { kind: 'no-repository' });
      assert.deepEqual(
        calls.map((call) => call.message),
        ['PhaseLens did not switch to a branch for Phase 81D: launch/LAUNCH_YOUR_WAY.md is not in a Git repository that VS Code has open.'],
      );
    } finally {
      await plan.restore();
    }
  });

  describe('in a throwaway repository', () => {
    const sandbox = () => launchUri(`git-sandbox-${process.pid}`);
    const planFile = () => vscode.Uri.joinPath(sandbox(), 'BRANCH_PLAN.md');
    const gitIn = (...args: string[]) => execFileSync('git', ['-c', 'user.name=PhaseLens Test', '-c', 'user.email=test@phaselens.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: sandbox().fsPath, encoding: 'utf8' }).trim();
    const head = () => gitIn('rev-parse', '--abbrev-ref', 'HEAD');
    let plan: OpenPlan;

    before(async function () {
      if (!git) {
        console.log('      (skipped: no Git extension)');
        this.skip();
      }
      fs.mkdirSync(sandbox().fsPath, { recursive: true });
      fs.writeFileSync(planFile().fsPath, ['# Branch Plan', '', '## Phase 81E: Branch Me!', '', '- [ ] Work on a branch of its own', '', '**Success Criteria**:', '- The work is on phase-81E-branch-me', ''].join('\n'));
      gitIn('init', '-q', '-b', 'main');
      gitIn('add', '.');
      gitIn('commit', '-q', '-m', 'plan');
      const opened = await (git as GitApi & { openRepository(root: vscode.Uri): Promise<unknown> }).openRepository(sandbox());
      const found = git!.getRepository(planFile());
      // Only ever against the repository made here.
      if (!opened || !found || path.resolve(found.rootUri.fsPath) !== path.resolve(sandbox().fsPath)) {
        console.log('      (skipped: the Git extension did not open the throwaway repository)');
        this.skip();
      }
      plan = await openPlan(planFile());
    });

    after(async () => {
      if (plan) {
        await vscode.window.showTextDocument(plan.document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      fs.rmSync(sandbox().fsPath, { recursive: true, force: true });
    });

    /** After git changed the file under an open, saved document: VS Code's reload has arrived. */
    const reloaded = () => until('the plan to be reloaded from disk', vscode.workspace.onDidChangeTextDocument, () => plan.document.getText() === fs.readFileSync(planFile().fsPath, 'utf8'));

    it('creates the branch from the title, switches to it, then writes the status there', async () => {
      const result = await withMessages(() => undefined, () => run('phaselens.startPhase', plan.target('phase:81e')));
      assert.equal(result?.outcome, 'applied');
      assert.deepEqual(result?.branch, { kind: 'created', branch: 'phase-81E-branch-me' });
      assert.equal(head(), 'phase-81E-branch-me');
      assert.equal(gitIn('diff', '--name-only'), 'BRANCH_PLAN.md', 'the status change is not committed');
      await screenshot('launch-branch.png');
    });

    it('stays on the branch when the phase is started again', async () => {
      const result = await withMessages(() => undefined, () => run('phaselens.startPhase', plan.target('phase:81e')));
      assert.deepEqual(result?.branch, { kind: 'already-on', branch: 'phase-81E-branch-me' });
      assert.equal(head(), 'phase-81E-branch-me');
    });

    it('asks before switching over uncommitted changes: Cancel stops the start', async () => {
      gitIn('checkout', '-q', 'main'); // the uncommitted status line comes along
      const { result, calls } = await withMessages(() => undefined, async (calls) => ({ result: await run('phaselens.startPhase', plan.target('phase:81e')), calls }));
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.message, `The repository git-sandbox-${process.pid} has uncommitted changes (1 file). Switch to branch phase-81E-branch-me for Phase 81E anyway?`);
      assert.equal(calls[0]!.options?.modal, true);
      assert.deepEqual(calls[0]!.items, ['Switch Anyway', 'Start Without Switching']);
      assert.equal(result?.outcome, 'cancelled');
      assert.equal(head(), 'main');
    });

    it('Start Without Switching starts on the current branch', async () => {
      const result = await withMessages((call) => (call.options?.modal ? 'Start Without Switching' : undefined), () => run('phaselens.startPhase', plan.target('phase:81e')));
      assert.deepEqual(result?.branch, { kind: 'kept', branch: 'phase-81E-branch-me', reason: 'changes' });
      assert.equal(head(), 'main');
    });

    it('Switch Anyway checks the branch out, carrying the changes', async () => {
      const result = await withMessages((call) => (call.options?.modal ? 'Switch Anyway' : undefined), () => run('phaselens.startPhase', plan.target('phase:81e')));
      assert.deepEqual(result?.branch, { kind: 'switched', branch: 'phase-81E-branch-me' });
      assert.equal(head(), 'phase-81E-branch-me');
      assert.equal(gitIn('diff', '--name-only'), 'BRANCH_PLAN.md', 'the status change is not committed');
    });

    it('when git refuses to switch, says why and offers to start without switching', async () => {
      gitIn('commit', '-q', '-am', 'Phase 81E in progress');
      gitIn('checkout', '-q', 'main');
      await reloaded();
      // An uncommitted change to the same file that the branch changed: git will not check it out.
      fs.appendFileSync(planFile().fsPath, '\nA note written on main.\n');
      await reloaded();
      const { result, calls } = await withMessages((call) => (call.options?.modal ? (call.items.includes('Switch Anyway') ? 'Switch Anyway' : 'Start Without Switching') : undefined), async (calls) => ({
        result: await run('phaselens.startPhase', plan.target('phase:81e')),
        calls,
      }));
      assert.equal(head(), 'main');
      assert.deepEqual(result?.branch, { kind: 'kept', branch: 'phase-81E-branch-me', reason: 'git-refused' });
      const refusal = calls.find((call) => call.message.startsWith('Git did not switch'));
      assert.ok(refusal, calls.map((call) => call.message).join('\n'));
      assert.match(refusal.message, /^Git did not switch to branch phase-81E-branch-me: .*overwritten.*\. Start Phase 81E without switching\?$/s);
      assert.equal(refusal.options?.modal, true);
      assert.equal(result?.outcome, 'applied', 'the status is written on main');
    });
  });
});
