import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { indexPlans, OffThreadParser, parsePlansInParallel, ParserPool, PlanCache, type PlanParserThread, type ScanFile } from '../../../src/core/scan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { repoRoot } from '../../support/paths';
import { fixtureSamples, generatedSamples } from './samples';

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

function sources(): ScanFile[] {
  const samples = [...generatedSamples(80), ...fixtureSamples().slice(0, 40)];
  return samples.map((sample, index) => ({ uri: `plans/${index}/${sample.name}`, read: async () => sample.text }));
}

describe('indexing with the parser on a worker thread', function () {
  // Bundling the worker and starting a thread take a moment on a loaded machine; nothing here is timed.
  let scratch: string;
  let workerFile: string;

  before(async () => {
    // The worker runs as JavaScript: bundle it the way scripts/build.mjs does for dist/.
    scratch = mkdtempSync(path.join(os.tmpdir(), 'phaselens-worker-'));
    workerFile = path.join(scratch, 'planParserWorker.js');
    await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src/core/scan/planParserWorker.ts')],
      outfile: workerFile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
    });
  });

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('parses each text as parsePlan does', async () => {
    const parser = new OffThreadParser(workerFile);
    try {
      for (const sample of generatedSamples(40).slice(0, 4)) {
        assert.deepStrictEqual(JSON.parse(await parser.parse(sample.text, sample.name)), json(parsePlan(sample.text, sample.name)));
      }
    } finally {
      await parser.close();
    }
  });

  it('gives the same plans, in the same order, as indexing on this thread, and parses every file there', async () => {
    const files = sources();
    const here = await indexPlans(files);
    const parser = new OffThreadParser(workerFile);
    const elsewhere = await indexPlans(files, { offThread: parser, parsesInFlight: 3 });
    await parser.close();
    assert.deepStrictEqual(json(elsewhere.plans), json(here.plans));
    assert.equal(elsewhere.stats.parsed, here.stats.parsed);
    assert.equal(elsewhere.stats.parsedOffThread, here.stats.parsed);
    assert.deepEqual([...elsewhere.hashes].sort(), [...here.hashes].sort());
  });

  it('fills the cache, so a warm start sends nothing to the worker', async () => {
    const files = sources();
    const cache = new PlanCache();
    const parser = new OffThreadParser(workerFile);
    const cold = await indexPlans(files, { cache, offThread: parser });
    await parser.close();
    const asked: string[] = [];
    const recorder: PlanParserThread = {
      unavailable: false,
      parse: (_text, uri) => {
        asked.push(uri);
        return Promise.reject(new Error('a warm start must not parse'));
      },
    };
    const warm = await indexPlans(files, { cache: PlanCache.deserialize(await cache.serialize()), offThread: recorder });
    assert.deepEqual(asked, []);
    assert.equal(warm.stats.fromCache, cold.stats.parsed);
    assert.deepStrictEqual(json(warm.plans), json(cold.plans));
  });

  it('parses on this thread when the worker cannot start', async () => {
    const files = sources();
    const parser = new OffThreadParser(path.join(scratch, 'no-such-worker.js'));
    const result = await indexPlans(files, { offThread: parser });
    assert.equal(parser.unavailable, true);
    assert.equal(result.stats.parsedOffThread, 0);
    assert.deepStrictEqual(json(result.plans), json((await indexPlans(files)).plans));
  });

  it('finishes on this thread when the worker goes away half-way, losing no file', async () => {
    const files = sources();
    const parser = new OffThreadParser(workerFile);
    let closed = false;
    const result = await indexPlans(files, {
      offThread: parser,
      onProgress: ({ done }) => {
        if (done === 10 && !closed) {
          closed = true;
          void parser.close();
        }
      },
    });
    assert.ok(closed);
    assert.ok(result.stats.parsedOffThread > 0 && result.stats.parsedOffThread < result.stats.parsed, `${result.stats.parsedOffThread} of ${result.stats.parsed} off the thread`);
    assert.deepStrictEqual(json(result.plans), json((await indexPlans(files)).plans));
  });

  it('a request the worker fails is parsed here', async () => {
    const files = sources().slice(0, 12);
    let calls = 0;
    const flaky: PlanParserThread = {
      unavailable: false,
      parse: (text, uri) => (++calls % 2 === 0 ? Promise.reject(new Error('out of memory')) : Promise.resolve(JSON.stringify(parsePlan(text, uri)))),
    };
    const result = await indexPlans(files, { offThread: flaky });
    assert.equal(result.stats.parsedOffThread, Math.ceil(result.stats.parsed / 2));
    assert.deepStrictEqual(json(result.plans), json((await indexPlans(files)).plans));
  });

  it('an idle worker does not keep the process alive, and a closed one refuses work', async () => {
    const parser = new OffThreadParser(workerFile);
    await parser.parse('## Phase 1: Start\n', 'a.md');
    await parser.close();
    assert.equal(parser.unavailable, true);
    await assert.rejects(parser.parse('## Phase 2: Next\n', 'b.md'), /closed/);
  });
  it('indexes on a pool of two workers, both parsing, with the plans parsePlan gives', async () => {
    const pool = ParserPool.ofWorkers(workerFile, 2);
    const files = sources();
    try {
      const result = await indexPlans(files, { offThread: pool, parsesInFlight: 8 });
      assert.equal(result.stats.parsedOffThread, result.stats.parsed);
      assert.ok(pool.parsedBy.every((count) => count > 0), `a worker stayed idle: ${pool.parsedBy.join(' / ')}`);
      for (const entry of result.plans) {
        const text = (await files.find((file) => file.uri === entry.uri)!.read())!;
        assert.deepStrictEqual(json(entry.plan), json(parsePlan(text, entry.uri)));
      }
    } finally {
      await pool.close();
    }
  });
  it('parses a batch synchronously on this thread and a worker, each plan as parsePlan gives it', async () => {
    const jobs = await Promise.all(sources().map(async (file) => ({ uri: file.uri, text: (await file.read())! })));
    const { plans, parsedBy } = parsePlansInParallel(jobs, { workerFile, threads: 2 });
    assert.equal(parsedBy.length, 2);
    assert.equal(parsedBy[0]! + parsedBy[1]!, jobs.length);
    jobs.forEach((job, index) => assert.deepStrictEqual(json(plans[index]), json(parsePlan(job.text, job.uri))));
  });
});
