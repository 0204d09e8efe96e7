import assert from 'node:assert/strict';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { buildWorkspaceIndexSliced, indexPlans, PlanCache, type ScanFile } from '../../../src/core/scan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { generatedSamples } from './samples';

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

const NOT_A_PLAN = '# README\n\nInstall it, run it. Nothing here names a phase, though 3 digits appear.\n';
const NO_PHASES = '# Release 2.0 phases overview\n\nA heading with a kind word and a digit but no phase id: parsed, then found empty.\n';

function sources(): { files: ScanFile[]; planTexts: Map<string, string> } {
  const planTexts = new Map(generatedSamples(60).map((sample, index) => [`plans/${index}/${sample.name}`, sample.text]));
  const files: ScanFile[] = [...planTexts].map(([uri, text]) => ({ uri, read: async () => text }));
  files.splice(2, 0, { uri: 'README.md', read: async () => NOT_A_PLAN });
  files.splice(4, 0, { uri: 'notes.md', read: async () => NO_PHASES });
  files.splice(6, 0, { uri: 'gone.md', read: () => Promise.reject(new Error('ENOENT')) });
  files.push({ uri: 'binary.md', read: async () => undefined });
  return { files, planTexts };
}

describe('sliced workspace indexer', () => {
  it('reads every plan as parsePlan does, in the order given, and says what it skipped', async () => {
    const { files, planTexts } = sources();
    const result = await indexPlans(files);
    assert.deepEqual(result.plans.map((entry) => entry.uri), [...planTexts.keys()]);
    for (const entry of result.plans) assert.deepStrictEqual(json(entry.plan), json(parsePlan(planTexts.get(entry.uri)!, entry.uri)));
    assert.deepEqual(
      { ...result.stats, slices: 0, longestSliceMs: 0, longestStepMs: 0, longSlices: 0, elapsedMs: 0 },
      { files: files.length, fromCache: 0, parsed: planTexts.size + 1, parsedOffThread: 0, skipped: 1, withoutPhases: 1, unreadable: 2, tooLarge: 0, slices: 0, longestSliceMs: 0, longestStepMs: 0, longSlices: 0, elapsedMs: 0 },
    );
    assert.deepEqual(result.index.plans, result.plans.map((entry) => entry.plan));
    assert.equal(result.index, result.index, 'the graph is built once');
    assert.equal(result.hashes.size, planTexts.size + 1);
    assert.ok(result.plans.every((entry) => entry.text === undefined));
  });

  it('hands back each plan\'s text when asked to', async () => {
    const { files, planTexts } = sources();
    const result = await indexPlans(files, { keepText: true });
    for (const entry of result.plans) assert.equal(entry.text, planTexts.get(entry.uri));
  });

  it('a warm start takes every plan from the cache and parses nothing', async () => {
    const { files } = sources();
    const cache = new PlanCache();
    const cold = await indexPlans(files, { cache });
    const restored = PlanCache.deserialize(await cache.serialize());
    const warm = await indexPlans(files, { cache: restored });
    assert.equal(warm.stats.parsed, 0);
    assert.equal(warm.stats.fromCache, cold.stats.parsed);
    assert.deepStrictEqual(json(warm.plans), json(cold.plans));
  });

  it('trusts the content hash a first look passes along instead of hashing the text again', async () => {
    const { files } = sources();
    const cache = new PlanCache();
    const cold = await indexPlans(files, { cache });
    const restored = PlanCache.deserialize(await cache.serialize());
    const hashOf = new Map(cold.plans.map((entry) => [entry.uri, entry.hash]));
    // The texts changed but the hashes handed over are the old ones: the plans come from the cache all the same.
    const looked: ScanFile[] = files.map((file) => ({ uri: file.uri, read: async () => `${await file.read()}\n`, hash: hashOf.get(file.uri) }));
    const warm = await indexPlans(looked, { cache: restored });
    assert.equal(warm.stats.fromCache, cold.plans.length);
    assert.deepStrictEqual(json(warm.plans.map((entry) => entry.plan)), json(cold.plans.map((entry) => entry.plan)));
  });

  it('yields to the event loop between slices, so other work runs while it indexes', async () => {
    const { files, planTexts } = sources();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    const result = await indexPlans(files, { sliceMs: 0 });
    clearInterval(ticker);
    assert.ok(result.stats.slices > planTexts.size, `only ${result.stats.slices} yields`);
    assert.ok(ticks > 0, 'a timer ran during indexing');
    // Slicing changes when the work is done, never what it finds.
    assert.deepStrictEqual(json(result.plans), json((await indexPlans(files)).plans));
  });

  it('measures busy time on the clock it is given', async () => {
    const { files } = sources();
    let fake = 0;
    // A clock that advances 5 "ms" per reading: every unit looks 5 ms long; a third unit would overrun a 12 ms slice.
    const result = await indexPlans(files, { sliceMs: 12, clock: () => (fake += 5) });
    assert.equal(result.stats.longestSliceMs, 10);
    assert.equal(result.stats.longestStepMs, 5);
    assert.equal(result.stats.longSlices, 0);
    // A clock on which every unit takes 60 "ms": every slice is one unit, and every one is long.
    let slow = 0;
    const long = await indexPlans(files.slice(0, 3), { clock: () => (slow += 60) });
    assert.equal(long.stats.longestSliceMs, 60);
    assert.equal(long.stats.longSlices, long.stats.slices + 1);
  });

  it('reports progress after every file and stops when aborted', async () => {
    const { files } = sources();
    const seen: number[] = [];
    await indexPlans(files, { onProgress: (progress) => seen.push(progress.done) });
    assert.deepEqual(seen, files.map((_, index) => index + 1));

    const controller = new AbortController();
    const aborted = indexPlans(files, {
      signal: controller.signal,
      sliceMs: 0,
      onProgress: (progress) => {
        if (progress.done === 3) controller.abort();
      },
    });
    await assert.rejects(aborted, (error: Error) => error.name === 'AbortError');
  });

  it('builds the graph in slices, equal to the one-piece build', async () => {
    const { files } = sources();
    const result = await indexPlans(files);
    const plans = result.plans.map((entry) => entry.plan);
    const whole = buildWorkspaceIndex(plans);
    const sliced = await buildWorkspaceIndexSliced(plans, { sliceMs: 0 });
    for (const index of [result.index, sliced]) {
      const shape = (graph: typeof whole) => ({
        edges: graph.edges.map((edge) => [edge.from.phase.key, edge.to.phase.key, edge.ref.line]),
        unresolved: graph.unresolved.map((entry) => [entry.from.phase.key, entry.ref.key, entry.suggestion?.phase.key]),
        cycles: graph.cycles.map((cycle) => cycle.members.map((member) => member.phase.key)),
        order: graph.order.map((ref) => `${ref.plan.file}#${ref.phase.key}`),
      });
      assert.deepEqual(shape(index), shape(whole));
    }
    // Without buildIndex the graph waits until it is asked for.
    const lazy = await indexPlans(files, { buildIndex: false });
    assert.equal(lazy.index.plans.length, plans.length);
  });

  it('an empty workspace gives an empty index', async () => {
    const result = await indexPlans([]);
    assert.deepEqual(result.plans, []);
    assert.deepEqual(result.index.plans, []);
  });
});
