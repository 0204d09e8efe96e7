/** Timing helpers: medians of interleaved runs, so load from other processes hits both sides alike. */

/** Medians of the costs, the CPU and the wall-clock times (each taken apart). */
export function medians(timings: readonly Timing[]): Timing {
  return {
    cost: median(timings.map((timing) => timing.cost)),
    cpu: median(timings.map((timing) => timing.cpu)),
    wall: median(timings.map((timing) => timing.wall)),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Milliseconds of CPU this process has used (user + system, from getrusage: precise to the
 * microsecond). (The main thread's own time, /proc/self/task/<pid>/schedstat, is only updated
 * at scheduler ticks: too coarse for runs of a few milliseconds.)
 */
export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * What a run costs: the smaller of its wall-clock time and its process CPU time. Both bound
 * from above what the run takes on an idle core: wall-clock time also counts the time this
 * shared machine gave to other processes; process CPU time also counts V8's helper threads
 * (parallel GC, background compilation) that run beside the main thread on an idle machine.
 */
export const COST = 'the smaller of wall-clock and process CPU time per run';

export interface Timing {
  cost: number;
  cpu: number;
  wall: number;
}

export function timeOnce(run: () => unknown): Timing {
  const wallStart = performance.now();
  const cpuStart = cpuNow();
  run();
  const cpu = cpuNow() - cpuStart;
  const wall = performance.now() - wallStart;
  return { cost: Math.min(cpu, wall), cpu, wall };
}

/**
 * A clock for `indexPlans(…, { clock })` that advances by the cost (as above) of each interval
 * between two readings: the indexer reads it before and after each unit of work.
 *
 * The process's CPU time costs a system call (~25 µs), and the indexer reads its clock a few
 * times per file: a warm start spent ~130 ms of its ~1,000 in `process.cpuUsage`, a cost of
 * the bench that the extension (reading `performance.now()`) never pays. So CPU time is read
 * only once the wall clock has moved `CPU_READ_EVERY_MS`; in between, the clock moves with the
 * wall clock, an upper bound of the cost. It never goes back: a CPU reading that shows the
 * process was kept waiting holds the clock still until the wall clock catches up.
 */
export function costClock(): () => number {
  const CPU_READ_EVERY_MS = 1;
  let lastWall = performance.now();
  let lastCpu = cpuNow();
  let settled = 0;
  let shown = 0;
  return () => {
    const wall = performance.now();
    if (wall - lastWall < CPU_READ_EVERY_MS) {
      shown = Math.max(shown, settled + (wall - lastWall));
      return shown;
    }
    const cpu = cpuNow();
    settled += Math.min(wall - lastWall, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
    shown = Math.max(shown, settled);
    return shown;
  };
}

/**
 * Runs every contender once per round, in turn, for `warmup` unmeasured rounds and then
 * `rounds` measured ones; returns each contender's times. Interleaving keeps the ratio fair on
 * a shared machine: a burst of load slows both sides of one round, not one side of all.
 */
export function interleave<K extends string>(contenders: Record<K, () => unknown>, rounds: number, warmup = 1): Record<K, Timing[]> {
  const names = Object.keys(contenders) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as Timing[]])) as Record<K, Timing[]>;
  for (let round = 0; round < warmup + rounds; round++) {
    // Alternate the order too: whoever runs second may profit from a warm cache.
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const elapsed = timeOnce(contenders[name]);
      if (round >= warmup) times[name].push(elapsed);
    }
  }
  return times;
}

/** Forces a full garbage collection when node runs with --expose-gc; false otherwise. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

export const MB = 1024 * 1024;
