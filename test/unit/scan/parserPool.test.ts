import assert from 'node:assert/strict';
import { indexPlans, parsePlansInParallel, ParserPool, parserThreadCount, type ClosableParserThread, type ScanFile } from '../../../src/core/scan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { generatedSamples } from './samples';

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

/** A parser thread in this process: answers after a turn of the event loop, as a worker would, and can fail. */
class InProcessThread implements ClosableParserThread {
  unavailable = false;
  constructor(private failAfter = Infinity) {}
  async parse(text: string, uri: string): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.unavailable || this.failAfter-- <= 0) {
      this.unavailable = true;
      throw new Error('the thread stopped');
    }
    return JSON.stringify(parsePlan(text, uri));
  }
  async close() {
    this.unavailable = true;
  }
}

function sources(count: number): { files: ScanFile[]; texts: Map<string, string> } {
  const texts = new Map(generatedSamples(40).slice(0, count).map((sample, index) => [`plans/${index}/${sample.name}`, sample.text]));
  return { files: [...texts].map(([uri, text]) => ({ uri, read: async () => text })), texts };
}

describe('parser pool', () => {
  it('is sized to the machine, at least one thread', () => {
    assert.ok(parserThreadCount() >= 1);
    assert.equal(new ParserPool(() => new InProcessThread()).size, parserThreadCount());
  });

  it('spreads a cold index over every thread, and the plans are parsePlan’s', async () => {
    const { files, texts } = sources(12);
    const pool = new ParserPool(() => new InProcessThread(), 2);
    const result = await indexPlans(files, { offThread: pool, parsesInFlight: 8 });
    assert.equal(result.stats.parsedOffThread, texts.size);
    assert.equal(pool.parsedBy.reduce((sum, count) => sum + count, 0), texts.size);
    // Least-loaded dispatch with several requests out: both threads get work.
    assert.ok(pool.parsedBy.every((count) => count >= 3), `uneven: ${pool.parsedBy.join(' / ')}`);
    for (const entry of result.plans) assert.deepStrictEqual(json(entry.plan), json(parsePlan(texts.get(entry.uri)!, entry.uri)));
  });

  it('passes over a thread that failed, and the indexer parses itself once none is left', async () => {
    const { files, texts } = sources(10);
    const pool = new ParserPool((index) => new InProcessThread(index === 0 ? 1 : 3), 2);
    const result = await indexPlans(files, { offThread: pool, parsesInFlight: 4 });
    assert.ok(pool.unavailable);
    assert.equal(result.plans.length, texts.size);
    assert.equal(result.stats.parsed, texts.size);
    assert.equal(result.stats.parsedOffThread, pool.parsedBy[0]! + pool.parsedBy[1]!);
    assert.deepEqual(pool.parsedBy, [1, 3]);
    for (const entry of result.plans) assert.deepStrictEqual(json(entry.plan), json(parsePlan(texts.get(entry.uri)!, entry.uri)));
  });
});

describe('parsing a batch on every core, synchronously', () => {
  it('parses everything here when there is no worker script to start', () => {
    const jobs = generatedSamples(30).slice(0, 4).map((sample, index) => ({ uri: `p${index}.md`, text: sample.text }));
    const { plans, parsedBy } = parsePlansInParallel(jobs, { workerFile: '/nonexistent/planParserWorker.js', threads: 4 });
    assert.deepEqual(parsedBy, [4]);
    jobs.forEach((job, index) => assert.deepStrictEqual(json(plans[index]), json(parsePlan(job.text, job.uri))));
  });
});
