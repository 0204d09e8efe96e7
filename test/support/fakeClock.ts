import type { Timers } from '../../src/core/store';

/** Lets pending promise callbacks and setImmediate yields (sliced work) run. */
export async function letPromisesSettle(turns = 10): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Timers on a clock that only moves when a test says so: a debounce fires because the test
 * advanced 200 ms, never because the machine was slow or fast.
 */
export class FakeClock implements Timers {
  now = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  /** Timers set and not yet run or cleared. */
  get pending(): number {
    return this.timers.size;
  }

  /** Whether a timer is due now (a zero-delay timer, or one the clock has reached). */
  get anyDue(): boolean {
    return this.earliestDue(this.now) !== undefined;
  }

  /** Moves the clock `ms` forward, running each timer that falls due in order, and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      await letPromisesSettle();
      const due = this.earliestDue(until);
      if (!due) break;
      this.timers.delete(due.id);
      this.now = due.at;
      due.callback();
    }
    this.now = until;
    await letPromisesSettle();
  }

  /**
   * Runs timers due now (zero-delay yields) until `work` settles, and returns its result. The
   * clock does not move, so work that waits on a later timer never settles here: a test of that
   * fails by its mocha timeout instead of passing by luck.
   */
  async runUntil<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const watched = work.finally(() => {
      settled = true;
    });
    while (!settled) {
      const due = this.earliestDue(this.now);
      if (due) {
        this.timers.delete(due.id);
        due.callback();
      }
      await letPromisesSettle(1);
    }
    return watched;
  }

  private earliestDue(until: number): { id: number; at: number; callback: () => void } | undefined {
    let earliest: { id: number; at: number; callback: () => void } | undefined;
    for (const [id, timer] of this.timers) {
      if (timer.at <= until && (!earliest || timer.at < earliest.at)) earliest = { id, ...timer };
    }
    return earliest;
  }
}
