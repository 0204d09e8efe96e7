import type { Steps } from '../steps';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * Runs synchronous units of work, yielding to the event loop (setImmediate) between slices of
 * about `sliceMs`, so nothing else waits long for the thread. A slice ends when it is spent,
 * or before a unit that, if it costs what the previous one did, would overrun it: consecutive
 * units are alike (sections of one file, batches of one graph), so slices stay close to
 * `sliceMs` instead of overshooting by a unit.
 */
export interface SliceOptions {
  /** Busy time after which to yield. Default 20 ms, so that one unexpectedly long unit (a first parse while the JIT warms up, a GC) still ends its slice under 50 ms. */
  sliceMs?: number;
  /** Stops the work: the pending call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Milliseconds on some clock; busy time is measured with it. Default `performance.now`. */
  clock?: () => number;
}

export interface SliceStats {
  /** Times the work yielded to the event loop. */
  slices: number;
  /** The longest busy stretch between two yields, in milliseconds of the clock (waiting excluded). */
  longestSliceMs: number;
  /** The longest single unit of work. */
  longestStepMs: number;
  /** Slices longer than 50 ms (the extension host's budget): a unit that ran long, or a GC pause inside one. */
  longSlices: number;
}

/** The busy time the extension host's budget allows at a time. */
const LONG_SLICE_MS = 50;

/**
 * How long the background work keeps the host thread at a time. A turn of the event loop also
 * carries what the slicer cannot see (a scavenge of the plans just decoded, a message from a
 * worker): with slices of 20 ms, the longest turns measured from outside were 40-57 ms against
 * the host's 50 ms; with 10 ms, 22-36 ms, at no cost to the index time that the bench can see.
 */
export const DEFAULT_SLICE_MS = 10;

export class Slicer {
  readonly stats: SliceStats = { slices: 0, longestSliceMs: 0, longestStepMs: 0, longSlices: 0 };
  /** The current slice already counted as long. */
  private countedLong = false;
  private readonly sliceMs: number;
  private readonly clock: () => number;
  private busy = 0;
  private lastStep = 0;
  private unitsInSlice = 0;
  /** The yield under way: every unit waits for it. */
  private nextTurn: Promise<void> | undefined;

  constructor(private readonly options: SliceOptions = {}) {
    this.sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
    this.clock = options.clock ?? (() => performance.now());
  }

  /**
   * Runs one unit, yielding first if the slice is spent or the unit would likely overrun it.
   * Callers running side by side (the indexer decodes several plans at once) share the slice:
   * once one of them yields, every unit waits for the same next turn of the event loop, so none
   * runs in the turn that was meant to end (their continuations would otherwise run on in it).
   */
  async run<T>(unit: () => T): Promise<T> {
    while (this.spent()) await (this.nextTurn ??= this.yieldTurn());
    this.options.signal?.throwIfAborted();
    const start = this.clock();
    try {
      return unit();
    } finally {
      const step = this.clock() - start;
      this.lastStep = step;
      this.busy += step;
      this.unitsInSlice++;
      if (step > this.stats.longestStepMs) this.stats.longestStepMs = step;
      if (this.busy > this.stats.longestSliceMs) this.stats.longestSliceMs = this.busy;
      if (this.busy > LONG_SLICE_MS && !this.countedLong) {
        this.stats.longSlices++;
        this.countedLong = true;
      }
    }
  }

  /** Whether the slice is spent, or the next unit, if it costs what the last one did, would overrun it. */
  private spent(): boolean {
    if (this.nextTurn) return true;
    // The first unit of a slice always runs, whatever it costs: the work goes on.
    return this.unitsInSlice > 0 && (this.busy >= this.sliceMs || this.busy + this.lastStep > this.sliceMs);
  }

  /** Gives the event loop a turn; the new slice starts when it comes back. */
  private async yieldTurn(): Promise<void> {
    this.stats.slices++;
    await yieldToEventLoop();
    this.busy = 0;
    this.unitsInSlice = 0;
    this.countedLong = false;
    this.nextTurn = undefined;
  }

  /** Runs stepwise work (see steps.ts), each step a unit. */
  async runSteps<T>(steps: Steps<T>): Promise<T> {
    let step = await this.run(() => steps.next());
    while (!step.done) step = await this.run(() => steps.next());
    return step.value;
  }
}
