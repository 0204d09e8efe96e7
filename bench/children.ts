import { readFileSync, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildWorkspaceIndex } from '../src/core/graph';
import { allPhases } from '../src/core/phases';
import { firstLook, indexPlans, ParserPool, PlanCache } from '../src/core/scan';
import { createFakeContext, createFakeVscode, installFakeVscode } from './fakeVscode';
import { collectGarbage, costClock, cpuNow, MB, type Timing } from './measure';
import { rawRemarkParse } from './rawRemark';

/**
 * The measurements that need a fresh process: a cold or warm start of the workspace index
 * (a "restart" of the extension host), the heap it holds, and activation. The parent runs
 * `node --expose-gc bench.cjs --child <mode> <json>` and reads one JSON line back.
 */

export const RESULT_MARK = '@@bench-result ';

export interface IndexChildInput {
  files: string[];
  /** Read the persisted cache from here before indexing (a warm start). */
  cacheIn?: string;
  /** Persist the cache here after indexing. */
  cacheOut?: string;
  /** Parse on this worker script (dist/planParserWorker.js), as the extension does; absent: on the main thread. */
  parserWorker?: string;
}

export interface IndexChildResult {
  /** Loading the persisted cache (read + finding its entries, in slices), zero when cold. */
  load: Timing;
  /** The longest busy stretch of the host thread between two event-loop turns while the cache loaded (cost clock). */
  longestLoadSliceMs: number;
  index: Timing;
  total: Timing;
  /** Rebuilding the dependency graph over the indexed plans in one piece, after indexing built it in slices. */
  graph: Timing;
  saveMs: number;
  cacheBytes: number;
  plans: number;
  stats: Awaited<ReturnType<typeof indexPlans>>['stats'];
  /** Files each parser worker parsed (empty without workers). */
  parsedByWorker: number[];
  /** Largest event-loop delay seen while indexing (perf_hooks histogram, 1 ms resolution, wall-clock). */
  eventLoopMaxMs: number;
  /** Heap held for the index (plans, graph, cache) after a full GC, in MB; NaN without --expose-gc. */
  heapMB: number;
  /** The same with every file's text kept as well (what a store that keeps texts holds). */
  heapWithTextsMB: number;
}

const since = (start: Timing): Timing => {
  const cpu = cpuNow() - start.cpu;
  const wall = performance.now() - start.wall;
  return { cost: Math.min(cpu, wall), cpu, wall };
};
const now = (): Timing => ({ cost: 0, cpu: cpuNow(), wall: performance.now() });

async function indexChild(input: IndexChildInput): Promise<IndexChildResult> {
  const gcAvailable = collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let load: Timing = { cost: 0, cpu: 0, wall: 0 };
  let cache = new PlanCache();
  const started = now();
  let longestLoadSliceMs = 0;
  if (input.cacheIn) {
    const bytes = await readFile(input.cacheIn);
    // Measured from outside the loader: a callback re-queued with setImmediate runs once per
    // turn of the event loop, and the cost between two of its runs is the thread's busy stretch.
    const clock = costClock();
    let last = clock();
    let ticking = true;
    const tick = () => {
      const now = clock();
      longestLoadSliceMs = Math.max(longestLoadSliceMs, now - last);
      last = now;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    cache = await PlanCache.load(bytes, { clock }); // the loader's own slices, as the store loads it
    ticking = false;
    longestLoadSliceMs = Math.max(longestLoadSliceMs, clock() - last);
    load = since(started);
  }
  const indexStart = now();
  const offThread = input.parserWorker ? ParserPool.ofWorkers(input.parserWorker) : undefined;
  // Slices are timed by cost (see measure.ts): time this shared machine gives to other
  // processes is not the indexer keeping the thread busy.
  const result = await indexPlans(
    input.files.map((file) => ({ uri: file, read: () => readFile(file, 'utf8') })),
    { cache, clock: costClock(), offThread, parsesInFlight: 4 * (offThread?.size ?? 1) },
  );
  // As the extension does: the worker goes once the workspace is read.
  await offThread?.close();
  const index = since(indexStart);
  const total = since(started);
  if (result.index.plans.length !== result.plans.length) throw new Error('graph and plans disagree');
  // The indexing is over: the informational rebuild below is not something the extension does.
  histogram.disable();
  // What a store pays to rebuild the graph in one piece (buildWorkspaceIndex) after indexing.
  const graphStart = now();
  buildWorkspaceIndex(result.plans.map((entry) => entry.plan));
  const graph = since(graphStart);
  // As the extension would: forget entries of files that are gone (none here, but unread ones hold text).
  cache.retainOnly(result.hashes);
  collectGarbage();
  const heapMB = gcAvailable ? (process.memoryUsage().heapUsed - baseline) / MB : NaN;
  const saved = input.cacheOut ? await saveCache(cache, result.hashes, input.cacheOut) : { saveMs: 0, cacheBytes: 0 };
  const texts = input.files.map((file) => readFileSync(file, 'utf8'));
  collectGarbage();
  const heapWithTextsMB = gcAvailable ? (process.memoryUsage().heapUsed - baseline) / MB : NaN;
  // Keep everything measured alive until here.
  if (result.plans.length < 0 || texts.length < 0 || cache.size < 0) console.log('unreachable');
  return { load, longestLoadSliceMs, index, total, graph, ...saved, plans: result.plans.length, stats: result.stats, parsedByWorker: offThread ? [...offThread.parsedBy] : [], eventLoopMaxMs: histogram.max / 1e6, heapMB, heapWithTextsMB };
}

/** In a function of its own, so the text is garbage once it returns (an async frame would keep it). */
async function saveCache(cache: PlanCache, hashes: ReadonlySet<string>, file: string): Promise<{ saveMs: number; cacheBytes: number }> {
  const start = performance.now();
  cache.retainOnly(hashes);
  const bytes = await cache.serialize();
  await writeFile(file, bytes);
  return { saveMs: performance.now() - start, cacheBytes: bytes.length };
}

/** A raw remark pass over the same files in a fresh process: the yardstick for a cold index. */
async function rawWorkspaceChild(input: { files: string[] }): Promise<{ total: Timing }> {
  const start = now();
  for (const file of input.files) rawRemarkParse(await readFile(file, 'utf8'));
  return { total: since(start) };
}

/**
 * The store's first look over the same files in a fresh process, no cache (a cold start): every
 * file read once, non-plans skipped, a provisional plan from each plan's headings, in slices.
 * What the tree shows before any parse is back.
 */
async function outlineWorkspaceChild(input: { files: string[] }): Promise<{ total: Timing; plans: number; headings: number }> {
  const start = now();
  const looks = await firstLook(input.files.map((file) => ({ uri: file, read: () => readFile(file, 'utf8') })));
  const total = since(start);
  const provisional = looks.filter((look) => look.provisional);
  const headings = provisional.reduce((sum, look) => sum + allPhases(look.plan!).length, 0);
  return { total, plans: provisional.length, headings };
}

export interface ActivationResult {
  measured: boolean;
  reason?: string;
  require?: Timing;
  activate?: Timing;
  total?: Timing;
}

/** Requires the bundle and runs activate() against the stand-in `vscode` module. */
async function activationChild(input: { extension: string; repoRoot: string; storage: string }): Promise<ActivationResult> {
  if (!existsSync(input.extension)) return { measured: false, reason: `${path.relative(input.repoRoot, input.extension)} does not exist yet` };
  installFakeVscode(createFakeVscode());
  const context = createFakeContext(input.repoRoot, input.storage);
  const start = now();
  let extension: { activate?: (context: unknown) => unknown };
  try {
    extension = require(input.extension);
  } catch (error) {
    return { measured: false, reason: `requiring the bundle failed: ${String(error)}` };
  }
  const required = since(start);
  const loaded = now();
  if (typeof extension.activate !== 'function') return { measured: false, reason: 'the bundle exports no activate()' };
  try {
    await extension.activate(context);
  } catch (error) {
    return { measured: false, reason: `activate() threw with the stand-in vscode module (extend bench/fakeVscode.ts): ${error instanceof Error ? error.message : String(error)}` };
  }
  const activated = since(loaded);
  const total = since(start);
  for (const subscription of context.subscriptions as Array<{ dispose(): unknown }>) {
    try {
      subscription.dispose();
    } catch {
      // Disposal is not measured.
    }
  }
  return { measured: true, require: required, activate: activated, total };
}

export async function runChild(mode: string, input: unknown): Promise<void> {
  let result: unknown;
  if (mode === 'index') result = await indexChild(input as IndexChildInput);
  else if (mode === 'raw-workspace') result = await rawWorkspaceChild(input as { files: string[] });
  else if (mode === 'outline-workspace') result = await outlineWorkspaceChild(input as { files: string[] });
  else if (mode === 'activation') result = await activationChild(input as { extension: string; repoRoot: string; storage: string });
  else throw new Error(`unknown child mode ${mode}`);
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
  // Timers and watchers the extension left behind must not keep the child alive.
  process.exit(0);
}
