import { buildWorkspaceIndex, buildWorkspaceIndexInSteps, type WorkspaceGraph, type WorkspaceIndex } from '../graph';
import type { Plan } from '../model';
import { parsePlanInSteps } from '../parse/parsePlan';
import { detachPlan } from './detachPlan';
import { mightBePlan } from './mightBePlan';
import { contentHash, type PlanCache } from './planCache';
import { overPlanSizeLimit } from './sizeLimit';
import { Slicer, type SliceOptions, type SliceStats } from './slicer';

/**
 * Reads a workspace's plans without ever keeping the thread busy for long: work is done in
 * slices of about `sliceMs`, and between slices the indexer yields to the event loop
 * (setImmediate), so the extension host keeps answering while a thousand files are parsed.
 * Work is counted in small units (one remark parse of one section, one model build, one
 * pre-check), and a slice ends before a unit that would likely overrun it.
 *
 * Files that cannot hold a phase are skipped unparsed (`mightBePlan`), and with a `cache` a
 * file whose content hash is known is not parsed at all. With `offThread`, parsing happens on a
 * worker thread and this thread does only the cheap rest.
 */

/** A file the scan may read: named by its URI, read only when the cache cannot answer. */
export interface ScanFile {
  /** Identifies the file; it becomes the plan's `file`. */
  uri: string;
  /** The file's text; undefined (or a rejection) when it cannot be read, and the file is skipped. */
  read(): Promise<string | undefined>;
  /** `contentHash` of what `read` gives, when a first look already computed it. */
  hash?: string;
}

export interface IndexProgress {
  /** Files handled so far (read, and parsed, taken from the cache or skipped). */
  done: number;
  total: number;
  /** Plans (files with at least one phase) found so far. */
  plans: number;
}

export interface IndexOptions extends SliceOptions {
  /** Plans by content hash: hits are not parsed; misses are parsed and added. */
  cache?: PlanCache;
  onProgress?: (progress: IndexProgress) => void;
  /** Return each plan's text too (a store that lints closed files needs it; ~20 MB more for 1,000 plans). */
  keepText?: boolean;
  /**
   * Build the dependency graph over the plans at the end, in slices like the rest. Default true;
   * a store that builds its own graph over more plans can say false, and `index` is then built
   * (in one piece) on first access.
   */
  buildIndex?: boolean;
  /** Files read ahead of the one being parsed, so reading overlaps parsing. Default 8. */
  readAhead?: number;
  /**
   * Parse on another thread (see `OffThreadParser`): this thread then only reads, pre-checks,
   * hashes and decodes results, in slices. A file the other thread cannot parse is parsed here.
   */
  offThread?: PlanParserThread;
  /** Files handed to `offThread` and not yet back, at most. Default 8. */
  parsesInFlight?: number;
  /** Told of each file skipped for being over `MAX_PLAN_BYTES` (its URI and size in bytes). */
  onTooLarge?: (uri: string, bytes: number) => void;
}

/** What `indexPlans` needs of an `OffThreadParser`. */
export interface PlanParserThread {
  /** The plan of `text` as JSON; rejects when it cannot be parsed there. */
  parse(text: string, uri: string): Promise<string>;
  /** True once every request would reject (the thread failed or was closed). */
  readonly unavailable: boolean;
}

export interface IndexedPlan {
  uri: string;
  /** Content hash of the text the plan was read from (the cache key). */
  hash: string;
  plan: Plan;
  /** The file's text, with `keepText`. */
  text?: string;
}

export interface IndexStats extends SliceStats {
  files: number;
  /** Files whose plan came from the cache. */
  fromCache: number;
  /** Files parsed with remark. */
  parsed: number;
  /** Of those, the files parsed on the `offThread` parser. */
  parsedOffThread: number;
  /** Files the pre-check ruled out without parsing. */
  skipped: number;
  /** Parsed (or cached) files without any phase. */
  withoutPhases: number;
  unreadable: number;
  /** Files over `MAX_PLAN_BYTES`, skipped unparsed. */
  tooLarge: number;
  elapsedMs: number;
}

export interface IndexResult {
  /** Files with at least one phase, in the order given. Their strings share nothing with the source texts. */
  plans: IndexedPlan[];
  /** The dependency graph over `plans` (see `buildIndex`). */
  readonly index: WorkspaceIndex;
  /** Content hashes of every file read; `cache.retainOnly(hashes)` forgets deleted and changed files. */
  hashes: Set<string>;
  stats: IndexStats;
}

/** Files read ahead of the one being handled, by the indexer and the first look alike. */
const DEFAULT_READ_AHEAD = 8;
const DEFAULT_PARSES_IN_FLIGHT = 8;

export async function indexPlans(files: readonly ScanFile[], options: IndexOptions = {}): Promise<IndexResult> {
  const { cache, signal, offThread } = options;
  const started = performance.now();
  const slicer = new Slicer(options);
  const counts = { files: files.length, fromCache: 0, parsed: 0, parsedOffThread: 0, skipped: 0, withoutPhases: 0, unreadable: 0, tooLarge: 0 };
  /** Per file, in the order given: its plan, or undefined once it is known to hold none. */
  const outcomes: Array<IndexedPlan | undefined> = new Array(files.length);
  const hashes = new Set<string>();
  const parsing = new InFlight(options.parsesInFlight ?? DEFAULT_PARSES_IN_FLIGHT);
  let done = 0;
  let found = 0;

  const settle = async (index: number, plan: Plan | undefined, hash = '', text?: string) => {
    if (plan && plan.phases.length > 0) {
      outcomes[index] = options.keepText ? { uri: files[index]!.uri, hash, plan, text } : { uri: files[index]!.uri, hash, plan };
      found++;
    } else if (plan) {
      counts.withoutPhases++;
    }
    done++;
    const progress: IndexProgress = { done, total: files.length, plans: found };
    if (options.onProgress) await slicer.run(() => options.onProgress!(progress));
  };

  const parseHere = async (text: string, uri: string): Promise<Plan> => {
    const parsed = await slicer.runSteps(parsePlanInSteps(text, uri));
    // Copy the strings out: slices of the source would keep every file's text alive.
    return slicer.run(() => detachPlan(parsed));
  };

  /** Parses on the worker thread; if it cannot, here. The plan's JSON is decoded inside a slice. */
  const parseElsewhere = async (text: string, uri: string): Promise<Plan> => {
    let json: string;
    try {
      json = await offThread!.parse(text, uri);
    } catch {
      return parseHere(text, uri);
    }
    const plan = await slicer.run(() => JSON.parse(json) as Plan);
    counts.parsedOffThread++;
    return plan;
  };

  const reads = new ReadAhead(files, options.readAhead);
  for (let index = 0; index < files.length; index++) {
    signal?.throwIfAborted();
    const uri = files[index]!.uri;
    const text = await reads.take(index);
    if (text === undefined) {
      counts.unreadable++;
      await settle(index, undefined);
      continue;
    }
    if (overPlanSizeLimit(text)) {
      counts.tooLarge++;
      options.onTooLarge?.(uri, Buffer.byteLength(text, 'utf8'));
      await settle(index, undefined);
      continue;
    }
    if (!(await slicer.run(() => mightBePlan(text)))) {
      counts.skipped++;
      await settle(index, undefined);
      continue;
    }
    const hash = files[index]!.hash ?? (await slicer.run(() => contentHash(text)));
    hashes.add(hash);
    const cached = await slicer.run(() => cache?.get(hash, uri));
    if (cached) {
      counts.fromCache++;
      await settle(index, cached, hash, text);
      continue;
    }
    counts.parsed++;
    if (!offThread || offThread.unavailable) {
      const plan = await parseHere(text, uri);
      cache?.set(hash, plan);
      await settle(index, plan, hash, text);
      continue;
    }
    // Several files are with the worker at once, so it never waits on this thread's reading.
    await parsing.add(
      parseElsewhere(text, uri).then((plan) => {
        cache?.set(hash, plan);
        return settle(index, plan, hash, text);
      }),
    );
  }
  await parsing.all();

  const plans = outcomes.filter((outcome): outcome is IndexedPlan => outcome !== undefined);
  let index: WorkspaceIndex | undefined;
  if (options.buildIndex !== false) index = await slicer.runSteps(buildWorkspaceIndexInSteps(plans.map((entry) => entry.plan)));
  const stats: IndexStats = { ...counts, ...slicer.stats, elapsedMs: performance.now() - started };
  return {
    plans,
    get index() {
      index ??= buildWorkspaceIndex(plans.map((entry) => entry.plan));
      return index;
    },
    hashes,
    stats,
  };
}

/**
 * The workspace graph over `plans`, built in slices like the indexing (see `Slicer`): for a
 * store that rebuilds its graph after a change without holding the thread for tens of
 * milliseconds.
 */
export function buildWorkspaceIndexSliced(plans: readonly Plan[], options: SliceOptions = {}): Promise<WorkspaceIndex> {
  return new Slicer(options).runSteps(buildWorkspaceIndexInSteps(plans));
}

/**
 * Runs an update of an incremental graph (`WorkspaceGraph.updateInSteps`) in slices: the first
 * update after indexing adds every plan of the workspace. A caller that needs the graph before
 * the slices are done may run the same steps to their end itself.
 */
export function updateGraphSliced(steps: ReturnType<WorkspaceGraph['updateInSteps']>, options: SliceOptions = {}): Promise<Set<string>> {
  return new Slicer(options).runSteps(steps);
}

/** Starts reading up to `ahead` files before they are needed; a failed read reads as undefined. */
export class ReadAhead {
  private readonly pending = new Map<number, Promise<string | undefined>>();
  private next = 0;
  private readonly ahead: number;

  constructor(
    private readonly files: readonly ScanFile[],
    ahead = DEFAULT_READ_AHEAD,
  ) {
    this.ahead = ahead;
  }

  take(index: number): Promise<string | undefined> {
    while (this.next < this.files.length && this.next <= index + Math.max(0, this.ahead)) {
      const file = this.files[this.next]!;
      const reading = Promise.resolve()
        .then(() => file.read())
        .then((text) => (typeof text === 'string' ? text : undefined))
        .catch(() => undefined);
      this.pending.set(this.next++, reading);
    }
    const reading = this.pending.get(index)!;
    this.pending.delete(index);
    return reading;
  }
}

/** Work handed elsewhere and not yet back: `add` waits while `limit` are out; a failure surfaces in `all`. */
class InFlight {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  async add(work: Promise<void>): Promise<void> {
    const tracked = work.then(
      () => void this.running.delete(tracked),
      (error: unknown) => {
        this.running.delete(tracked);
        this.failure ??= { error };
      },
    );
    this.running.add(tracked);
    while (this.running.size >= Math.max(1, this.limit)) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
  }

  async all(): Promise<void> {
    await Promise.all(this.running);
    if (this.failure) throw this.failure.error;
  }
}
