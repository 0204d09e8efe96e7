import assert from 'node:assert/strict';
import { contentHash, detachPlan, PARSER_VERSION, PlanCache } from '../../../src/core/scan';
import { cacheFileOf } from '../../../src/core/scan/planCache';
import type { Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { fixtureSamples, generatedSamples, sharedSamples } from './samples';
import { countEventLoopTurns } from '../../support/eventLoopTurns';

function planOf(text: string, file: string): Plan {
  return parsePlan(text, file);
}

describe('plan cache and plan serialization', () => {
  it('a plan survives the JSON round trip unchanged (seeds, corpus, fixtures, generated)', () => {
    for (const sample of [...fixtureSamples(), ...sharedSamples(), ...generatedSamples()]) {
      const plan = planOf(sample.text, sample.name);
      assert.deepStrictEqual(detachPlan(plan), plan, sample.name);
    }
  });

  it('serializes and deserializes every entry', async () => {
    const cache = new PlanCache();
    const samples = generatedSamples(60);
    for (const sample of samples) cache.set(contentHash(sample.text), planOf(sample.text, sample.name));
    const text = await cache.serialize();
    const restored = PlanCache.deserialize(text);
    assert.equal(restored.size, samples.length);
    for (const sample of samples) assert.deepStrictEqual(restored.get(contentHash(sample.text), sample.name), planOf(sample.text, sample.name));
    // Entries read from the bytes serialize to the same bytes again, read or not.
    assert.deepEqual(Buffer.from(await PlanCache.deserialize(text).serialize()), Buffer.from(text));
    assert.deepEqual(Buffer.from(await restored.serialize()), Buffer.from(text));
    // The same cache as a string reads the same.
    assert.deepStrictEqual(PlanCache.deserialize(Buffer.from(text).toString('utf8')).get(contentHash(samples[0]!.text), samples[0]!.name), planOf(samples[0]!.text, samples[0]!.name));
  });

  it('writes plans as ASCII JSON and reads entries in either encoding to the same plan', async () => {
    // Accents, a CJK id, an emoji (a surrogate pair) and a no-break space: every one escaped on the way out.
    const text = '# Plan été\n\n## Phase 1: Café 🚀\n\n- [ ] 読む\n\n## 阶段 2: Fin\u00a0now\n';
    const plan = planOf(text, 'été.md');
    const cache = new PlanCache();
    cache.set(contentHash(text), plan);
    const bytes = Buffer.from(await cache.serialize());
    assert.ok(bytes.every((byte) => byte < 0x80), 'the file is ASCII');
    assert.deepStrictEqual(PlanCache.deserialize(bytes).get(contentHash(text), 'été.md'), plan);
    // An entry holding UTF-8 (written before the escaping) reads the same.
    const utf8 = cacheFileOf([[contentHash(text), JSON.stringify(plan)]]);
    assert.deepStrictEqual(PlanCache.deserialize(utf8).get(contentHash(text), 'été.md'), plan);
  });

  it('serializes in slices without changing the result', async () => {
    const cache = new PlanCache();
    for (const sample of generatedSamples(40)) cache.set(contentHash(sample.text), planOf(sample.text, sample.name));
    const turns = countEventLoopTurns();
    const sliced = await cache.serialize({ sliceMs: 0 });
    assert.ok(turns.stop() > 0, 'other work ran while serializing');
    assert.deepEqual(Buffer.from(sliced), Buffer.from(await cache.serialize()));
  });

  it('loads in slices, yielding between them, to the same entries as deserialize', async () => {
    const cache = new PlanCache();
    const samples = generatedSamples(40);
    for (const sample of samples) cache.set(contentHash(sample.text), planOf(sample.text, sample.name));
    const bytes = await cache.serialize();
    // A clock that advances a millisecond per reading: every reading past the slice yields.
    let now = 0;
    const turns = countEventLoopTurns();
    const loaded = await PlanCache.load(bytes, { sliceMs: 0, clock: () => now++ });
    assert.ok(turns.stop() > 0, 'other work ran while loading');
    assert.equal(loaded.size, samples.length);
    for (const sample of samples) assert.deepStrictEqual(loaded.get(contentHash(sample.text), sample.name), planOf(sample.text, sample.name));
    assert.deepEqual(Buffer.from(await loaded.serialize()), Buffer.from(bytes));
    for (const data of ['garbage', undefined, `phaselens-plan-cache ${PARSER_VERSION + 1}\nabc\t{}`]) assert.equal((await PlanCache.load(data)).size, 0);
  });

  it('drops a cache written by another parser version, or anything that is not a cache', () => {
    const other = `phaselens-plan-cache ${PARSER_VERSION + 1}\nabc\t{"file":"a.md"}`;
    for (const data of [other, Buffer.from(other), '', new Uint8Array(0), 'garbage', '{"entries":[]}', undefined, 42, null, {}]) assert.equal(PlanCache.deserialize(data).size, 0);
  });

  it('skips damaged entries and keeps the good ones', async () => {
    const sample = generatedSamples(40)[0]!;
    const hash = contentHash(sample.text);
    const good = JSON.stringify(planOf(sample.text, 'a.md'));
    const bytes = cacheFileOf([
      ['broken', '{"file": '],
      [hash, good],
      ['shape', '{"file":"x.md"}'],
    ]);
    for (const restored of [PlanCache.deserialize(bytes), await PlanCache.load(bytes, { sliceMs: 0 })]) {
      assert.equal(restored.get('broken', 'x.md'), undefined);
      assert.equal(restored.get('shape', 'x.md'), undefined);
      assert.equal(restored.has('broken'), false, 'a damaged entry is forgotten once read');
      assert.deepStrictEqual(restored.get(hash, 'a.md'), planOf(sample.text, 'a.md'));
    }
  });

  it('reads only the index when loading: a damaged index keeps the entries before the damage', () => {
    const entries = generatedSamples(40)
      .slice(0, 3)
      .map((sample) => [contentHash(sample.text), JSON.stringify(planOf(sample.text, sample.name))] as const);
    const text = Buffer.from(cacheFileOf(entries)).toString('utf8');
    const lines = text.split('\n');
    // The second index line loses its length: the first entry is still found, the rest are not.
    lines[2] = lines[2]!.replace(/\t\d+$/, '\tmany');
    const damaged = PlanCache.deserialize(lines.join('\n'));
    assert.equal(damaged.size, 1);
    assert.deepStrictEqual(damaged.get(entries[0]![0], generatedSamples(40)[0]!.name), JSON.parse(entries[0]![1]));
    // A file cut inside the plans keeps the entries it still holds whole.
    const bytes = cacheFileOf(entries);
    assert.equal(PlanCache.deserialize(bytes.subarray(0, bytes.length - 1)).size, 2);
    // A file cut inside the index (no empty line ends it) holds nothing.
    assert.equal(PlanCache.deserialize(text.slice(0, text.indexOf('\n\n'))).size, 0);
    // The file of an older layout (one `hash<TAB>plan` line per entry) is discarded whole.
    assert.equal(PlanCache.deserialize(`phaselens-plan-cache ${PARSER_VERSION}\n${entries[0]![0]}\t${entries[0]![1]}`).size, 0);
  });

  it('serves a plan to another path with the same file name, and not to another name', () => {
    const text = 'No heading here, so the title is the file name.\n';
    const cache = new PlanCache();
    const hash = contentHash(text);
    cache.set(hash, planOf(text, 'docs/PLAN.md'));
    const moved = cache.get(hash, 'archive/PLAN.md')!;
    assert.equal(moved.file, 'archive/PLAN.md');
    assert.deepStrictEqual(moved, planOf(text, 'archive/PLAN.md'));
    assert.equal(cache.get(hash, 'docs/OTHER.md'), undefined);
  });

  it('retainOnly forgets entries of files that are gone', () => {
    const cache = new PlanCache();
    const [a, b] = generatedSamples(30);
    cache.set(contentHash(a!.text), planOf(a!.text, 'a.md'));
    cache.set(contentHash(b!.text), planOf(b!.text, 'b.md'));
    cache.retainOnly(new Set([contentHash(a!.text)]));
    assert.equal(cache.size, 1);
    assert.ok(cache.has(contentHash(a!.text)));
  });

  it('hashes by content: equal texts share a key, a one-character change does not', () => {
    const text = generatedSamples(30)[0]!.text;
    assert.equal(contentHash(text), contentHash(`${text}`));
    assert.notEqual(contentHash(text), contentHash(`${text} `));
  });
});
