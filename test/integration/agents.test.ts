// Agents work through PhaseLens, in a real VS Code: the language-model tools (registered, invoked
// through vscode.lm.invokeTool, a write that one undo takes back, a refused completion) and a run
// started in a real terminal, followed through shell integration to its exit code and announced.
// Fixtures: test/fixtures/workspace/agents/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Run } from '../../src/core/runs';
import type { RunEndNotice } from '../../src/vscode/runs/runNotifications';
import { until } from './events';
import { api, changedLines, setWorkspaceSettings, withDialog } from './phaseActionsSupport';
import { screenshot } from './screenshot';

const TOOLS = ['phaselens_list_phases', 'phaselens_get_phase', 'phaselens_next_ready_phase', 'phaselens_set_task', 'phaselens_set_phase_status', 'phaselens_complete_phase'];
const planUri = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'agents', 'AGENT_PLAN.md');

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

describe('agents: plan tools and runs', function () {
  // Generous: the last tests start Node processes from a real terminal on a shared, loaded machine.
  this.timeout(300_000);
  let original: string;
  let document: vscode.TextDocument;

  before(async () => {
    await api();
    original = fs.readFileSync(planUri().fsPath, 'utf8');
    document = await vscode.workspace.openTextDocument(planUri());
    await vscode.window.showTextDocument(document, { preview: false });
  });

  afterEach(async () => {
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(edit));
    }
    if (document.isDirty) await document.save();
    if (fs.readFileSync(planUri().fsPath, 'utf8') !== original) fs.writeFileSync(planUri().fsPath, original);
  });

  it('registers the six tools for every extension and Copilot', () => {
    const names = vscode.lm.tools.map((tool) => tool.name);
    for (const name of TOOLS) assert.ok(names.includes(name), `${name} is not in vscode.lm.tools`);
    const setTask = vscode.lm.tools.find((tool) => tool.name === 'phaselens_set_task')!;
    assert.deepEqual((setTask.inputSchema as { required?: string[] }).required, ['phase', 'task']);
  });

  it('reads a phase and the next ready one', async () => {
    const phase = JSON.parse(await invoke('phaselens_get_phase', { phase: '92', file: 'agents/AGENT_PLAN.md' }));
    assert.deepEqual(phase.tasks.map((task: { index: number; text: string }) => `${task.index} ${task.text}`), ['1 Diff local and remote changes', '2 Resolve conflicts', '3 Retry failed uploads']);
    assert.equal(phase.dependencies[0].status, 'done');
    const listed = JSON.parse(await invoke('phaselens_list_phases', { file: 'agents/AGENT_PLAN.md' }));
    assert.deepEqual(listed.map((entry: { id: string; status: string }) => `${entry.id} ${entry.status}`), ['91 done', '92 planned', '93 planned']);
  });

  it('checks a task off as one undoable edit of one line', async () => {
    const text = await invoke('phaselens_set_task', { phase: '92', file: 'agents/AGENT_PLAN.md', task: 2 });
    assert.match(text, /Checked task 2 of Phase 92 \("Resolve conflicts"\)/);
    assert.deepEqual(changedLines(original, document.getText()), [[15, '- [x] Resolve conflicts']]);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });

  it('refuses to complete a phase with open tasks, and changes nothing', async () => {
    const answer = JSON.parse(await invoke('phaselens_complete_phase', { phase: '92', file: 'agents/AGENT_PLAN.md' }));
    assert.equal(answer.error, 'refused');
    assert.deepEqual(answer.open, ['task 1: Diff local and remote changes', 'task 2: Resolve conflicts', 'task 3: Retry failed uploads', 'criterion: Two devices converge after going offline']);
    assert.equal(document.getText(), original);
    assert.ok(!document.isDirty);
  });

  it('an unknown phase is an answer that says so', async () => {
    assert.equal(JSON.parse(await invoke('phaselens_get_phase', { phase: 'P404' })).error, 'unknown-phase');
  });

  it('a phase started in a terminal is a run: shown running, then followed to its exit and announced', async () => {
    const extension = await api();
    const runs = extension.runs;
    const tree = extension.tree;
    const go = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-run-')), 'go');
    const agent = vscode.Uri.joinPath(planUri(), '..', 'fake-agent.js').fsPath;
    const restore = await setWorkspaceSettings({ 'launch.action': 'terminal', 'launch.command': `${process.execPath} ${agent} ${go} 0` });
    const notices: RunEndNotice[] = [];
    const listening = runs.onDidNotify((notice) => notices.push(notice));
    let run: Run | undefined;
    try {
      await withDialog('showInformationMessage', () => undefined, async () => {
        const target = { uri: planUri().toString(), key: 'phase:92', line: 10 };
        const result = await vscode.commands.executeCommand<{ launch?: { kind: string; run?: string } }>('phaselens.startPhase', target);
        assert.equal(result?.launch?.kind, 'launched');
        const id = result!.launch!.run!;
        run = runs.tracker.runs().find((candidate) => candidate.id === id);
        assert.equal(run?.state, 'running');
        assert.equal(runs.tracker.running().length, 1);

        // What the user sees while it runs: the tree and the lens.
        await vscode.commands.executeCommand('phaselens.phases.focus');
        const node = tree.provider.findPhaseNode(target)!;
        assert.ok(node, 'Phase 92 is not in the tree');
        assert.match(String(tree.provider.getTreeItem(node).description), /^▶ running · <1 min/);
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', planUri())) ?? [];
        assert.ok(lenses.some((lens) => lens.command?.title.startsWith('▶ running')), 'no running lens');
        await tree.view.reveal(node, { expand: true, select: true, focus: false });
        await vscode.window.showTextDocument(document, { preview: false });
        // A wider side bar, so the tree's run badge reads in full; the new terminal is blank until the agent prints.
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        for (let step = 0; step < 6; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        const picture = await screenshot('agents-run.png');
        if (picture) console.log(`      picture: ${picture}`);

        // The agent exits 0: shell integration reports it, the run ends, and the user is told what is open.
        fs.writeFileSync(go, '');
        await until('the run-end notification', runs.onDidNotify, () => notices.some((notice) => notice.run.id === id));
        const ended = runs.tracker.runs().find((candidate) => candidate.id === id)!;
        assert.deepEqual([ended.state, ended.endReason, ended.exitCode], ['ended', 'exit', 0]);
        const notice = notices.find((candidate) => candidate.run.id === id)!;
        assert.match(notice.message, /^Phase 92's run finished \(exit code 0\)\. Still open \(4\): task 1: Diff local and remote changes;/);
        assert.deepEqual(notice.actions, ['Complete', 'Show']);
        assert.equal(runs.tracker.running().length, 0);
        assert.equal(tree.provider.getTreeItem(tree.provider.findPhaseNode(target)!).description?.toString().startsWith('■ run finished'), true);
      });
    } finally {
      listening.dispose();
      if (run) runs.tracker.terminalOf(run)?.dispose();
      await restore();
      fs.rmSync(path.dirname(go), { recursive: true, force: true });
    }
  });

  it('an agent in a terminal works through phaselens mcp: ticks every task, is refused completion, and the editor follows', async () => {
    const extension = await api();
    const runs = extension.runs;
    const server = path.join(vscode.extensions.getExtension('phaselens.phaselens')!.extensionPath, 'dist', 'mcpServer.js');
    const agent = vscode.Uri.joinPath(planUri(), '..', 'mcp-agent.js').fsPath;
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-agent-')), 'log.json');
    const restore = await setWorkspaceSettings({ 'launch.action': 'terminal', 'launch.command': `${process.execPath} ${agent} ${server} ${root} \${phaseId} ${log}` });
    const notices: RunEndNotice[] = [];
    const listening = runs.onDidNotify((notice) => notices.push(notice));
    let id: string | undefined;
    try {
      await withDialog('showInformationMessage', () => undefined, async () => {
        const result = await vscode.commands.executeCommand<{ launch?: { kind: string; run?: string } }>('phaselens.startPhase', { uri: planUri().toString(), key: 'phase:92', line: 10 });
        id = result?.launch?.run;
        assert.ok(id, `not launched as a run: ${JSON.stringify(result)}`);
        await until('the agent run to end', runs.onDidNotify, () => notices.some((notice) => notice.run.id === id), 200_000);
      });
      const calls = JSON.parse(fs.readFileSync(log, 'utf8')) as Array<{ name: string; isError: boolean; text: string }>;
      assert.deepEqual(calls.map((call) => `${call.name}${call.isError ? ' (error)' : ''}`), ['get_phase', 'set_task', 'set_task', 'set_task', 'complete_phase (error)']);
      assert.deepEqual(JSON.parse(calls[4]!.text).open, ['criterion: Two devices converge after going offline']);
      // The editor shows what the agent wrote on disk: every task checked, the phase still in progress.
      await until('the document to show the agent\'s ticks', vscode.workspace.onDidChangeTextDocument, () => document.getText().includes('- [x] Retry failed uploads'));
      for (const task of ['Diff local and remote changes', 'Resolve conflicts', 'Retry failed uploads']) assert.ok(document.getText().includes(`- [x] ${task}`), task);
      assert.ok(document.getText().includes('**Status**: In Progress'));
      const notice = notices.find((candidate) => candidate.run.id === id)!;
      assert.equal(notice.message, "Phase 92's run finished (exit code 0). Still open (1): criterion: Two devices converge after going offline.");
      assert.deepEqual(notice.actions, ['Complete', 'Show']);
    } finally {
      listening.dispose();
      const run = id && runs.tracker.runs().find((candidate) => candidate.id === id);
      if (run) runs.tracker.terminalOf(run)?.dispose();
      await restore();
      fs.rmSync(path.dirname(log), { recursive: true, force: true });
    }
  });
});
