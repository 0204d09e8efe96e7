// Plans as a language, through VS Code's own commands: go to definition (same file, across files, from
// prose), hover, find references, rename across plans (and its refusals), completion in dependency
// fields, workspace symbols and the `N dependents` lens. Fixtures: test/fixtures/workspace/language/.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WAIT_MS } from './events';
import { api, lensesOf, titlesByLine, withDialog } from './phaseActionsSupport';
import { withRenamePreview } from './renamePreview';
import { canUseKeyboard, screenshot } from './screenshot';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const coreUri = () => vscode.Uri.joinPath(folder(), 'language', 'LANGUAGE_CORE.md');
const releaseUri = () => vscode.Uri.joinPath(folder(), 'language', 'LANGUAGE_RELEASE.md');
const nameOf = (uri: vscode.Uri) => path.basename(uri.fsPath);
const ours = (uri: vscode.Uri) => [coreUri().toString(), releaseUri().toString()].includes(uri.toString());

/** The position of `needle` (plus `offset`) on the line of `document` that reads exactly `lineText`. */
function at(document: vscode.TextDocument, lineText: string, needle: string, offset = 0): vscode.Position {
  const line = document.getText().split(/\r?\n/).indexOf(lineText);
  assert.ok(line >= 0, `no line "${lineText}" in ${nameOf(document.uri)}`);
  const column = lineText.indexOf(needle);
  assert.ok(column >= 0, `no "${needle}" in "${lineText}"`);
  return new vscode.Position(line, column + offset);
}

async function textOf(uri: vscode.Uri, range: vscode.Range): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText(range);
}

/** `FILE:line "text"` of a location, 1-based line, with the text it spans. */
async function located(uri: vscode.Uri, range: vscode.Range): Promise<string> {
  return `${nameOf(uri)}:${range.start.line + 1} "${await textOf(uri, range)}"`;
}

async function definitionsAt(uri: vscode.Uri, position: vscode.Position) {
  const results = (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, position)) ?? [];
  const links = results.filter((result): result is vscode.LocationLink => 'targetUri' in result && ours(result.targetUri));
  return Promise.all(
    links.map(async (link) => ({
      origin: link.originSelectionRange ? await textOf(uri, link.originSelectionRange) : undefined,
      target: await located(link.targetUri, link.targetSelectionRange ?? link.targetRange),
      section: [link.targetRange.start.line + 1, link.targetRange.end.line + 1],
    })),
  );
}

async function hoverTextAt(uri: vscode.Uri, position: vscode.Position, phase: string): Promise<{ text: string; range: string } | undefined> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  for (const hover of hovers) {
    const text = hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    if (text.includes(`**${phase}`)) return { text, range: hover.range ? await textOf(uri, hover.range) : '' };
  }
  return undefined;
}

/** Each location of ours as `FILE:line "text"`, in the order given. */
async function describeLocations(locations: readonly vscode.Location[]): Promise<string[]> {
  return Promise.all(locations.filter((location) => ours(location.uri)).map((location) => located(location.uri, location.range)));
}

/** Puts both fixture files (documents and disk) back as they were. */
async function restore(originals: Map<string, string>) {
  for (const [file, original] of originals) {
    const uri = vscode.Uri.file(file);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.fsPath === file);
    if (document && document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${path.basename(file)}`);
    }
    if (document?.isDirty) await document.save();
    if (fs.readFileSync(file, 'utf8') !== original) fs.writeFileSync(file, original);
  }
}

/**
 * Resolves once the refactor preview has a document for each of `names` (and `ready` holds), checking
 * as preview documents open or change; fails after WAIT_MS, listing what the preview had.
 */
function previewPlans(previewed: () => Array<{ name: string; text: string }>, names: string[], ready: () => boolean = () => true): Promise<void> {
  const done = () => names.every((name) => previewed().some((preview) => preview.name === name)) && ready();
  return new Promise<void>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const stop = () => subscriptions.forEach((subscription) => subscription.dispose());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the refactor preview did not show the rename; it has: ${previewed().map((preview) => preview.name).join(', ') || 'nothing'}`));
    }, WAIT_MS);
    const check = () => {
      if (!done()) return;
      clearTimeout(timer);
      stop();
      resolve();
    };
    subscriptions.push(vscode.workspace.onDidOpenTextDocument(check), vscode.workspace.onDidChangeTextDocument(check));
    check();
  });
}

/** Both fixture plans read as `originals`, in their documents (nothing unsaved) and on disk. */
function assertPlansAsBefore(originals: Map<string, string>) {
  for (const uri of [coreUri(), releaseUri()]) {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    assert.equal(document?.getText(), originals.get(uri.fsPath), `${nameOf(uri)} reads as before`);
    assert.equal(document?.isDirty, false, `${nameOf(uri)} has no unsaved change`);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), originals.get(uri.fsPath), `${nameOf(uri)} on disk is as before`);
  }
}

async function rejection(run: Thenable<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.fail('expected VS Code to refuse');
}

describe('language: phase ids as code in plan files', () => {
  let core: vscode.TextDocument;
  let release: vscode.TextDocument;
  const originals = new Map<string, string>();

  before(async () => {
    await api();
    for (const uri of [coreUri(), releaseUri()]) originals.set(uri.fsPath, fs.readFileSync(uri.fsPath, 'utf8'));
    core = await vscode.workspace.openTextDocument(coreUri());
    await vscode.window.showTextDocument(core);
    release = await vscode.workspace.openTextDocument(releaseUri());
  });
  afterEach(async () => restore(originals));

  it('goes to the definition of a reference in the same file, on the id only', async () => {
    const position = at(core, '**Builds On**: 71A + 71B', '71B', 1);
    assert.deepEqual(await definitionsAt(coreUri(), position), [{ origin: '71B', target: 'LANGUAGE_CORE.md:13 "Phase 71B"', section: [13, 23] }]);
    assert.deepEqual(await definitionsAt(coreUri(), at(core, '**Builds On**: 71A + 71B', 'Builds')), [], 'nothing on the label');
  });

  it('goes to the definition in another plan, and from a mention in prose', async () => {
    const crossFile = await definitionsAt(releaseUri(), at(release, '**Dependencies**: Phase 71C, P71B', 'Phase 71C'));
    assert.deepEqual(crossFile, [{ origin: 'Phase 71C', target: 'LANGUAGE_CORE.md:25 "Phase 71C"', section: [25, 35] }]);
    const prose = await definitionsAt(coreUri(), at(core, 'The scorer needs 71B before it can rank anything.', '71B'));
    assert.deepEqual(prose, [{ origin: '71B', target: 'LANGUAGE_CORE.md:13 "Phase 71B"', section: [13, 23] }]);
    assert.deepEqual(await definitionsAt(coreUri(), at(core, 'The scorer needs 71B before it can rank anything.', 'scorer')), []);
  });

  it('hovers a reference and a heading with the phase summary', async () => {
    const hover = await hoverTextAt(releaseUri(), at(release, '**Dependencies**: Phase 71C, P71B', 'P71B', 2), 'Phase 71B');
    assert.ok(hover, 'a PhaseLens hover on P71B');
    assert.equal(hover.range, 'P71B');
    assert.equal(
      hover.text,
      [
        '**Phase 71B: Indexer**',
        '',
        'Status: in progress',
        '',
        '1/3 tasks · criteria 0/1',
        '',
        'Depends on: Phase 71A (done)',
        '',
        'Needed by: Phase 71C, Stage 72',
        '',
        'language/LANGUAGE\\_CORE\\.md, line 13',
      ].join('\n'),
    );
    const heading = await hoverTextAt(coreUri(), at(core, '## Phase 71C: Ranking', '71C'), 'Phase 71C');
    assert.equal(heading?.range, 'Phase 71C');
    assert.match(heading!.text, /Status: planned, waiting on Phase 71B/);
    assert.match(heading!.text, /Needed by: Stage 72/);
  });

  it('finds every reference to a phase across plans, with its declaration', async () => {
    const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', coreUri(), at(core, '## Phase 71B: Indexer', '71B'))) ?? [];
    const described = await describeLocations(locations);
    const idsOnly = described.filter((entry) => / "(?:Phase |P)?71B"$/.test(entry));
    assert.deepEqual(idsOnly.sort(), ['LANGUAGE_CORE.md:13 "Phase 71B"', 'LANGUAGE_CORE.md:27 "71B"', 'LANGUAGE_RELEASE.md:5 "P71B"']);
    // From a reference in the other plan, the same set.
    const fromRelease = await describeLocations((await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', releaseUri(), at(release, '**Dependencies**: Phase 71C, P71B', 'P71B'))) ?? []);
    assert.deepEqual(fromRelease.filter((entry) => / "(?:Phase |P)?71B"$/.test(entry)).sort(), idsOnly.sort());
  });

  it('shows `N dependents` after the other lenses, and peeks the references when clicked', async () => {
    const lenses = await lensesOf(coreUri());
    const titles = titlesByLine(lenses);
    assert.equal(titles[3]!.at(-1), '2 dependents');
    assert.deepEqual(titles[13], ['✓ Complete phase', '1/3 tasks · criteria 0/1', '2 dependents']);
    assert.deepEqual(titles[25], ['▶ Start phase', '0/2 tasks · 1 criterion', '$(watch) waiting on Phase 71B', '1 dependent']);
    const releaseTitles = titlesByLine(await lensesOf(releaseUri()));
    assert.ok(!releaseTitles[12]!.some((title) => /dependent/.test(title)), 'nothing depends on Stage 73');

    const lens = lenses.find((candidate) => candidate.line === 13 && candidate.title === '2 dependents')!;
    assert.equal(lens.command, 'editor.action.showReferences');
    const [uri, position, locations] = lens.arguments as [vscode.Uri, vscode.Position, vscode.Location[]];
    assert.equal(uri.toString(), coreUri().toString());
    assert.deepEqual([position.line, position.character], [12, 3]);
    assert.deepEqual(await describeLocations(locations), ['LANGUAGE_CORE.md:27 "71B"', 'LANGUAGE_RELEASE.md:5 "P71B"']);
    await vscode.commands.executeCommand(lens.command, ...lens.arguments);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('prepares a rename on a heading id or a reference, with the id as written', async () => {
    const heading = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', coreUri(), at(core, '## Phase 71B: Indexer', '71B'));
    assert.equal(heading?.placeholder, 'Phase 71B');
    assert.equal(await textOf(coreUri(), heading!.range), 'Phase 71B');
    const reference = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', releaseUri(), at(release, '**Dependencies**: Phase 71C, P71B', 'P71B'));
    assert.equal(reference?.placeholder, 'P71B');
  });

  it('refuses to prepare a rename elsewhere, with a clear message', async () => {
    const prose = at(core, 'The scorer needs 71B before it can rank anything.', 'scorer');
    assert.match(await rejection(vscode.commands.executeCommand('vscode.prepareRename', coreUri(), prose)), /To rename a phase, put the cursor on its id in a phase heading or in a dependency field/);
    const mention = at(core, 'The scorer needs 71B before it can rank anything.', '71B');
    assert.match(await rejection(vscode.commands.executeCommand('vscode.prepareRename', coreUri(), mention)), /"71B" is a mention in running text/);
  });

  it('renames a heading and every reference across plans from the current, unsaved text', async () => {
    // An unsaved line above everything: the rename must use the document as it is, not the file.
    const draft = new vscode.WorkspaceEdit();
    draft.insert(coreUri(), new vscode.Position(0, 0), '<!-- draft, not saved -->\n');
    assert.ok(await vscode.workspace.applyEdit(draft));
    assert.ok(core.isDirty);

    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', coreUri(), at(core, '## Phase 71B: Indexer', '71B'), '71E');
    assert.ok(edit, 'a workspace edit');
    const changes: string[] = [];
    for (const [uri, edits] of edit.entries()) {
      for (const change of edits) changes.push(`${await located(uri, change.range)} → "${change.newText}"`);
    }
    assert.deepEqual(changes.sort(), ['LANGUAGE_CORE.md:14 "Phase 71B" → "Phase 71E"', 'LANGUAGE_CORE.md:28 "71B" → "71E"', 'LANGUAGE_RELEASE.md:5 "P71B" → "P71E"']);

    assert.ok(await vscode.workspace.applyEdit(edit));
    const coreLines = core.getText().split('\n');
    assert.deepEqual([coreLines[13], coreLines[27], coreLines[29]], ['## Phase 71E: Indexer', '**Builds On**: 71A + 71E', 'The scorer needs 71B before it can rank anything.']);
    const releaseNow = await vscode.workspace.openTextDocument(releaseUri());
    assert.equal(releaseNow.getText().split('\n')[4], '**Dependencies**: Phase 71C, P71E');
    // The renamed reference resolves to the renamed heading.
    assert.deepEqual(await definitionsAt(releaseUri(), at(releaseNow, '**Dependencies**: Phase 71C, P71E', 'P71E')), [
      { origin: 'P71E', target: 'LANGUAGE_CORE.md:14 "Phase 71E"', section: [14, 24] },
    ]);
  });

  it('hands a rename marked for confirmation to VS Code`s refactor preview, where Discard changes nothing', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', coreUri(), at(core, '## Phase 71B: Indexer', '71B'), '71E');
    // The extension host does not give an edit's entry metadata back, so the entries are labelled again.
    const confirmable = new vscode.WorkspaceEdit();
    for (const [uri, edits] of edit.entries()) {
      for (const change of edits) confirmable.replace(uri, change.range, change.newText, { needsConfirmation: true, label: 'Rename Phase 71B → 71E' });
    }
    assert.equal(confirmable.size, 2, 'both plans');

    // The preview works on copies of the plans (scheme vscode-bulkeditpreview-editor); the extension
    // host sees those documents open, though not the panel itself.
    const previewed = () =>
      vscode.workspace.textDocuments
        .filter((document) => document.uri.scheme === 'vscode-bulkeditpreview-editor')
        .map((document) => ({ name: path.basename(document.uri.path), text: document.getText() }));
    const opened = previewPlans(previewed, ['LANGUAGE_CORE.md', 'LANGUAGE_RELEASE.md']);
    const applying = vscode.workspace.applyEdit(confirmable, { isRefactoring: true });
    let discarded = false;
    try {
      await opened;
      // Entries that need confirmation start unticked in the preview: its copies read as the plans
      // do until the user ticks them, and the plans themselves are untouched while it is open.
      for (const { name, text } of previewed()) assert.equal(text, originals.get(path.join(path.dirname(coreUri().fsPath), name)), `the preview of ${name}`);
      assert.equal(core.getText(), originals.get(coreUri().fsPath));
      assert.equal(release.getText(), originals.get(releaseUri().fsPath));
      await vscode.commands.executeCommand('refactorPreview.discard');
      discarded = true;
      assert.equal(await applying, false, 'a discarded preview applies nothing');
    } finally {
      if (!discarded) await vscode.commands.executeCommand('refactorPreview.discard');
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }
    assertPlansAsBefore(originals);
  });

  it('F2, a new id and Ctrl+Enter preview the rename in both plans; Discard changes nothing', async function () {
    if (!canUseKeyboard()) {
      console.log('      (skipped: only the code-server runner can type into the rename box)');
      this.skip();
    }
    const editor = await vscode.window.showTextDocument(core);
    const heading = at(core, '## Phase 71B: Indexer', '71B');
    editor.selection = new vscode.Selection(heading, heading);
    const previewed = () =>
      vscode.workspace.textDocuments
        .filter((document) => document.uri.scheme === 'vscode-bulkeditpreview-editor')
        .map((document) => ({ name: path.basename(document.uri.path), text: document.getText() }));
    const renamed = (name: string, line: string) => previewed().some((preview) => preview.name === name && preview.text.split(/\r?\n/).includes(line));
    const shown = previewPlans(previewed, ['LANGUAGE_CORE.md', 'LANGUAGE_RELEASE.md'], () =>
      renamed('LANGUAGE_CORE.md', '## Phase 71E: Indexer') && renamed('LANGUAGE_CORE.md', '**Builds On**: 71A + 71E') && renamed('LANGUAGE_RELEASE.md', '**Dependencies**: Phase 71C, P71E'),
    );
    await withRenamePreview('Phase 71E', async () => {
      await shown;
      assert.equal(core.getText(), originals.get(coreUri().fsPath), 'nothing is renamed while the preview is open');
      assert.equal(release.getText(), originals.get(releaseUri().fsPath));
    });
    assertPlansAsBefore(originals);
  });

  it('refuses a rename to an id that is taken or of another kind, and says why', async () => {
    const heading = at(core, '## Phase 71B: Indexer', '71B');
    const renameTo = (newName: string) =>
      withDialog('showWarningMessage', () => undefined, async (calls) => {
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', coreUri(), heading, newName);
        return { size: edit?.size, messages: calls.map((call) => call.message) };
      });
    // An empty edit, not an error: an error would let the built-in markdown rename take over the heading.
    assert.deepEqual(await renameTo('71A'), { size: 0, messages: ['Cannot rename Phase 71B to "71A": Phase 71A already exists in language/LANGUAGE_CORE.md (line 3).'] });
    const otherKind = await renameTo('Stage 9');
    assert.equal(otherKind.size, 0);
    assert.match(otherKind.messages[0] ?? '', /Phase 71B can only be renamed to another phase id/);
    assert.equal(core.getText(), originals.get(coreUri().fsPath), 'nothing was renamed');
  });

  it('completes phase ids inside a dependency field, own plan first, with title and status', async () => {
    const line = '**Dependencies**: Phase 71C, P71B';
    const edit = new vscode.WorkspaceEdit();
    const end = at(release, line, line, line.length);
    edit.insert(releaseUri(), end, ', ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const cursor = end.translate(0, 2);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', releaseUri(), cursor, ' ', 1000);
    const items = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    const labels = items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    const fixture = labels.filter((label) => /7\d/.test(label));
    assert.deepEqual(fixture, ['Stage 73', 'Phase 71A'], 'Stage 72 is the field`s own phase, 71B and 71C are listed already');
    assert.equal(labels[0], 'Stage 73', 'own plan first');
    const stage = items[0]!;
    assert.equal(stage.detail, 'General Availability · planned');
    assert.equal(stage.insertText, 'Stage 73');
    const tokenizer = items.find((item) => item.label === 'Phase 71A')!;
    assert.equal(tokenizer.detail, 'Tokenizer · done · Language Core: Search Engine');
    assert.equal(tokenizer.insertText, '71A');
    const range = tokenizer.range as { inserting: vscode.Range; replacing: vscode.Range };
    assert.ok(range.inserting.start.isEqual(cursor) && range.replacing.end.isEqual(cursor), 'inserts at the cursor');
    const documentation = tokenizer.documentation as vscode.MarkdownString | undefined;
    assert.match(documentation?.value ?? '', /\*\*Phase 71A: Tokenizer\*\*[\s\S]*Needed by: Phase 71B, Phase 71C/);
  });

  it('replaces the partial id being typed, in the author`s spelling', async () => {
    const line = '**Depends on**: Stage 72';
    const edit = new vscode.WorkspaceEdit();
    const end = at(release, line, line, line.length);
    edit.insert(releaseUri(), end, ' + Phase 71');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const cursor = end.translate(0, ' + Phase 71'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', releaseUri(), cursor);
    const indexer = list.items.find((item) => item.label === 'Phase 71B' && item.kind === vscode.CompletionItemKind.Reference)!;
    assert.equal(indexer.insertText, 'Phase 71B');
    const range = indexer.range as { inserting: vscode.Range; replacing: vscode.Range };
    assert.equal(release.getText(range.replacing), 'Phase 71');
  });

  it('offers no phase ids outside dependency fields', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', coreUri(), at(core, 'The scorer needs 71B before it can rank anything.', 'rank'), ' ');
    assert.deepEqual(list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference && /71/.test(String(typeof item.label === 'string' ? item.label : item.label.label))), []);
  });

  it('finds phases by id or title with Ctrl+T', async () => {
    const byTitle = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'indexer')) ?? [];
    const indexer = byTitle.find((symbol) => symbol.kind === vscode.SymbolKind.Namespace && ours(symbol.location.uri));
    assert.ok(indexer, 'Phase 71B is found by its title');
    assert.equal(indexer.name, 'Phase 71B: Indexer');
    assert.equal(indexer.containerName, 'Language Core: Search Engine');
    assert.equal(await located(indexer.location.uri, indexer.location.range), 'LANGUAGE_CORE.md:13 "Phase 71B"');

    const byId = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'stage 73')) ?? [];
    const ga = byId.filter((symbol) => symbol.kind === vscode.SymbolKind.Namespace);
    assert.equal(ga[0]?.name, 'Stage 73: General Availability', 'the exact id ranks first');
    assert.equal(ga[0]?.containerName, 'Language Release: Search Launch');
  });

  it('looks right in the editor (hover screenshot)', async () => {
    const editor = await vscode.window.showTextDocument(core);
    const position = at(core, '**Builds On**: 71A + 71B', '71B', 1);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    assert.ok(await hoverTextAt(coreUri(), position, 'Phase 71B'));
    await vscode.commands.executeCommand('editor.action.showHover');
    // The workbench draws the hover after the provider answers; give it a moment before the picture.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await screenshot('language-hover.png');
  });
});
