import assert from 'node:assert/strict';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { contentHash, PlanCache, type ClosableParserThread } from '../../../src/core/scan';
import { CACHE_FILE, PlanStore } from '../../../src/core/store';
import { InMemoryWorkspace, memoryStorage, uriOf, type MemoryUri } from '../../support/inMemoryWorkspace';

/** A plan in the heading notation: `## Phase n` headings, each with a task the outline cannot see. */
function plan(name: string, count = 2): string {
  const lines = [`# ${name}`, ''];
  for (let n = 1; n <= count; n++) lines.push(`## Phase ${n}: ${name} step ${n}`, '', `- [x] do ${name} ${n}`, '');
  return lines.join('\n');
}

/** A parser thread whose parses wait until `release()`: the index cannot finish before the test lets it. */
function heldParser() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  const thread: ClosableParserThread = {
    unavailable: false,
    async parse(text, uri) {
      asked.push(uri);
      await gate;
      return JSON.stringify(parsePlan(text, uri));
    },
    async close() {},
  };
  return { thread, release, asked };
}

const SHOWN = { includeProvisional: true };

function outlineOf(store: PlanStore<MemoryUri>) {
  return store.plans(SHOWN).map((entry) => ({
    path: entry.uri.path,
    provisional: entry.provisional ?? false,
    phases: allPhases(entry.plan).map((phase) => `${phase.id}@${phase.line} ${phase.title} [${phase.status}, ${phase.tasks.length} tasks]`),
  }));
}

describe('core/store: the first look of a cold index (provisional plans from the outline)', () => {
  let store: PlanStore<MemoryUri> | undefined;
  afterEach(() => store?.dispose());

  it('shows every plan’s heading phases, marked provisional, before any parse is back; then the full parse replaces them', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta', 3), 'notes.md': 'Just notes, no phases.\n' });
    const parser = heldParser();
    store = new PlanStore(workspace, { parserThread: () => parser.thread });
    const announced: string[][] = [];
    store.onDidChange((uris) => announced.push(uris.map((uri) => uri.path)));

    await store.ensureFirstLook();
    assert.equal(store.isIndexed, false);
    assert.deepEqual(outlineOf(store), [
      { path: '/ws/a.md', provisional: true, phases: ['1@3 Alpha step 1 [planned, 0 tasks]', '2@7 Alpha step 2 [planned, 0 tasks]'] },
      { path: '/ws/b.md', provisional: true, phases: ['1@3 Beta step 1 [planned, 0 tasks]', '2@7 Beta step 2 [planned, 0 tasks]', '3@11 Beta step 3 [planned, 0 tasks]'] },
    ]);
    assert.deepEqual(announced, [['/ws/a.md', '/ws/b.md']], 'the views heard of them');
    // Whatever reads plans as real (lint, the agent tools, commands) does not see them.
    assert.deepEqual(store.plans(), []);
    assert.equal(store.get(uriOf('a.md')), undefined);
    assert.equal(store.get(uriOf('a.md'), SHOWN)?.provisional, true);
    assert.deepEqual(store.index().plans, [], 'the graph holds parsed plans only');

    parser.release();
    await store.ensureIndexed();
    assert.deepEqual(outlineOf(store), [
      { path: '/ws/a.md', provisional: false, phases: ['1@3 Alpha step 1 [done, 1 tasks]', '2@7 Alpha step 2 [done, 1 tasks]'] },
      { path: '/ws/b.md', provisional: false, phases: ['1@3 Beta step 1 [done, 1 tasks]', '2@7 Beta step 2 [done, 1 tasks]', '3@11 Beta step 3 [done, 1 tasks]'] },
    ]);
    assert.equal(store.plans().length, 2);
    assert.equal(store.index().plans.length, 2);
    assert.deepEqual(announced.at(-1), ['/ws/a.md', '/ws/b.md']);
  });

  it('reads each file once: the indexer parses the texts the first look read', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta'), 'notes.md': 'Just notes.\n' });
    store = new PlanStore(workspace);
    await store.ensureIndexed();
    assert.equal(workspace.counts.reads, 3);
    assert.equal(store.lastIndexStats?.parsed, 2);
    assert.equal(store.lastIndexStats?.skipped, 1);
  });

  it('keeps plans that only the parse finds (phases in a list), which the outline cannot show', async () => {
    const workspace = new InMemoryWorkspace({ 'list.md': '# Roadmap\n\n- **Phase 1: Setup**\n- **Phase 2: Build**\n' });
    const parser = heldParser();
    store = new PlanStore(workspace, { parserThread: () => parser.thread });
    await store.ensureFirstLook();
    assert.deepEqual(store.plans(SHOWN), []);
    parser.release();
    await store.ensureIndexed();
    assert.deepEqual(
      store.plans().map((entry) => allPhases(entry.plan).map((phase) => phase.id)),
      [['1', '2']],
    );
  });

  it('never caches a provisional plan, and a warm start shows the cached plans, not provisional ones', async () => {
    const storage = memoryStorage();
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta') });
    workspace.storage = storage;
    const parser = heldParser();
    const first = new PlanStore(workspace, { parserThread: () => parser.thread });
    await first.ensureFirstLook();
    assert.equal(storage.saved.size, 0);
    parser.release();
    await first.ensureIndexed();
    first.dispose();
    for (let turn = 0; turn < 50 && storage.saved.size === 0; turn++) await workspace.clock.advance(0);
    const cache = await PlanCache.load(storage.saved.get(CACHE_FILE)!);
    assert.equal(cache.size, 2);
    for (const path of ['a.md', 'b.md']) {
      const cached = cache.get(contentHash(Buffer.from(workspace.files.get(uriOf(path).toString())!).toString('utf8')), uriOf(path).toString());
      assert.ok(cached && allPhases(cached).every((phase) => phase.tasks.length === 1), `${path}: the parsed plan is cached`);
    }

    const warm = heldParser();
    store = new PlanStore(workspace, { parserThread: () => warm.thread });
    await store.ensureFirstLook();
    assert.deepEqual(
      outlineOf(store).map(({ path, provisional }) => ({ path, provisional })),
      [
        { path: '/ws/a.md', provisional: false },
        { path: '/ws/b.md', provisional: false },
      ],
    );
    assert.equal(store.plans().length, 2, 'cached plans are real plans at once');
    await store.ensureIndexed();
    assert.deepEqual(warm.asked, [], 'nothing to parse');
  });

  it('leaves no provisional plan behind when a reindex abandons the scan midway', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha'), 'b.md': plan('Beta') });
    const parsers = [heldParser(), heldParser()];
    let made = 0;
    store = new PlanStore(workspace, { parserThread: () => parsers[made++]!.thread });
    await store.ensureFirstLook();
    assert.equal(store.plans(SHOWN).length, 2);

    workspace.writeFile('b.md', 'No longer a plan.\n');
    const reindexed = store.reindex();
    assert.deepEqual(store.plans(SHOWN), [], 'the abandoned scan’s provisional plans go with it');
    await store.ensureFirstLook();
    assert.deepEqual(outlineOf(store).map(({ path, provisional }) => ({ path, provisional })), [{ path: '/ws/a.md', provisional: true }]);
    parsers[0]!.release();
    parsers[1]!.release();
    await reindexed;
    assert.deepEqual(
      store.plans(SHOWN).map((entry) => ({ path: entry.uri.path, provisional: entry.provisional ?? false })),
      [{ path: '/ws/a.md', provisional: false }],
    );
  });

  it('parses a plan opened while it is provisional as the editor holds it', async () => {
    const workspace = new InMemoryWorkspace({ 'a.md': plan('Alpha') });
    const parser = heldParser();
    store = new PlanStore(workspace, { parserThread: () => parser.thread });
    await store.ensureFirstLook();
    const document = workspace.openDocument('a.md');
    const entry = store.entryFor(document);
    assert.equal(entry?.provisional, undefined);
    assert.equal(entry?.version, 1);
    assert.equal(allPhases(entry!.plan)[0]!.tasks.length, 1);
    parser.release();
    await store.ensureIndexed();
    assert.equal(store.get(document.uri)?.version, 1, 'the open document wins over the scan');
  });
});
