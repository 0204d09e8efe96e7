import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { contentHash, PlanCache } from '../../../src/core/scan';
import { cacheFileOf } from '../../../src/core/scan/planCache';
import { isPlanShape } from '../../../src/core/scan/planShape';
import { lintPlan } from '../../../src/core/lint';
import type { Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { generatedSamples } from './samples';

/**
 * A persisted cache damaged in any way (a value of the wrong type anywhere in an entry, or a
 * value of the right type that makes no sense) costs a reparse, never a crash: entries of the
 * wrong shape are dropped, and whatever is accepted goes through the graph and the lint rules
 * without an exception.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a leaf or container inside a JSON value, with the key it sits under. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  return found;
}

function replaced(value: Json, path: readonly (string | number)[], next: (old: Json) => Json): Json {
  if (path.length === 0) return next(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, next) : item));
  const record = value as Record<string, Json>;
  return { ...record, [head as string]: replaced(record[head as string]!, rest, next) };
}

/** A value whose JSON type differs from `old`'s: the validator must reject it. */
function otherType(old: Json, pick: number): Json {
  const candidates: Json[] = [null, true, 1.5, 'x', [], {}, -1];
  const kind = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);
  const different = candidates.filter((candidate) => kind(candidate) !== kind(old) && !(kind(old) === 'integer' && kind(candidate) === 'number'));
  return different[pick % different.length]!;
}

/** A value of the same JSON type that the parser would never produce. */
function sameTypeNonsense(old: Json, pick: number): Json {
  if (typeof old === 'number') return [-1, 0, 2 ** 31, -(2 ** 40), 7][pick % 5]!;
  if (typeof old === 'string') return ['', 'P1', 'phase:1', 'phase:', '\u0000', 'constructor', '__proto__', '7.7.7.7'][pick % 8]!;
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return pick % 2 === 0 ? [] : [...old, ...old];
  return old;
}

describe('plan cache: damaged entries never crash', function () {
  // Hundreds of graph builds and lint runs: generous on a shared machine (no clock is asserted).
  this.timeout(600_000);
  const samples = generatedSamples(120).slice(0, 6);
  const plans = samples.map((sample) => parsePlan(sample.text, sample.name));
  const good = plans.map((plan) => JSON.parse(JSON.stringify(plan)) as Json);
  const allPaths = good.map((json) => paths(json));
  /** What the graph and lint over a loaded cache do on every start. */
  const useCache = (bytes: string) => {
    const cache = PlanCache.deserialize(bytes);
    const loaded: { plan: Plan; text: string }[] = [];
    samples.forEach((sample) => {
      const plan = cache.get(contentHash(sample.text), sample.name);
      if (plan) loaded.push({ plan, text: sample.text });
    });
    const index = buildWorkspaceIndex(loaded.map((entry) => entry.plan));
    for (const { plan, text } of loaded) lintPlan(plan, text, { workspace: index });
    return loaded;
  };
  const cacheText = (entries: readonly Json[]) => Buffer.from(cacheFileOf(entries.map((json, index) => [contentHash(samples[index]!.text), JSON.stringify(json)] as const))).toString('utf8');

  it('the generated plans pass the shape check as parsed', () => {
    for (const plan of plans) assert.ok(isPlanShape(JSON.parse(JSON.stringify(plan))), plan.file);
    assert.equal(useCache(cacheText(good)).length, samples.length);
  });

  it('a value of the wrong type anywhere drops that entry only', () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.nat(), fc.nat(), (which, where, pick) => {
        const path = allPaths[which]![where % allPaths[which]!.length]!;
        const damaged = good.map((json, index) => (index === which ? replaced(json, path, (old) => otherType(old, pick)) : json));
        const loaded = useCache(cacheText(damaged));
        assert.equal(loaded.length, samples.length - 1, `${path.join('.')} accepted`);
      }),
      { numRuns: 120 },
    );
  });

  it('values of the right type that make no sense, and cut or flipped bytes, never crash the graph or the lint', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(samples.length - 1), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(255), (edits, cut, byte) => {
        let damaged = good;
        for (const [which, where, pick] of edits) {
          const path = allPaths[which]![where % allPaths[which]!.length]!;
          damaged = damaged.map((json, index) => (index === which ? replaced(json, path, (old) => sameTypeNonsense(old, pick)) : json));
        }
        useCache(cacheText(damaged));
        const bytes = Buffer.from(cacheText(good));
        const at = cut % bytes.length;
        useCache(bytes.subarray(0, at).toString('utf8'));
        const flipped = Buffer.from(bytes);
        flipped[at] = byte;
        useCache(flipped.toString('latin1'));
      }),
      { numRuns: 60 },
    );
  });
});
