// The pictures in the README, taken from a real VS Code on the example plans (examples/), with the
// checks that make them worth showing: the tree, the lenses, the Problems panel, the rename edit, the
// completions, the references and the started phase say what a user should see there. Where the
// workbench draws something without telling the extension host (a peek, the suggest widget, the
// refactor preview, the chat input), the runner waits for it on the page before the picture, and the
// few keys a user would press there are pressed through the runner too. The example plans are left
// exactly as they were. Runs in its own session: PHASELENS_SUITES=readme (npm run screenshots).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { nextReadyPhase } from '../../../src/core/nextReadyPhase';
import type { PhaseLensApi } from '../../../src/vscode/api';
import type { PhasesTreeApi } from '../../../src/vscode/tree/registerPhasesView';
import type { PhaseNode, TreeNode } from '../../../src/vscode/tree/nodes';
import { until } from '../events';
import { withRenamePreview } from '../renamePreview';
import { keyboard, screenshot } from '../screenshot';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const roadmap = () => vscode.Uri.joinPath(folder(), 'ROADMAP.md');
const phase3Plan = () => vscode.Uri.joinPath(folder(), 'PHASING', 'PHASE_3.md');
const labelOf = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label);

/** The 0-based line of `document` that reads exactly `text`. */
function lineIndex(document: vscode.TextDocument, text: string): number {
  const line = document.getText().split(/\r?\n/).indexOf(text);
  assert.ok(line >= 0, `no line "${text}" in ${path.basename(document.uri.fsPath)}`);
  return line;
}

/** `FILE:line "text"`, 1-based, for a range of a file. */
async function located(uri: vscode.Uri, range: vscode.Range): Promise<string> {
  const document = await vscode.workspace.openTextDocument(uri);
  return `${path.basename(uri.fsPath)}:${range.start.line + 1} "${document.getText(range)}"`;
}

/** The example plans as they are on disk now, to check that a test left every one as it found it. */
function snapshotExamples(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(full, fs.readFileSync(full, 'utf8'));
    }
  };
  walk(folder().fsPath);
  return files;
}

/** Every example file is as in `before`, on disk and in any open editor, with nothing left unsaved. */
function assertExamplesUnchanged(before: Map<string, string>) {
  assert.deepEqual(snapshotExamples(), before, 'the example files on disk are as they were');
  for (const document of vscode.workspace.textDocuments) {
    if (document.uri.scheme !== 'file' || !before.has(document.uri.fsPath)) continue;
    assert.equal(document.isDirty, false, `${path.basename(document.uri.fsPath)} has unsaved changes`);
    assert.equal(document.getText(), before.get(document.uri.fsPath), `${path.basename(document.uri.fsPath)} reads as before`);
  }
}

describe('README pictures of the example plans', () => {
  let api: PhaseLensApi;
  let tree: PhasesTreeApi;
  let examples: Map<string, string>;

  before(async () => {
    examples = snapshotExamples();
    api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    tree = api.tree;
    await api.store.ensureIndexed();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // Whatever a test did or failed to undo, the example plans end as they began: unsaved changes
  // reverted, files as they were. (Each test also asserts that it left them so itself.)
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== 'file' || !examples.has(document.uri.fsPath) || !document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    for (const [file, text] of examples) if (fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  });

  async function phaseNodes(node?: TreeNode): Promise<PhaseNode[]> {
    const children = await tree.provider.getChildren(node);
    const phases = children.filter((child): child is PhaseNode => child.kind === 'phase');
    const nested = await Promise.all(phases.map((phase) => phaseNodes(phase)));
    return [...phases, ...nested.flat()];
  }

  it('the Phases view lists every example plan with its progress', async () => {
    await vscode.commands.executeCommand('phaselens.phases.focus');
    const roots = await tree.provider.getChildren();
    assert.deepEqual(roots.map((node) => labelOf(tree.provider.getTreeItem(node) as vscode.TreeItem)).sort(), [
      'Phase 3: Navigation — Detailed Plan',
      'Phase 5: Wearables',
      'Tasks: Trail Sharing (spec-kit style)',
      'Trailhead Roadmap: Offline-First Hiking Companion',
    ]);
    const roadmapNode = roots.find((node) => node.uri === roadmap().toString())!;
    const phases = await phaseNodes(roadmapNode);
    const described = phases.map((node) => [node.phase.id, (tree.provider.getTreeItem(node) as vscode.TreeItem).description]);
    assert.deepEqual(described.slice(0, 2), [['1', '3/3'], ['2', '2/4']]);

    const document = await vscode.workspace.openTextDocument(roadmap());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const phase2 = phases.find((node) => node.phase.id === '2')!;
    editor.revealRange(new vscode.Range(phase2.phase.line - 2, 0, phase2.phase.line + 10, 0), vscode.TextEditorRevealType.AtTop);
    editor.selection = new vscode.Selection(phase2.phase.line + 5, 0, phase2.phase.line + 5, 0);
    await tree.view.reveal(phase2, { expand: true, select: true, focus: false });
    // A wider side bar, so labels read in full: narrowing the editor widens it.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    for (let step = 0; step < 4; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await api.diagnostics.whenIdle();
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const titles = lenses.filter((lens) => lens.range.start.line === phase2.phase.line - 1).map((lens) => lens.command?.title);
    assert.ok(titles.some((title) => title?.includes('Complete phase')), `lenses above Phase 2: ${titles.join(' | ')}`);
    const problems = vscode.languages.getDiagnostics(roadmap()).map((diagnostic) => diagnostic.message);
    assert.deepEqual(problems, ['Phase 4 has no success criteria; add them so you can tell when it is done']);
    const file = await screenshot('overview.png');
    if (file) console.log(`      picture: ${file}`);
  });

  it('hovering a dependency shows the phase it names, and F12 goes there', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const uri = vscode.Uri.joinPath(folder(), 'PHASING', 'PHASE_3.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('**Builds On**: P3.1'));
    const position = new vscode.Position(line, '**Builds On**: P3'.length);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /Route Matching/);
    const definitions = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position)) ?? [];
    const target = definitions[0]!;
    const targetLine = 'targetRange' in target ? target.targetSelectionRange?.start.line ?? target.targetRange.start.line : target.range.start.line;
    assert.equal(document.lineAt(targetLine).text, '### P3.1: Route Matching (Week 1-2)');
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(line - 6, 0, line + 12, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('editor.action.showHover');
    const file = await screenshot('hover.png');
    if (file) console.log(`      picture: ${file}`);
  });

  it('the dependency graph shows the plans in dependency order', async () => {
    const graph = api.graph;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const rendered = new Promise<void>((resolve) => {
      const subscription = graph.onDidRender(() => {
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('phaselens.showGraph');
    await rendered;
    assert.equal(graph.lastRendered()?.nodes, graph.lastModel()?.graph.nodes.length, 'the webview drew every node it was sent');
    const model = graph.lastModel()!.graph;
    assert.ok(model.nodes.length >= 14, `${model.nodes.length} nodes`);
    assert.ok(model.edges.some((edge) => edge.kind === 'missing'), 'the broken reference to Phase 7 is drawn');
    const file = await screenshot('graph.png');
    if (file) console.log(`      picture: ${file}`);
  });

  it('F2 renames a phase id in every plan, with the refactor preview before anything changes', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const before = snapshotExamples();
    const document = await vscode.workspace.openTextDocument(roadmap());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const heading = lineIndex(document, '## Phase 2: Trail Data Sync');
    const position = new vscode.Position(heading, '## Phase '.length);

    // What the rename will do: the heading and every dependency on it, in both plans that name it.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', roadmap(), position, 'Phase 2A');
    const changes: string[] = [];
    for (const [uri, edits] of edit.entries()) for (const change of edits) changes.push(`${await located(uri, change.range)} → "${change.newText}"`);
    assert.deepEqual(changes.sort(), [
      'PHASE_3.md:4 "Phase 2" → "Phase 2A"',
      'ROADMAP.md:25 "Phase 2" → "Phase 2A"',
      'ROADMAP.md:43 "Phase 2" → "Phase 2A"',
      'ROADMAP.md:54 "Phase 2" → "Phase 2A"',
    ]);

    // The refactor preview works on copies of the plans with the edit applied (scheme
    // vscode-bulkeditpreview-editor); the extension host sees those documents.
    const previewText = () =>
      vscode.workspace.textDocuments
        .filter((doc) => doc.uri.scheme === 'vscode-bulkeditpreview-editor')
        .map((doc) => doc.getText())
        .join('\n');
    const previewShows = () => /^## Phase 2A: Trail Data Sync$/m.test(previewText()) && /^\*\*Dependencies\*\*: Phase 2A \(trail data\)$/m.test(previewText());
    const previewChanged: vscode.Event<unknown> = (listener) => {
      const subscriptions = [vscode.workspace.onDidOpenTextDocument(listener), vscode.workspace.onDidChangeTextDocument(listener)];
      return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
    };
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(heading - 1, 0, heading + 16, 0), vscode.TextEditorRevealType.AtTop);
    // The user types the new id and asks for the preview (Ctrl+Enter, as the box says).
    await withRenamePreview('Phase 2A', async () => {
      await until('the refactor preview of the rename in both plans', previewChanged, previewShows);
      assertExamplesUnchanged(before); // nothing is renamed while the preview is open
      const file = await screenshot('rename.png', { waitFor: '.bulk-edit-panel .monaco-list-row' });
      if (file) console.log(`      picture: ${file}`);
    });
    assertExamplesUnchanged(before);
  });

  it('completes phase ids in a dependency field, with title and status', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const before = snapshotExamples();
    const document = await vscode.workspace.openTextDocument(roadmap());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const field = '**Dependencies**: Phase 2, Phase 3';
    const line = lineIndex(document, field);
    // code-server is VS Code for the Web, where files.autoSave defaults to afterDelay: the edit below
    // would be written to examples/ a second later. Off for this test, in this run's user settings.
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    // An unsaved edit, reverted below: the author starts a third dependency of Phase 4.
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(line, field.length), ', ')));
    const cursor = new vscode.Position(line, field.length + 2);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(line - 14, 0, line + 8, 0), vscode.TextEditorRevealType.AtTop);
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', roadmap(), cursor, ' ');
      const offered = list.items
        .filter((item) => item.kind === vscode.CompletionItemKind.Reference)
        .map((item) => `${typeof item.label === 'string' ? item.label : item.label.label} | ${item.detail}`);
      // Its own plan first; Phase 2 and 3 are listed already and Phase 4 is the field's own phase;
      // phases of other plans name their plan.
      assert.deepEqual(offered, [
        'Phase 1 | Map Tiles Offline · done',
        'Phase 5 | Wearables · planned · Phase 5: Wearables',
        'Day 1 | Watch Companion Skeleton (Monday) · planned · Phase 5: Wearables',
        'Day 2 | Glanceable Guidance (Tuesday) · planned · Phase 5: Wearables',
        'Day 3 | Heart-Rate Zones (Wednesday) · planned · Phase 5: Wearables',
        'P3.1 | Route Matching (Week 1-2) · planned · Phase 3: Navigation — Detailed Plan',
        'P3.2 | Voice Guidance (Week 2-3) · planned · Phase 3: Navigation — Detailed Plan',
        'P3.3 | Battery Budget (Week 3) · planned · Phase 3: Navigation — Detailed Plan',
      ]);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      // Ctrl+Space again once the list shows opens the details beside it: the summary of the focused phase.
      await keyboard({ waitFor: '.suggest-widget.visible .monaco-list-row', press: ['Control+Space'] });
      const file = await screenshot('completion.png', { waitFor: '.suggest-details-container .suggest-details:has-text("Phase 1: Map Tiles Offline")' });
      if (file) console.log(`      picture: ${file}`);
    } finally {
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await files.update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    }
    assertExamplesUnchanged(before);
  });

  it('lists the dependents of a phase across plans, from its `N dependents` lens', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const document = await vscode.workspace.openTextDocument(roadmap());
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const heading = lineIndex(document, '## Phase 2: Trail Data Sync');
    const position = new vscode.Position(heading, '## Phase '.length);
    const dependents = ['PHASE_3.md:4 "Phase 2"', 'ROADMAP.md:43 "Phase 2"', 'ROADMAP.md:54 "Phase 2"'];

    // Shift+F12: the heading and every dependency on it, across plans (the built-in markdown
    // provider adds the heading as a whole; only the phase ids are ours).
    const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', roadmap(), position)) ?? [];
    const described = await Promise.all(locations.map((location) => located(location.uri, location.range)));
    assert.deepEqual(described.filter((entry) => entry.endsWith('"Phase 2"')).sort(), [...dependents, 'ROADMAP.md:25 "Phase 2"'].sort());

    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', roadmap(), 100)) ?? [];
    const lens = lenses.find((candidate) => candidate.range.start.line === heading && /dependent/.test(candidate.command?.title ?? ''));
    assert.equal(lens?.command?.title, '3 dependents');
    assert.equal(lens.command.command, 'editor.action.showReferences');
    const [, , lensLocations] = lens.command.arguments as [vscode.Uri, vscode.Position, vscode.Location[]];
    assert.deepEqual((await Promise.all(lensLocations.map((location) => located(location.uri, location.range)))).sort(), dependents);

    // Room for the peek's list: the side bar is closed for this picture.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    editor.revealRange(new vscode.Range(heading - 1, 0, heading + 20, 0), vscode.TextEditorRevealType.AtTop);
    // What clicking the lens does: the references peek under the heading, its list focused on the
    // nearest dependent. The user then opens the other plan's group (Home, Right): its line shows.
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    try {
      await keyboard({ waitFor: '.reference-zone-widget .monaco-list:focus-within .monaco-list-row.focused', press: ['Home', 'ArrowRight'] });
      const file = await screenshot('references.png', { waitFor: '.reference-zone-widget .monaco-list-row:has-text("(trail data)")' });
      if (file) console.log(`      picture: ${file}`);
    } finally {
      await vscode.commands.executeCommand('closeReferenceSearch');
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility'); // the side bar back
    }
  });

  it('Start Next Ready Phase hands the phase to the chat, its prompt filled in and not sent', async function () {
    this.timeout(60_000); // the first chat activates the built-in Copilot extension
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const before = snapshotExamples();
    const clipboard = await vscode.env.clipboard.readText();
    // On the detailed plan of Phase 3, as its context menu in the Phases view does.
    await api.store.ensureIndexed();
    const next = nextReadyPhase(api.store.index(), (ref) => ref.plan.file === phase3Plan().toString());
    assert.ok(next.kind === 'ready' && next.phase.phase.id === 'P3.1', 'P3.1 is the first phase of the plan whose dependencies are all done');

    // In the user settings of this run's profile, never in examples/.vscode: the launch action, and
    // the chat, which the runner's settings switch off.
    const user = vscode.ConfigurationTarget.Global;
    const phaselens = vscode.workspace.getConfiguration('phaselens');
    const chat = vscode.workspace.getConfiguration('chat');
    const previous = {
      action: phaselens.inspect('launch.action')?.globalValue,
      ai: chat.inspect('disableAIFeatures')?.globalValue,
      utilityModel: chat.inspect('byokUtilityModelDefault')?.globalValue,
    };
    await phaselens.update('launch.action', 'chat', user);
    await chat.update('disableAIFeatures', false, user);
    // The built-in Copilot puts a "Set BYOK utility models" notice over the chat input of a profile
    // without a GitHub account; this is its own "dismissed" value. Nothing of PhaseLens.
    if (chat.inspect('byokUtilityModelDefault')) await chat.update('byokUtilityModelDefault', 'mainAgent', user);
    try {
      assert.ok((await vscode.commands.getCommands(true)).includes('workbench.action.chat.open'), `${vscode.env.appName} has a chat to open`);
      const result = await vscode.commands.executeCommand<{ outcome: string; launch?: { kind: string }; target?: { uri: string; key: string; line: number } }>(
        'phaselens.startNextReadyPhase',
        phase3Plan(),
      );
      assert.equal(result?.outcome, 'applied');
      assert.deepEqual(result?.launch, { kind: 'chat' });
      assert.equal(result?.target?.key, next.phase.phase.key);

      // "In progress" is written into the plan and saved; the lens above the heading now offers Complete.
      const document = await vscode.workspace.openTextDocument(phase3Plan());
      const heading = lineIndex(document, '### P3.1: Route Matching (Week 1-2)');
      assert.equal(document.lineAt(heading + 2).text, '**Status**: In Progress');
      assert.equal(fs.readFileSync(phase3Plan().fsPath, 'utf8'), document.getText(), 'saved');
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', phase3Plan(), 100)) ?? [];
      const titles = lenses.filter((lens) => lens.range.start.line === heading).map((lens) => lens.command?.title ?? '');
      assert.ok(titles.some((title) => title.includes('Complete phase')), `lenses above P3.1: ${titles.join(' | ')}`);

      const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
      editor.selection = new vscode.Selection(heading + 1, 0, heading + 1, 0);
      editor.revealRange(new vscode.Range(heading - 3, 0, heading + 20, 0), vscode.TextEditorRevealType.AtTop);
      // A wider chat shows more of the prompt: without the side bar, narrowing the editor widens the chat.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      for (let step = 0; step < 3; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      // The chat draws its input without telling the extension host: the runner waits until the
      // input shows the prompt's first line.
      const file = await screenshot('launch.png', { waitFor: '.interactive-input-part .view-lines:has-text("P3.1: Route Matching (Week 1-2)")' });
      if (file) console.log(`      picture: ${file}`);

      // The prompt handed to the chat is the one Copy Phase as Prompt gives.
      await vscode.commands.executeCommand('phaselens.copyPhasePrompt', result.target);
      const prompt = await vscode.env.clipboard.readText();
      assert.match(prompt, /^# P3\.1: Route Matching \(Week 1-2\)\n/);
      assert.match(prompt, /drift detected within 10 seconds in every replay/);
    } finally {
      await phaselens.update('launch.action', previous.action, user);
      await chat.update('disableAIFeatures', previous.ai, user);
      if (chat.inspect('byokUtilityModelDefault')) await chat.update('byokUtilityModelDefault', previous.utilityModel, user);
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility'); // the side bar back
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.env.clipboard.writeText(clipboard);
      // The plan back exactly as it was (the start saved it).
      const document = await vscode.workspace.openTextDocument(phase3Plan());
      const original = before.get(phase3Plan().fsPath)!;
      if (document.getText() !== original) {
        const undo = new vscode.WorkspaceEdit();
        undo.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), original);
        assert.ok(await vscode.workspace.applyEdit(undo));
      }
      if (document.isDirty) await document.save();
    }
    assertExamplesUnchanged(before);
    assert.equal(await vscode.env.clipboard.readText(), clipboard, 'the clipboard is as it was');
  });
});
