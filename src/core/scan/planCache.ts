import { isAscii } from 'node:buffer';
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
 * Neither direction blocks for long, whatever the size (1,000 plans make ~17 MB): the file
 * starts with an index (each entry's hash and length), so `load` reads that index (~40 bytes an
 * entry) and never scans the plans themselves; an entry is decoded and parsed when `get` first
 * asks for it (the indexer asks inside its time slices); `serialize` encodes entry by entry and
 * yields between slices.
 */

/**
 * Bump this whenever a change to the parser (src/core/parse, src/core/text, ids.ts) or to the
 * model (model.ts) could make `parsePlan` return a different plan for the same text: a new
 * field, a fixed misreading, a different title rule. Persisted caches written by another
 * version are discarded whole. Refactors that keep every output identical need no bump.
 */
export const PARSER_VERSION = 6;

/**
 * The layout of the file (see `cacheFileOf`); a cache written in another layout is discarded
 * like one of another parser version. 2: the index before the plans.
 */
const CACHE_LAYOUT = 2;

const HEADER = `phaselens-plan-cache ${PARSER_VERSION} layout ${CACHE_LAYOUT}`;

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

/**
 * The loader's slices: half the host's 20 ms budget, because a slice's turn also pays for what
 * the loader cannot see (reading the header, the first compile of this code in a fresh process,
 * a scavenge), and a target equal to the budget ended turns at 21–24 ms. Loading takes a few more
 * turns; none of them is long.
 */
export const LOAD_SLICE_MS = 10;

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
   * The cache as UTF-8 bytes for `deserialize` (see `cacheFileOf`). Built entry by entry,
   * yielding to the event loop between slices.
   */
  async serialize(options: SerializeOptions = {}): Promise<Uint8Array> {
    const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    const entries: Array<readonly [string, Uint8Array]> = [];
    let sliceStart = performance.now();
    for (const [hash, entry] of this.entries) {
      entries.push([hash, isUnread(entry) ? entry.bytes.subarray(entry.start, entry.end) : encodeEntry(entry)]);
      if (performance.now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        sliceStart = performance.now();
      }
    }
    return cacheFileOf(entries);
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
    const reader = new IndexReader(bytes);
    while (reader.step()) if (reader.entry) cache.entries.set(reader.entry.hash, reader.entry);
    return cache;
  }

  /**
   * `deserialize` in slices of at most about `sliceMs` (default `LOAD_SLICE_MS`), yielding to the
   * event loop between them. Only the index is read (about
   * 40 bytes an entry), so even a cache of many thousand plans takes a few milliseconds; the
   * clock is read after every entry all the same.
   */
  static async load(data: unknown, options: SerializeOptions & { clock?: () => number } = {}): Promise<PlanCache> {
    const cache = new PlanCache();
    const bytes = cacheBytes(data);
    if (!bytes) return cache;
    const sliceMs = options.sliceMs ?? LOAD_SLICE_MS;
    const clock = options.clock ?? (() => performance.now());
    // One index line or one entry per step: each costs about a microsecond.
    const reader = new IndexReader(bytes);
    let sliceStart = clock();
    let previous = sliceStart;
    while (reader.step()) {
      if (reader.entry) cache.entries.set(reader.entry.hash, reader.entry);
      const now = clock();
      const entryCost = now - previous;
      previous = now;
      // The Slicer's rule: end the slice before an entry that costs what the last one did would overrun it.
      if (now - sliceStart + entryCost >= sliceMs) {
        await yieldToEventLoop();
        options.signal?.throwIfAborted();
        sliceStart = previous = clock();
      }
    }
    return cache;
  }

  private plan(hash: string): Plan | undefined {
    const entry = this.entries.get(hash);
    if (!isUnread(entry)) return entry;
    let plan: unknown;
    try {
      plan = JSON.parse(decodeEntry(Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength), entry.start, entry.end));
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

/**
 * A plan as JSON in ASCII, every other character escaped (`\u00e9`): the same value for
 * `JSON.parse`, and read back with `decodeEntry` at a fraction of the cost. Decoding UTF-8 that
 * holds any non-ASCII character makes a two-byte string of the whole entry; on a warm start of
 * a thousand plans that decoding and its garbage were ~15% of the start.
 */
function encodeEntry(plan: Plan): Buffer {
  return Buffer.from(JSON.stringify(plan).replace(NOT_ASCII, escapeCharacter), 'latin1');
}

const NOT_ASCII = /[\u007f-\uffff]/g;

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** An entry's JSON text. Entries written before `encodeEntry` escaped (or edited by hand) may hold UTF-8: read those as such. */
function decodeEntry(bytes: Buffer, start: number, end: number): string {
  return isAscii(bytes.subarray(start, end)) ? bytes.toString('latin1', start, end) : bytes.toString('utf8', start, end);
}

function cacheBytes(data: unknown): Buffer | undefined {
  if (typeof data === 'string') return Buffer.from(data);
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/**
 * The file: the header line; the index, one `hash<TAB>byte length` line per entry; an empty
 * line; then each entry's plan JSON (ASCII, see `encodeEntry`; UTF-8 is read too), back to
 * back in the order of the index. Loading reads the index alone and finds each plan by adding
 * up lengths: the plans' bytes are not touched until asked for. Exported for tests that write
 * damaged files.
 */
export function cacheFileOf(entries: ReadonlyArray<readonly [hash: string, json: Uint8Array | string]>): Uint8Array {
  const bodies = entries.map(([, json]) => (typeof json === 'string' ? Buffer.from(json) : json));
  const index = entries.map(([hash], i) => `${hash}\t${bodies[i]!.length}\n`).join('');
  return Buffer.concat([Buffer.from(`${HEADER}\n${index}\n`), ...bodies]);
}

/**
 * Walks a cache file one small step at a time: a step reads one index line or places one entry
 * (then `entry` names it: its plan JSON is `bytes[start, end)`). Entries are placed once the
 * index has ended, since the plans start after it. Stops at a header of another version or
 * layout; after an index line it cannot read, every later offset would be wrong, so only the
 * entries before it are placed; an entry whose bytes would run past the file ends the walk.
 */
class IndexReader {
  entry: Unread & { hash: string } | undefined;
  /** Where the next index line starts. */
  private line: number;
  private readonly found: Array<{ hash: string; length: number }> = [];
  private placed = 0;
  /** Where the next plan starts; 0 until the index has ended. */
  private offset = 0;
  private damaged = false;

  constructor(readonly bytes: Buffer) {
    const headerEnd = lineEnd(bytes, 0);
    this.line = headerEnd !== -1 && bytes.toString('utf8', 0, headerEnd) === HEADER ? headerEnd + 1 : bytes.length;
  }

  /** One step; false once there is nothing left to do. */
  step(): boolean {
    this.entry = undefined;
    if (this.offset === 0) return this.readIndexLine();
    const found = this.found[this.placed++];
    if (!found || this.offset + found.length > this.bytes.length) return false;
    this.entry = { hash: found.hash, bytes: this.bytes, start: this.offset, end: (this.offset += found.length) };
    return true;
  }

  private readIndexLine(): boolean {
    const start = this.line;
    if (start >= this.bytes.length) return false; // the index never ended: a cut file
    const end = lineEnd(this.bytes, start);
    // No line end where one must be: where the plans start cannot be told.
    if (end === -1) return false;
    this.line = end + 1;
    if (end === start) {
      this.offset = end + 1;
      return true;
    }
    const entry = readIndexLine(this.bytes, start, end);
    // After a line it cannot read, every later offset would be wrong: the entries before it are still found.
    if (!entry) this.damaged = true;
    else if (!this.damaged) this.found.push(entry);
    return true;
  }
}

/** Index lines are short: the longest a sane one can be (a SHA-1 in base64 is 28 characters). */
const MAX_INDEX_LINE = 200;

function readIndexLine(bytes: Buffer, start: number, end: number): { hash: string; length: number } | undefined {
  const tab = bytes.subarray(start, end).indexOf(TAB) + start;
  if (tab <= start) return undefined;
  const digits = bytes.toString('latin1', tab + 1, end);
  if (!/^\d{1,12}$/.test(digits)) return undefined;
  return { hash: bytes.toString('latin1', start, tab), length: Number(digits) };
}

/** Where the line at `start` ends, looking no further than an index line can be long (a damaged index must not cost a scan of the plans); -1 when it does not end there. */
function lineEnd(bytes: Uint8Array, start: number): number {
  const end = bytes.subarray(start, start + MAX_INDEX_LINE + 1).indexOf(NEWLINE);
  return end === -1 ? -1 : start + end;
}

function isUnread(entry: Plan | Unread | undefined): entry is Unread {
  return entry !== undefined && 'bytes' in entry;
}
