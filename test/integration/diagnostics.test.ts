// Diagnostics and quick fixes as a user meets them: squiggles and Problems entries for the
// plans in test/fixtures/workspace/diagnostics/, updated as the user types, the fixes the
// light bulb offers, and the lint settings. Every wait is on an event, never a sleep; every
// edit is reverted, so the files on disk stay as they are.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../src/vscode/api';
import { until } from './events';
import { screenshot } from './screenshot';

const DOCS = 'https://github.com/phaselens/phaselens/blob/main/docs/rules/';

function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'diagnostics', name);
}

function phaselensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'phaselens');
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code as { value: string } | undefined;
  return code?.value ?? '';
}

function rules(uri: vscode.Uri): string[] {
  return phaselensDiagnostics(uri).map(ruleOf).sort();
}

/** Resolves when the PhaseLens diagnostics of `uri` satisfy `test`: now, or after a change event for it. */
async function diagnosticsWhere(uri: vscode.Uri, description: string, test: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  let found: vscode.Diagnostic[] = [];
  try {
    await until(description, vscode.languages.onDidChangeDiagnostics, () => test((found = phaselensDiagnostics(uri))));
  } catch (error) {
    throw new Error(`${(error as Error).message}; the diagnostics are: ${JSON.stringify(rules(uri))}`);
  }
  return found;
}

const has = (...wanted: string[]) => (diagnostics: vscode.Diagnostic[]) => wanted.every((rule) => diagnostics.some((diagnostic) => ruleOf(diagnostic) === rule));
const lacks = (...unwanted: string[]) => (diagnostics: vscode.Diagnostic[]) => diagnostics.length > 0 && diagnostics.every((diagnostic) => !unwanted.includes(ruleOf(diagnostic)));

const ALL_PROBLEMS = ['broken-dependency', 'dependency-cycle', 'missing-success-criteria', 'mojibake', 'status-mismatch'];

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  return actions.filter((action) => action.edit !== undefined && action.edit.entries().every(([target]) => target.toString() === uri.toString()));
}

async function revert(document: vscode.TextDocument) {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false, `${document.uri.path} was not reverted`);
}

describe('diagnostics and quick fixes', () => {
  const problems = fixtureUri('PROBLEMS_PLAN.md');
  const partner = fixtureUri('CYCLE_PARTNER.md');
  let api: PhaseLensApi;
  let document: vscode.TextDocument;

  before(async () => {
    api = (await vscode.extensions.getExtension('phaselens.phaselens')!.activate()) as PhaseLensApi;
    document = await vscode.workspace.openTextDocument(problems);
    await vscode.window.showTextDocument(document);
  });

  afterEach(async () => {
    await revert(document);
    const config = vscode.workspace.getConfiguration('phaselens');
    for (const key of ['lint.rules', 'lint.enabled', 'lint.onlyOpenFiles']) {
      if (config.inspect(key)?.globalValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows every finding of an open plan, with source, severity, range, docs link and related places', async function () {
    this.timeout(60_000);
    // The plan's own findings come at once; those that need the other plans, once they are read.
    await diagnosticsWhere(problems, 'the findings PROBLEMS_PLAN.md has on its own', has('missing-success-criteria', 'mojibake', 'status-mismatch'));
    await api.store.ensureIndexed();
    const diagnostics = await diagnosticsWhere(problems, 'all five findings of PROBLEMS_PLAN.md', (found) => found.length === 5 && has(...ALL_PROBLEMS)(found));
    const byRule = new Map(diagnostics.map((diagnostic) => [ruleOf(diagnostic), diagnostic]));
    const summary = diagnostics
      .map((diagnostic) => [ruleOf(diagnostic), diagnostic.severity, diagnostic.range.start.line + 1, diagnostic.range.start.character, diagnostic.range.end.character])
      .sort((a, b) => Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]));
    const { Error, Warning } = vscode.DiagnosticSeverity;
    assert.deepEqual(summary, [
      ['status-mismatch', Warning, 8, 12, 23],
      ['missing-success-criteria', Warning, 12, 3, 28],
      ['mojibake', Warning, 20, 22, 25],
      ['broken-dependency', Warning, 26, 18, 21],
      ['dependency-cycle', Error, 26, 23, 31],
    ]);
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(diagnostic.source, 'phaselens');
      assert.equal(code.target.toString(true), `${DOCS}${code.value}.md`);
    }
    assert.equal(byRule.get('broken-dependency')!.message, 'Phase 63 depends on "62C", which no plan defines. Did you mean "62B"?');
    assert.equal(byRule.get('missing-success-criteria')!.message, 'Phase 62A has no success criteria; add them so you can tell when it is done');

    // "Did you mean 62B?" points at 62B's heading.
    const [suggestion] = byRule.get('broken-dependency')!.relatedInformation!;
    assert.equal(suggestion!.location.uri.toString(), problems.toString());
    assert.equal(suggestion!.location.range.start.line + 1, 18);
    assert.equal(document.getText(suggestion!.location.range), 'Phase 62B');
    assert.equal(suggestion!.message, 'Did you mean Phase 62B? It is defined here');

    // The cycle points at the other plan's reference that closes it.
    const cycle = byRule.get('dependency-cycle')!;
    assert.match(cycle.message, /^Phase 63 is part of a dependency cycle: Phase 63 → Phase 65 \(CYCLE_PARTNER\.md\) → Phase 63/);
    const [other] = cycle.relatedInformation!;
    assert.equal(other!.location.uri.toString(), partner.toString());
    assert.equal(other!.location.range.start.line + 1, 5);
    assert.equal(other!.message, 'Phase 65 depends on Phase 63');
  });

  it('reports plans that are not open, once the workspace is indexed (the Problems panel)', async () => {
    await api.store.ensureIndexed();
    const diagnostics = await diagnosticsWhere(partner, 'the cycle in CYCLE_PARTNER.md', has('dependency-cycle'));
    assert.ok(!vscode.workspace.textDocuments.some((open) => open.uri.toString() === partner.toString()), 'the partner plan should not be open');
    assert.equal(diagnostics.length, 1);
    const all = vscode.languages.getDiagnostics();
    const entry = all.find(([uri]) => uri.toString() === partner.toString());
    assert.ok(entry, 'the partner plan is missing from languages.getDiagnostics()');
    assert.deepEqual(entry[1].filter((diagnostic) => diagnostic.source === 'phaselens').map(ruleOf), ['dependency-cycle']);
  });

  it('follows typing in the unsaved document: a fixed reference clears, a broken one returns', async () => {
    await diagnosticsWhere(problems, 'the broken reference', has('broken-dependency'));
    const editor = await vscode.window.showTextDocument(document);
    const reference = new vscode.Range(25, 18, 25, 21);
    assert.equal(document.getText(reference), '62C');

    const cleared = diagnosticsWhere(problems, 'the broken reference to clear', lacks('broken-dependency'));
    assert.ok(await editor.edit((edit) => edit.replace(reference, '62B')));
    await cleared;
    assert.ok(document.isDirty);

    const back = diagnosticsWhere(problems, 'a new broken reference', (found) => found.some((diagnostic) => ruleOf(diagnostic) === 'broken-dependency' && diagnostic.message.includes('"62Z"')));
    assert.ok(await editor.edit((edit) => edit.replace(reference, '62Z')));
    const diagnostics = await back;
    const broken = diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'broken-dependency')!;
    assert.equal(document.getText(broken.range), '62Z');
  });

  it('breaking the cycle in one plan clears it in the other', async () => {
    await api.store.ensureIndexed();
    await diagnosticsWhere(partner, 'the cycle in CYCLE_PARTNER.md', has('dependency-cycle'));
    const editor = await vscode.window.showTextDocument(document);
    const cleared = diagnosticsWhere(partner, 'the partner plan to be clean', (found) => found.length === 0);
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(25, 21, 25, 31), '')));
    assert.equal(document.lineAt(25).text, '**Dependencies**: 62C');
    await cleared;
    await diagnosticsWhere(problems, 'no cycle in PROBLEMS_PLAN.md', lacks('dependency-cycle'));
  });

  it('offers the quick fixes of a finding, and applying one fixes it', async () => {
    await diagnosticsWhere(problems, 'the broken reference', has('broken-dependency'));
    const actions = await codeActions(problems, new vscode.Range(25, 19, 25, 19), vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value, action.isPreferred === true]),
      [
        ['Change "62C" to "62B"', 'quickfix', true],
        ['Remove the dependency on "62C"', 'quickfix', false],
        ['Disable broken-dependency for this line', 'quickfix', false],
        ['Disable broken-dependency for this file', 'quickfix', false],
        ['Fix all auto-fixable PhaseLens problems in this file', 'quickfix', false],
      ],
    );
    const fixed = diagnosticsWhere(problems, 'the broken reference to be fixed', lacks('broken-dependency'));
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    assert.equal(document.lineAt(25).text, '**Dependencies**: 62B, Phase 65');
    await fixed;
  });

  it('disables a rule for one line with a comment above it', async () => {
    await diagnosticsWhere(problems, 'missing success criteria', has('missing-success-criteria'));
    const actions = await codeActions(problems, new vscode.Range(11, 5, 11, 5), vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        'Add success criteria to Phase 62A',
        'Disable missing-success-criteria for this line',
        'Disable missing-success-criteria for this file',
        'Fix all auto-fixable PhaseLens problems in this file',
      ],
    );
    const gone = diagnosticsWhere(problems, 'missing-success-criteria to be disabled', lacks('missing-success-criteria'));
    assert.ok(await vscode.workspace.applyEdit(actions[1]!.edit!));
    assert.equal(document.lineAt(11).text, '<!-- phaselens-disable-next-line missing-success-criteria -->');
    assert.equal(document.lineAt(12).text, '## Phase 62A: Report Builder');
    const diagnostics = await gone;
    assert.deepEqual(diagnostics.map(ruleOf).sort(), ['broken-dependency', 'dependency-cycle', 'mojibake', 'status-mismatch']);
  });

  it('fixes everything fixable at once through source.fixAll.phaselens', async () => {
    await diagnosticsWhere(problems, 'all findings', (found) => found.length === 5);
    const actions = await codeActions(problems, new vscode.Range(0, 0, 0, 0), 'source.fixAll.phaselens');
    assert.deepEqual(actions.map((action) => [action.title, action.kind?.value]), [['Fix all PhaseLens problems', 'source.fixAll.phaselens']]);
    const fixed = diagnosticsWhere(problems, 'only the cycle to remain', (found) => found.length === 1 && has('dependency-cycle')(found));
    assert.ok(await vscode.workspace.applyEdit(actions[0]!.edit!));
    await fixed;
    const text = document.getText();
    assert.match(text, /\*\*Status\*\*: Complete\n/);
    assert.match(text, /Draw the charts ✅ soon/);
    assert.match(text, /\*\*Dependencies\*\*: 62B, Phase 65/);
    assert.match(text, /## Phase 62A: Report Builder\n[\s\S]*\*\*Success Criteria\*\*: TODO[^\n]*\n\n## Phase 62B/);
  });

  it('honours phaselens.lint.rules: a rule turned off disappears, and comes back', async () => {
    await diagnosticsWhere(problems, 'missing success criteria', has('missing-success-criteria'));
    const config = vscode.workspace.getConfiguration('phaselens');
    const off = diagnosticsWhere(problems, 'missing-success-criteria to be off', lacks('missing-success-criteria'));
    await config.update('lint.rules', { 'missing-success-criteria': 'off', 'broken-dependency': 'error' }, vscode.ConfigurationTarget.Global);
    const diagnostics = await off;
    assert.equal(diagnostics.find((diagnostic) => ruleOf(diagnostic) === 'broken-dependency')!.severity, vscode.DiagnosticSeverity.Error);
    const back = diagnosticsWhere(problems, 'missing-success-criteria to return', has('missing-success-criteria'));
    await config.update('lint.rules', undefined, vscode.ConfigurationTarget.Global);
    await back;
  });

  it('lint.onlyOpenFiles keeps closed plans out of the Problems panel; lint.enabled off clears everything', async () => {
    await api.store.ensureIndexed();
    await diagnosticsWhere(partner, 'the cycle in CYCLE_PARTNER.md', has('dependency-cycle'));
    const config = vscode.workspace.getConfiguration('phaselens');

    const partnerGone = diagnosticsWhere(partner, 'the closed plan to lose its diagnostics', (found) => found.length === 0);
    await config.update('lint.onlyOpenFiles', true, vscode.ConfigurationTarget.Global);
    await partnerGone;
    await api.diagnostics.whenIdle();
    assert.ok(rules(problems).includes('dependency-cycle'), 'the open plan keeps its diagnostics');

    const allGone = diagnosticsWhere(problems, 'every diagnostic to clear', (found) => found.length === 0);
    await config.update('lint.enabled', false, vscode.ConfigurationTarget.Global);
    await allGone;
    assert.equal(vscode.languages.getDiagnostics().filter(([, found]) => found.some((diagnostic) => diagnostic.source === 'phaselens')).length, 0);

    const back = diagnosticsWhere(partner, 'the closed plan to be linted again', has('dependency-cycle'));
    await config.update('lint.enabled', undefined, vscode.ConfigurationTarget.Global);
    await config.update('lint.onlyOpenFiles', undefined, vscode.ConfigurationTarget.Global);
    await back;
    assert.deepEqual(rules(problems), ALL_PROBLEMS);
  });

  it('screenshot: squiggles in the editor and the Problems panel', async function () {
    this.timeout(40_000);
    await api.store.ensureIndexed();
    await diagnosticsWhere(problems, 'all findings', (found) => found.length === 5);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.selection = new vscode.Selection(25, 19, 25, 19);
    // Bring the broken reference and the cycle into view; the picture is taken once the editor has
    // scrolled (or, should it not scroll, as it is: the picture is not an assertion).
    const scrolled = new Promise<void>((resolve) => {
      const timer = setTimeout(() => (subscription.dispose(), resolve()), 5_000);
      const subscription = vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document !== document || !event.visibleRanges.some((range) => range.contains(new vscode.Position(25, 0)))) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
    editor.revealRange(new vscode.Range(25, 0, 25, 0), vscode.TextEditorRevealType.InCenter);
    await scrolled;
    const file = await screenshot('diagnostics-problems.png');
    if (file) console.log(`      screenshot: ${file}`);
  });
});
