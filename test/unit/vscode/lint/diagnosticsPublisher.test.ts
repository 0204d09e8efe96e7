import assert from 'node:assert/strict';
import type { Finding, RuleSetting } from '../../../../src/core/lint';
import { Emitter, PlanStore, TYPING_DEBOUNCE_MS } from '../../../../src/core/store';
import { DiagnosticsPublisher, prioritized, type FindingsSource, type LintEditor } from '../../../../src/vscode/lint/diagnosticsPublisher';
import { PlanLinter } from '../../../../src/vscode/lint/planLinter';
import { InMemoryWorkspace, uriOf, type MemoryUri } from '../../../support/inMemoryWorkspace';

const phase = (id: string, extra = '') => `## Phase ${id}: Work ${id}\n\n- [ ] Do ${id}\n\n**Success Criteria**: ${id} works\n${extra}\n`;
const plan = (title: string, ...phases: string[]) => `# ${title}\n\n${phases.join('\n')}`;

/**
 * The publisher over an in-memory workspace: settings and tabs the test sets, what is shown per
 * file, and every plan linted (with the version it was linted at), so tests count work done.
 */
function setUp(files: Record<string, string>, options: { msPerLint?: number; onPublish?: () => void } = {}) {
  const workspace = new InMemoryWorkspace(files);
  const store = new PlanStore(workspace);
  const settings = { enabled: true, onlyOpen: false, rules: {} as Record<string, RuleSetting> };
  const tabs = new Set<string>();
  const lintSettingsChanged = new Emitter<void>();
  const tabsChanged = new Emitter<void>();
  /** What the Problems panel shows, by workspace-relative path. */
  const shown = new Map<string, Finding[]>();
  /** Every publish, as `path` (set) or `-path` (cleared). */
  const published: string[] = [];
  const linted: string[] = [];
  const editor: LintEditor<MemoryUri> = {
    lintEnabled: () => settings.enabled,
    onlyOpenFiles: () => settings.onlyOpen,
    lintConfig: () => ({ rules: settings.rules }),
    configScope: () => '/ws',
    openInTabs: () => new Set(tabs),
    activeEditor: () => undefined,
    visibleEditors: () => [],
    get documents() {
      return workspace.documents;
    },
    parseUri: (key) => workspace.parseUri(key),
    onDidChangeLintSettings: lintSettingsChanged.event,
    onDidOpenOrCloseTabs: tabsChanged.event,
    onDidCloseDocument: workspace.onDidCloseDocument,
    // Time as the publisher measures it: each reading later by `msPerLint`, so a test decides where slices end.
    now: () => (workspace.clock.now += options.msPerLint ?? 0),
    timers: workspace.clock,
    publish(updates) {
      for (const [uri, findings] of updates) {
        const path = workspace.relativePath(uri);
        if (findings) shown.set(path, findings);
        else shown.delete(path);
        published.push(findings ? path : `-${path}`);
      }
      options.onPublish?.();
    },
    clearAll: () => shown.clear(),
  };
  const planLinter = new PlanLinter(store, () => ({ rules: settings.rules }));
  const linter: FindingsSource<MemoryUri> = {
    findingsFor(entry, options) {
      linted.push(`${workspace.relativePath(entry.uri)}@${entry.version ?? 'disk'}`);
      return planLinter.findingsFor(entry, options);
    },
    forget: (uri) => planLinter.forget(uri),
    clear: () => planLinter.clear(),
  };
  const publisher = new DiagnosticsPublisher(store, linter, editor);
  /** Until the publisher is idle and no zero-delay timer (a document's first parse) is left. */
  const idle = async () => {
    for (;;) {
      await workspace.clock.runUntil(publisher.whenIdle());
      if (!workspace.clock.anyDue) return;
      await workspace.clock.advance(0);
    }
  };
  const rules = (path: string) => shown.get(path)?.map((finding) => finding.rule);
  const open = (path: string) => {
    tabs.add(uriOf(path).toString());
    return workspace.openDocument(path);
  };
  const dispose = () => {
    publisher.dispose();
    store.dispose();
  };
  return { workspace, store, settings, tabs, lintSettingsChanged, tabsChanged, shown, published, linted, idle, rules, open, dispose };
}

describe('vscode/lint: the diagnostics publisher over an in-memory workspace', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it('lints open plans without the cross-file rules until the index is complete, then every plan with them', async () => {
    const t = setUp({ 'a.md': plan('A', phase('1', '**Dependencies**: Phase 9'), '## Phase 2: No criteria\n\n- [ ] x\n'), 'b.md': plan('B', phase('3')) });
    dispose = t.dispose;
    const release = t.workspace.holdReads();
    t.open('a.md');
    await t.workspace.clock.advance(0);
    await t.workspace.clock.advance(0);
    assert.deepEqual(t.rules('a.md'), ['missing-success-criteria'], 'a reference to a plan not read yet is not called broken');
    assert.equal(t.shown.has('b.md'), false, 'closed plans wait for the index');
    release();
    await t.idle();
    assert.deepEqual(t.rules('a.md')?.sort(), ['broken-dependency', 'missing-success-criteria']);
    assert.deepEqual(t.rules('b.md'), []);
  });

  it('re-lints only the plans an edit can affect, and publishes only results that changed', async () => {
    const t = setUp({
      'a.md': plan('A', phase('1')),
      'b.md': plan('B', phase('2', '**Dependencies**: Phase 1')),
      'c.md': plan('C', phase('7')),
    });
    dispose = t.dispose;
    const document = t.open('a.md');
    await t.store.ensureIndexed();
    await t.idle();
    assert.deepEqual([...t.shown.keys()].sort(), ['a.md', 'b.md', 'c.md']);
    t.linted.length = 0;
    t.published.length = 0;

    t.workspace.editDocument(document, plan('A', phase('1', '**Status**: In Progress')));
    await t.workspace.clock.advance(TYPING_DEBOUNCE_MS);
    await t.idle();
    assert.deepEqual(t.linted.sort(), ['a.md@2', 'b.md@disk'], 'c.md neither references a.md nor is referenced by it');
    assert.deepEqual(t.published, [], 'the findings did not change, so nothing is sent again');

    t.linted.length = 0;
    t.workspace.editDocument(document, plan('A', '## Phase 1: Work 1\n\n- [ ] Do 1\n'));
    await t.workspace.clock.advance(TYPING_DEBOUNCE_MS);
    await t.idle();
    assert.deepEqual(t.published, ['a.md']);
    assert.deepEqual(t.rules('a.md'), ['missing-success-criteria']);
  });

  it('clears the diagnostics of a plan deleted on disk', async () => {
    const t = setUp({ 'a.md': plan('A', phase('1')), 'b.md': plan('B', '## Phase 2: Bare\n\n- [ ] x\n') });
    dispose = t.dispose;
    await t.store.ensureIndexed();
    await t.idle();
    assert.deepEqual(t.rules('b.md'), ['missing-success-criteria']);
    t.published.length = 0;
    t.workspace.deleteFile('b.md');
    await t.workspace.clock.advance(0);
    await t.idle();
    assert.deepEqual(t.published, ['-b.md']);
    assert.equal(t.shown.has('b.md'), false);
  });

  it('never lints a version older than the one in the editor', async () => {
    const t = setUp({ 'a.md': plan('A', phase('1')) });
    dispose = t.dispose;
    const document = t.open('a.md');
    await t.store.ensureIndexed();
    await t.idle();
    t.linted.length = 0;
    t.workspace.editDocument(document, plan('A', '## Phase 1: Work 1\n\n- [ ] Do 1\n'));
    // A pass runs while the store's debounce still holds version 2 back.
    t.lintSettingsChanged.fire();
    await t.idle();
    assert.deepEqual(t.linted, [], 'the store has version 1, the editor version 2: nothing to publish yet');
    await t.workspace.clock.advance(TYPING_DEBOUNCE_MS);
    await t.idle();
    assert.deepEqual(t.linted, ['a.md@2']);
    assert.deepEqual(t.rules('a.md'), ['missing-success-criteria']);
  });

  it('with "only open files", clears closed plans and lints a plan when its tab opens', async () => {
    const t = setUp({ 'a.md': plan('A', phase('1')), 'b.md': plan('B', phase('2')) });
    dispose = t.dispose;
    t.open('a.md');
    await t.store.ensureIndexed();
    await t.idle();
    assert.deepEqual([...t.shown.keys()].sort(), ['a.md', 'b.md']);

    t.settings.onlyOpen = true;
    t.lintSettingsChanged.fire();
    await t.idle();
    assert.deepEqual([...t.shown.keys()], ['a.md']);

    t.tabs.add(uriOf('b.md').toString());
    t.tabsChanged.fire();
    await t.idle();
    assert.deepEqual([...t.shown.keys()].sort(), ['a.md', 'b.md']);
  });

  it('clears everything when lint is switched off, and lints everything when it is back on', async () => {
    const t = setUp({ 'a.md': plan('A', '## Phase 1: Bare\n\n- [ ] x\n') });
    dispose = t.dispose;
    await t.store.ensureIndexed();
    await t.idle();
    assert.deepEqual(t.rules('a.md'), ['missing-success-criteria']);

    t.settings.enabled = false;
    t.lintSettingsChanged.fire();
    t.workspace.writeFile('a.md', plan('A', '## Phase 1: Still bare\n\n- [ ] y\n'));
    await t.workspace.clock.advance(0);
    await t.idle();
    assert.equal(t.shown.size, 0);

    t.settings.enabled = true;
    t.settings.rules = { 'missing-success-criteria': 'off' };
    t.lintSettingsChanged.fire();
    await t.idle();
    assert.deepEqual(t.rules('a.md'), [], 'the rule settings are read again');
  });

  it('publishes in slices, and a change during a pass stops it and starts a new one', async () => {
    const files: Record<string, string> = {
      'a.md': plan('A', phase('1')),
      'b.md': plan('B', phase('2', '**Dependencies**: Phase 1')),
      'c.md': plan('C', phase('3')),
      'd.md': plan('D', phase('4')),
    };
    let changedMidPass = false;
    const t = setUp(files, {
      // Every lint costs more than a slice: the pass publishes and yields after each plan.
      msPerLint: 40,
      onPublish: () => {
        if (changedMidPass) return;
        changedMidPass = true;
        // After a.md is published, before b.md (which depends on it) is linted.
        t.workspace.writeFile('a.md', plan('A', phase('1', '**Status**: In Progress')));
      },
    });
    dispose = t.dispose;
    await t.store.ensureIndexed();
    await t.idle();
    assert.equal(changedMidPass, true);
    assert.deepEqual([...t.shown.keys()].sort(), ['a.md', 'b.md', 'c.md', 'd.md']);
    assert.equal(t.published[0], 'a.md', 'the first slice was published before the rest was linted');
    assert.deepEqual(
      t.linted.filter((entry) => entry.startsWith('b.md')),
      ['b.md@disk'],
      'b.md is linted once, against the new index: the stale pass stopped before reaching it',
    );
    assert.equal(t.linted.filter((entry) => entry.startsWith('a.md')).length, 2);
  });

  it('orders the work: active editor, visible editors, other tabs, the rest', () => {
    const keys = new Set(['rest', 'tab', 'visible', 'active']);
    assert.deepEqual(prioritized(keys, new Set(['tab', 'active', 'visible']), 'active', ['visible', 'active']), ['active', 'visible', 'tab', 'rest']);
  });
});
