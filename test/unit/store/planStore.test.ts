import assert from 'node:assert/strict';
import { MAX_PLAN_BYTES, planSizeMessage } from '../../../src/core/scan';
import { PlanStore, TYPING_DEBOUNCE_MS } from '../../../src/core/store';
import { InMemoryWorkspace, memoryStorage, uriOf, type MemoryUri } from '../../support/inMemoryWorkspace';

/** A plan in the heading notation with `count` phases titled after `name`. */
function plan(name: string, count = 2): string {
  const lines = [`# ${name}`, ''];
  for (let n = 1; n <= count; n++) lines.push(`## Phase ${n}: ${name} step ${n}`, '', `- [ ] do ${name} ${n}`, '');
  return lines.join('\n');
}

/** A store over `workspace`, with every change it announces recorded as keys. */
function storeOver(workspace: InMemoryWorkspace) {
  const store = new PlanStore(workspace);
  const announced: string[][] = [];
  store.onDidChange((uris) => announced.push(uris.map((uri) => uri.toString())));
  return { store, announced };
}

function titles(store: PlanStore<MemoryUri>, path: string): string[] | undefined {
  return store.get(uriOf(path))?.plan.phases.map((phase) => phase.title);
}

describe('core/store: the plan store over an in-memory workspace', () => {
  let store: PlanStore<MemoryUri> | undefined;
  afterEach(() => store?.dispose());

  it('indexes the workspace once, keeping plans and skipping other markdown', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta'), 'notes.md': 'Just notes, no phases.\n', 'node_modules/x/PLAN.md': plan('Vendored') });
    ({ store } = storeOver(workspace));
    await Promise.all([store.ensureIndexed(), store.ensureIndexed()]);
    assert.equal(workspace.counts.scans, 1);
    assert.deepEqual(
      store.plans().map((entry) => entry.uri.path),
      ['/ws/a.md', '/ws/b.md'],
    );
    assert.equal(store.isIndexed, true);
    assert.deepEqual(workspace.contexts, [
      ['phaselens.indexed', false],
      ['phaselens.indexed', true],
      ['phaselens.hasPlans', true],
    ]);
  });

  it('parses an opened plan at its version and starts indexing the rest', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta') });
    let announced: string[][];
    ({ store, announced } = storeOver(workspace));
    const document = workspace.openDocument('a.md');
    assert.equal(store.get(document.uri), undefined, 'parsed when its zero-delay timer runs, not inside the event');
    await workspace.clock.advance(0);
    assert.equal(store.get(document.uri)?.version, 1);
    assert.ok(
      announced.some((uris) => uris.includes(document.uri.toString())),
      'its plan is announced',
    );
    await store.ensureIndexed();
    assert.equal(workspace.counts.scans, 1);
    // The open document is not read from disk by the scan: it is the editor's.
    assert.equal(workspace.counts.reads, 1);
    assert.deepEqual(titles(store, 'b.md'), ['Beta step 1', 'Beta step 2']);
  });

  it('debounces typing: one parse after the last keystroke, at the latest version only', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha') });
    ({ store } = storeOver(workspace));
    const document = workspace.openDocument('a.md');
    await workspace.clock.advance(0);
    await store.ensureIndexed();
    const versionsSeen: Array<number | undefined> = [];
    store.onDidChange(() => versionsSeen.push(store!.get(document.uri)?.version));

    for (const name of ['Al', 'Alp', 'Alph', 'Alphabet']) {
      workspace.editDocument(document, plan(name));
      await workspace.clock.advance(TYPING_DEBOUNCE_MS - 1);
    }
    assert.equal(store.get(document.uri)?.version, 1, 'nothing parsed while keystrokes come faster than the debounce');
    await workspace.clock.advance(1);
    assert.equal(store.get(document.uri)?.version, 5);
    assert.deepEqual(titles(store, 'a.md'), ['Alphabet step 1', 'Alphabet step 2']);
    assert.deepEqual(versionsSeen, [5], 'versions 2 to 4 were never stored or announced');
  });

  it('never stores a result for an older version: a pending parse reads the document as it is when it runs', async () => {
    const workspace = new InMemoryWorkspace({});
    ({ store } = storeOver(workspace));
    const document = workspace.openDocument('a.md', plan('One'));
    await workspace.clock.advance(0);
    workspace.editDocument(document, plan('Two'));
    // The text changes again before the debounce ends, and the change event is still on its way.
    document.text = plan('Three');
    document.version++;
    await workspace.clock.advance(TYPING_DEBOUNCE_MS);
    const entry = store.get(document.uri);
    assert.equal(entry?.version, 3);
    assert.equal(entry?.text, plan('Three'));
    // Asking for the document at its version is a lookup, not a second parse.
    assert.equal(store.entryFor(document), entry);
  });

  it('keeps the open document on save, and the disk once a document closes with unsaved edits', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Saved') });
    let announced: string[][];
    ({ store, announced } = storeOver(workspace));
    await store.ensureIndexed();
    const document = workspace.openDocument('a.md');
    workspace.editDocument(document, plan('Edited'));
    await workspace.clock.advance(TYPING_DEBOUNCE_MS);
    workspace.saveDocument(document);
    await workspace.clock.advance(0);
    assert.equal(store.get(document.uri)?.version, 2, 'the watcher reporting the save does not replace the document with the disk');

    workspace.editDocument(document, plan('Unsaved'));
    await workspace.clock.advance(TYPING_DEBOUNCE_MS);
    assert.deepEqual(titles(store, 'a.md'), ['Unsaved step 1', 'Unsaved step 2']);
    const before = announced.length;
    workspace.closeDocument(document);
    await workspace.clock.advance(0);
    assert.equal(store.get(document.uri)?.version, undefined);
    assert.deepEqual(titles(store, 'a.md'), ['Edited step 1', 'Edited step 2'], 'the saved text on disk is the truth again');
    assert.equal(announced.length, before + 1);
  });

  it('reads a plan from disk when it closes before its first parse, while a scan skipped it for being open', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta') });
    ({ store } = storeOver(workspace));
    const release = workspace.holdReads();
    const document = workspace.openDocument('b.md');
    const indexed = store.ensureIndexed();
    // The scan has listed the files, left b.md out as open, and waits on reading a.md.
    while (workspace.counts.scans === 0) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    workspace.closeDocument(document);
    release();
    await indexed;
    await workspace.clock.advance(0);
    assert.deepEqual(titles(store, 'b.md'), ['Beta step 1', 'Beta step 2'], 'the scan left it to the editor, and the editor closed it unparsed');
  });

  it('follows files created, changed, deleted and renamed on disk', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha') });
    let announced: string[][];
    ({ store, announced } = storeOver(workspace));
    await store.ensureIndexed();
    announced.length = 0;

    workspace.writeFile('b.md', plan('Beta'));
    await workspace.clock.advance(0);
    assert.deepEqual(titles(store, 'b.md'), ['Beta step 1', 'Beta step 2']);

    workspace.writeFile('b.md', plan('Better', 3));
    await workspace.clock.advance(0);
    assert.deepEqual(titles(store, 'b.md'), ['Better step 1', 'Better step 2', 'Better step 3']);

    workspace.writeFile('readme.md', 'No phases here.\n');
    workspace.writeFile('data.txt', plan('Not markdown'));
    await workspace.clock.advance(0);
    assert.equal(store.get(uriOf('data.txt')), undefined);

    workspace.renameFile('b.md', 'c.md');
    await workspace.clock.advance(0);
    assert.equal(store.get(uriOf('b.md')), undefined);
    assert.deepEqual(titles(store, 'c.md'), ['Better step 1', 'Better step 2', 'Better step 3']);

    workspace.deleteFile('a.md');
    await workspace.clock.advance(0);
    assert.deepEqual(
      store.plans().map((entry) => entry.uri.path),
      ['/ws/c.md'],
    );
    const keys = (path: string) => announced.filter((uris) => uris.includes(uriOf(path).toString())).length;
    assert.equal(keys('readme.md'), 0, 'markdown without phases is no change to announce');
    assert.ok(keys('b.md') >= 3 && keys('c.md') >= 1 && keys('a.md') === 1);
    assert.deepEqual(store.index().plans.map((p) => p.file), [uriOf('c.md').toString()], 'the graph follows the entries');
  });

  it('lets open documents win over disk, also for a document opened while indexing runs', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Disk A'), 'b.md': plan('Disk B') });
    ({ store } = storeOver(workspace));
    const a = workspace.openDocument('a.md', plan('Editor A'));
    const release = workspace.holdReads();
    const indexing = store.ensureIndexed();
    await workspace.clock.advance(0);
    const b = workspace.openDocument('b.md', plan('Editor B'));
    await workspace.clock.advance(0);
    release();
    await indexing;
    assert.deepEqual(titles(store, 'a.md'), ['Editor A step 1', 'Editor A step 2']);
    assert.deepEqual(titles(store, 'b.md'), ['Editor B step 1', 'Editor B step 2']);
    assert.equal(store.get(a.uri)?.version, 1);
    assert.equal(store.get(b.uri)?.version, 1);

    // A change on disk to an open document is not the editor's text: it is ignored.
    workspace.writeFile('a.md', plan('Disk again'));
    await workspace.clock.advance(0);
    assert.deepEqual(titles(store, 'a.md'), ['Editor A step 1', 'Editor A step 2']);
  });

  it('reindex aborts the scan in flight instead of running two, and its waiters get the new result', async () => {
    const files: Record<string, string> = {};
    const count = 40;
    for (let n = 0; n < count; n++) files[`p${String(n).padStart(2, '0')}.md`] = plan(`Old ${n}`, 1);
    const workspace = new InMemoryWorkspace(files);
    ({ store } = storeOver(workspace));
    const release = workspace.holdReads();
    const first = store.ensureIndexed();
    await workspace.clock.advance(0);
    assert.equal(workspace.counts.scans, 1);
    assert.equal(store.isIndexed, false);

    workspace.writeFile('p00.md', plan('New 0', 1));
    const second = store.reindex();
    release();
    await Promise.all([first, second]);

    assert.equal(workspace.counts.scans, 2);
    // Two whole scans would have read every file twice; the first stopped after its read-ahead.
    assert.ok(workspace.counts.reads < 2 * count - 10, `read ${workspace.counts.reads} files for ${count}`);
    assert.equal(store.isIndexed, true);
    assert.equal(store.plans().length, count);
    assert.deepEqual(titles(store, 'p00.md'), ['New 0 step 1'], 'the first waiter sees what the second scan read');
    assert.equal(workspace.contexts.filter(([key, value]) => key === 'phaselens.indexed' && value).length, 1, 'only one scan finished');
  });

  it('abandons the scan in flight when disposed, without a rejection for whoever waited', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 30; n++) files[`p${n}.md`] = plan(`Plan ${n}`, 1);
    const workspace = new InMemoryWorkspace(files);
    const own = storeOver(workspace);
    const release = workspace.holdReads();
    const indexing = own.store.ensureIndexed();
    await workspace.clock.advance(0);
    own.store.dispose();
    release();
    await indexing;
    assert.ok(workspace.counts.reads < 30, `read ${workspace.counts.reads} of 30 files`);
    assert.equal(workspace.counts.scans, 1);
    assert.deepEqual(own.announced, []);
    assert.equal(workspace.contexts.some(([key, value]) => key === 'phaselens.indexed' && value), false);
  });

  it('reads the workspace again when the files that may be plans change', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'docs/b.md': plan('Beta') });
    ({ store } = storeOver(workspace));
    await store.ensureIndexed();
    assert.equal(store.plans().length, 2);
    workspace.accepted = (path) => !path.startsWith('/ws/docs/') && path.endsWith('.md');
    workspace.changeScope();
    await store.ensureIndexed();
    await workspace.clock.advance(0);
    assert.deepEqual(
      store.plans().map((entry) => entry.uri.path),
      ['/ws/a.md'],
    );
  });

  it('skips a document over the 10 MB cap with one clear message per file', async () => {
    const workspace = new InMemoryWorkspace({});
    ({ store } = storeOver(workspace));
    const huge = plan('Huge') + 'x'.repeat(MAX_PLAN_BYTES);
    const document = workspace.openDocument('big/huge.md', huge);
    await workspace.clock.advance(0);
    assert.equal(store.get(document.uri)?.plan.phases.length, 0, 'no plan, and no parse that would hold the host');
    assert.deepEqual(workspace.warnings, [planSizeMessage('big/huge.md', Buffer.byteLength(huge, 'utf8'))]);
    assert.match(workspace.warnings[0]!, /big\/huge\.md.*10 MB/);
    workspace.editDocument(document, huge + 'y');
    await workspace.clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(workspace.warnings.length, 1, 'told once per file per session');
    workspace.editDocument(document, plan('Huge'));
    await workspace.clock.advance(TYPING_DEBOUNCE_MS);
    assert.deepEqual(titles(store, 'big/huge.md'), ['Huge step 1', 'Huge step 2'], 'back under the cap, it is a plan again');
  });

  it('starts warm from the cache a previous session saved', async () => {
    const storage = memoryStorage();
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta') });
    workspace.storage = storage;
    const first = new PlanStore(workspace);
    await first.ensureIndexed();
    assert.equal(first.lastIndexStats?.parsed, 2);
    first.dispose();
    for (let turn = 0; turn < 50 && storage.saved.size === 0; turn++) await workspace.clock.advance(0);
    assert.equal(storage.saved.size, 1);

    store = new PlanStore(workspace);
    await store.ensureIndexed();
    assert.equal(store.lastIndexStats?.fromCache, 2);
    assert.equal(store.lastIndexStats?.parsed, 0);
    assert.deepEqual(titles(store, 'b.md'), ['Beta step 1', 'Beta step 2']);
  });

  it('stops listening and cancels pending parses when disposed', async () => {
    const workspace = new InMemoryWorkspace({});
    const own = storeOver(workspace);
    const document = workspace.openDocument('a.md', plan('Alpha'));
    own.store.dispose();
    assert.equal(workspace.clock.pending, 0);
    workspace.editDocument(document, plan('Beta'));
    workspace.writeFile('b.md', plan('Gamma'));
    await workspace.clock.advance(TYPING_DEBOUNCE_MS);
    assert.equal(own.store.plans().length, 0);
    assert.deepEqual(own.announced, []);
  });
});
