import { Worker } from 'node:worker_threads';
import type { ParseReply, ParseRequest, WorkerOptions } from './offThreadProtocol';

/**
 * Parses plans on a worker thread, so that indexing a large workspace leaves the calling thread
 * (the extension host) free: remark's cost, its garbage and its JIT warm-up all stay in the
 * worker. The worker starts on the first request and runs until `close`.
 *
 * `parse` answers with the plan as JSON (see offThreadProtocol.ts). It rejects when the worker
 * cannot start, fails or is closed; after that every request rejects at once, and the caller
 * parses on its own thread instead.
 */
export class OffThreadParser {
  private worker: Worker | undefined;
  private failure: Error | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (json: string) => void; reject: (error: Error) => void }>();

  /** `workerFile`: the bundled worker script (dist/planParserWorker.js). */
  constructor(private readonly workerFile: string) {}

  /** Whether the worker failed or was closed (every later request rejects). */
  get unavailable(): boolean {
    return this.failure !== undefined;
  }

  parse(text: string, uri: string): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const worker = this.worker ?? this.start();
    if (!worker) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, uri, text } satisfies ParseRequest);
    });
  }

  /** Stops the worker; requests still pending reject. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.fail(new Error('the plan parser thread was closed'));
    if (worker) await worker.terminate();
  }

  private start(): Worker | undefined {
    try {
      // Background work: the thread that asked (the extension host) comes first for the cores.
      const worker = new Worker(this.workerFile, { workerData: { background: true } satisfies WorkerOptions });
      worker.on('message', (reply: ParseReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => this.fail(new Error(`the plan parser thread exited (code ${code})`)));
      // An idle worker must not keep a CLI or a test process alive.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return undefined;
    }
  }

  private settle(reply: ParseReply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('json' in reply) waiting.resolve(reply.json);
    else waiting.reject(new Error(reply.error));
  }

  private fail(error: Error) {
    this.failure ??= error;
    this.worker = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of waiting) reject(this.failure);
  }
}
