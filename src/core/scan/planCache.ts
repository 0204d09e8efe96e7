import { createHash } from 'node:crypto';
import { baseName } from '../fileName';
import type { Plan } from '../model';
import { isPlanShape } from './planShape';
import { yieldToEventLoop } from './yieldToEventLoop';
import { DEFAULT_SLICE_MS } from './slicer';

/**
 * Plans remembered across restarts, keyed by a hash of the file's content, so a warm start
 * reads no markdown through remark at all. Storage-agnostic: `serialize` gives bytes the caller
 * writes wherever it likes (the extension: a file in its storage folder) and
 * `PlanCache.deserialize` reads them back, dropping everything when the parser has changed since.
 *
 * Neither direction blocks for long, whatever the size (1,000 plans make ~17 MB): `deserialize`
 * only finds where each entry stands in the bytes, and an entry is decoded and parsed when `get`
 * first asks for it (the indexer asks inside its time slices); `serialize` encodes entry by
 * entry and yields between slices.
 */

/**
 * Bump this whenever a change to the parser (src/core/parse, src/core/text, ids.ts) or to the
 * model (model.ts) could make `parsePlan` return a different plan for the same text: a new
 * field, a fixed misreading, a different title rule. Persisted caches written by another
 * version are discarded whole. Refactors that keep every output identical need no bump.
 */
export const PARSER_VERSION = 6;

const HEADER = `phaselens-plan-cache ${PARSER_VERSION}`;

/** A hash of the text, as the cache key: SHA-1 in base64 (fast in node:crypto, no collision in practice). */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

export interface SerializeOptions {
  /** Busy time after which `serialize` yields to the event loop. Default 30 ms. */
  sliceMs?: number;
  signal?: AbortSignal;
}

/** An entry of a persisted cache not read yet: its bytes (UTF-8 JSON) in the loaded file. */
interface Unread {
  bytes: Uint8Array;
  start: number;
  end: number;
}

export class PlanCache {
  /** A plan, or where its JSON stands in a loaded cache file (parsed on first use). */
  private readonly entries = new Map<string, Plan | Unread>();

  /**
   * The cached plan of a text with this hash, with `file` set to the path asked for; undefined
   * on a miss. Only a plan parsed under the same base name is reused, because a plan without a
   * heading takes its title from the file name. Treat the plan as read-only: it is shared.
   */
  get(hash: string, file: string): Plan | undefined {
    const plan = this.plan(hash);
    if (!plan) return undefined;
    if (plan.file === file) return plan;
    if (baseName(plan.file) !== baseName(file)) return undefined;
    return { ...plan, file };
  }

  set(hash: string, plan: Plan): void {
    this.entries.set(hash, plan);
  }

  has(hash: string): boolean {
    return this.entries.has(hash);
  }

  delete(hash: string): boolean {
    return this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Drops every entry whose hash is not in `hashes` (files deleted or changed since). Call it
   * after indexing: an entry nobody asked for keeps the whole loaded file in memory.
   */
  retainOnly(hashes: ReadonlySet<string>): void {
    for (const hash of this.entries.keys()) if (!hashes.has(hash)) this.entries.delete(hash);
  }

  /**
   * The cache as UTF-8 bytes for `deserialize`: a header line, then one `hash<TAB>plan JSON`
   * line per entry. Built entry by entry, yielding to the event loop between slices.
   */
  async serialize(options: SerializeOptions = {}): Promise<Uint8Array> {
    const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    const parts: Uint8Array[] = [Buffer.from(HEADER)];
    let sliceStart = performance.now();
    for (const [hash, entry] of this.entries) {
      parts.push(Buffer.from(`\n${hash}\t`));
      parts.push(isUnread(entry) ? entry.bytes.subarray(entry.start, entry.end) : Buffer.from(JSON.stringify(entry)));
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
    return Buffer.concat(parts);
  }

  /**
   * A cache from the bytes `serialize` wrote (a Uint8Array, or the same as a string). Anything else, including the
   * output of another parser version or a damaged file, gives an empty cache (or one without
   * the damaged entries): never an exception. Cheap whatever the size: it only finds where
   * each entry stands; an entry's JSON is decoded and parsed when `get` first asks for it.
   */
  static deserialize(data: unknown): PlanCache {
    const cache = new PlanCache();
    const bytes = cacheBytes(data);
    if (!bytes) return cache;
    for (let start = cache.firstEntry(bytes); start < bytes.length; ) start = cache.readEntryAt(bytes, start);
    return cache;
  }

  /**
   * `deserialize` in slices of at most about `sliceMs` (default `DEFAULT_SLICE_MS`, as every sliced job here), yielding to the event loop
   * between them: finding the entries of a large cache (17 MB for 1,000 plans) is one pass over
   * its bytes, ~160 ms in one piece on a slow machine.
   */
  static async load(data: unknown, options: SerializeOptions & { clock?: () => number } = {}): Promise<PlanCache> {
    const cache = new PlanCache();
    const bytes = cacheBytes(data);
    if (!bytes) return cache;
    const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    const clock = options.clock ?? (() => performance.now());
    let sliceStart = clock();
    let previous = sliceStart;
    let start = cache.firstEntry(bytes);
    while (start < bytes.length) {
      start = cache.readEntryAt(bytes, start);
      const now = clock();
      const entryCost = now - previous;
      previous = now;
      // The Slicer's rule: end the slice before an entry that costs what the last one did would overrun it.
      if (now - sliceStart + entryCost >= sliceMs && start < bytes.length) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        sliceStart = previous = clock();
      }
    }
    return cache;
  }

  /** Where the first entry starts; past the end when the header is not this version's. */
  private firstEntry(bytes: Buffer): number {
    const headerEnd = lineEnd(bytes, 0);
    return bytes.toString('utf8', 0, headerEnd) === HEADER ? headerEnd + 1 : bytes.length;
  }

  /** Notes where the entry on the line at `start` stands; returns where the next line starts. */
  private readEntryAt(bytes: Buffer, start: number): number {
    const end = lineEnd(bytes, start);
    // Within the line only: a damaged file of lines without tabs must not cost lines × bytes.
    const tab = bytes.subarray(start, end).indexOf(TAB) + start;
    if (tab > start) this.entries.set(bytes.toString('latin1', start, tab), { bytes, start: tab + 1, end });
    return end + 1;
  }

  private plan(hash: string): Plan | undefined {
    const entry = this.entries.get(hash);
    if (!isUnread(entry)) return entry;
    let plan: unknown;
    try {
      plan = JSON.parse(Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength).toString('utf8', entry.start, entry.end));
    } catch {
      plan = undefined;
    }
    if (!isPlanShape(plan)) {
      this.entries.delete(hash);
      return undefined;
    }
    // The plan holds new strings, not the loaded bytes: once every entry is read or dropped, they are freed.
    this.entries.set(hash, plan);
    return plan;
  }
}

function cacheBytes(data: unknown): Buffer | undefined {
  if (typeof data === 'string') return Buffer.from(data);
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

const NEWLINE = 0x0a;
const TAB = 0x09;

function lineEnd(bytes: Uint8Array, start: number): number {
  const end = bytes.indexOf(NEWLINE, start);
  return end === -1 ? bytes.length : end;
}

function isUnread(entry: Plan | Unread | undefined): entry is Unread {
  return entry !== undefined && 'bytes' in entry;
}
