import os from 'node:os';
import { OffThreadParser } from './offThreadParser';
import type { PlanParserThread } from './indexPlans';

/** Workers at most, whatever the machine: each holds its own remark and JIT (tens of MB). */
const MAX_WORKERS = 8;

/** One parser thread per core the process may use (os.availableParallelism), at least one. */
export function parserThreadCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

export interface ClosableParserThread extends PlanParserThread {
  close(): Promise<void>;
}

/**
 * Several parser threads behind one `PlanParserThread`: each request goes to the available
 * thread with the fewest requests out, so every core parses during a cold index. A thread that
 * fails is passed over; when all have, every request rejects and the indexer parses on its own
 * thread (its fallback).
 */
export class ParserPool implements ClosableParserThread {
  private readonly threads: ClosableParserThread[];
  private readonly outstanding: number[];
  /** Requests each thread answered: what tests count, and the bench reports. */
  readonly parsedBy: number[];

  constructor(create: (index: number) => ClosableParserThread, size = parserThreadCount()) {
    this.threads = Array.from({ length: Math.max(1, size) }, (_, index) => create(index));
    this.outstanding = this.threads.map(() => 0);
    this.parsedBy = this.threads.map(() => 0);
  }

  /** A pool of `OffThreadParser`s on the bundled worker script (dist/planParserWorker.js). */
  static ofWorkers(workerFile: string, size = parserThreadCount()): ParserPool {
    return new ParserPool(() => new OffThreadParser(workerFile), size);
  }

  get size(): number {
    return this.threads.length;
  }

  get unavailable(): boolean {
    return this.threads.every((thread) => thread.unavailable);
  }

  async parse(text: string, uri: string): Promise<string> {
    let chosen = -1;
    this.threads.forEach((thread, index) => {
      if (!thread.unavailable && (chosen === -1 || this.outstanding[index]! < this.outstanding[chosen]!)) chosen = index;
    });
    if (chosen === -1) throw new Error('no plan parser thread is available');
    this.outstanding[chosen]!++;
    try {
      const json = await this.threads[chosen]!.parse(text, uri);
      this.parsedBy[chosen]!++;
      return json;
    } finally {
      this.outstanding[chosen]!--;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.close()));
  }
}
