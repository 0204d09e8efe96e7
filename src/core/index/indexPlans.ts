import { buildWorkspaceIndex, buildWorkspaceIndexInSteps, type WorkspaceIndex } from '../graph';
import type { Plan } from '../model';
import { parsePlanInSteps } from '../parse/parsePlan';
import { detachPlan } from './detachPlan';
import { mightBePlan } from './mightBePlan';
import { contentHash, type PlanCache } from './planCache';
import { Slicer, type SliceOptions, type SliceStats } from './slicer';

/**
 * Reads a workspace's plans without ever keeping the thread busy for long: work is done in
 * slices of about `sliceMs`, and between slices the indexer yields to the event loop
 * (setImmediate), so the extension host keeps answering while a thousand files are parsed.
 * Work is counted in small units (one remark parse of one section, one model build, one
 * pre-check), and a slice ends before a unit that would likely overrun it.
 *
 * Files that cannot hold a phase are skipped unparsed (`mightBePlan`), and with a `cache` a
 * file whose content hash is known is not parsed at all.
 */

export interface PlanSource {
  /** Identifies the file; it becomes the plan's `file`. */
  uri: string;
  /** The file's text; undefined (or a rejection) when it cannot be read, and the file is skipped. */
  read(): Promise<string | undefined>;
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
  /** Files the pre-check ruled out without parsing. */
  skipped: number;
  /** Parsed (or cached) files without any phase. */
  withoutPhases: number;
  unreadable: number;
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

const DEFAULT_READ_AHEAD = 8;

export async function indexPlans(files: readonly PlanSource[], options: IndexOptions = {}): Promise<IndexResult> {
  const { cache, signal } = options;
  const started = performance.now();
  const slicer = new Slicer(options);
  const counts = { files: files.length, fromCache: 0, parsed: 0, skipped: 0, withoutPhases: 0, unreadable: 0 };
  const plans: IndexedPlan[] = [];
  const hashes = new Set<string>();

  const reads = new ReadAhead(files, options.readAhead ?? DEFAULT_READ_AHEAD);
  for (let index = 0; index < files.length; index++) {
    signal?.throwIfAborted();
    const uri = files[index]!.uri;
    const text = await reads.take(index);
    if (text === undefined) {
      counts.unreadable++;
    } else if (!(await slicer.run(() => mightBePlan(text)))) {
      counts.skipped++;
    } else {
      const hash = await slicer.run(() => contentHash(text));
      hashes.add(hash);
      let plan = await slicer.run(() => cache?.get(hash, uri));
      if (plan) {
        counts.fromCache++;
      } else {
        const parsed = await slicer.runSteps(parsePlanInSteps(text, uri));
        // Copy the strings out: slices of the source would keep every file's text alive.
        plan = await slicer.run(() => detachPlan(parsed));
        cache?.set(hash, plan);
        counts.parsed++;
      }
      if (plan.phases.length > 0) plans.push(options.keepText ? { uri, hash, plan, text } : { uri, hash, plan });
      else counts.withoutPhases++;
    }
    const progress: IndexProgress = { done: index + 1, total: files.length, plans: plans.length };
    if (options.onProgress) await slicer.run(() => options.onProgress!(progress));
  }
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

/** Starts reading up to `ahead` files before they are needed; a failed read reads as undefined. */
class ReadAhead {
  private readonly pending = new Map<number, Promise<string | undefined>>();
  private next = 0;

  constructor(
    private readonly files: readonly PlanSource[],
    private readonly ahead: number,
  ) {}

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
