import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Plan } from '../model';
import { parsePlan } from '../parse/parsePlan';
import type { BatchReply, BatchRequest } from './offThreadProtocol';
import { parserThreadCount } from './parserPool';

export interface ParseJob {
  text: string;
  /** Becomes the plan's `file`. */
  uri: string;
}

export interface ParallelParseOptions {
  /** The bundled worker script (dist/planParserWorker.js); absent or missing: everything is parsed here. */
  workerFile?: string;
  /** Threads in all, this one included. Default: one per core (os.availableParallelism). */
  threads?: number;
  /** A worker that has answered nothing for this long is given up on; its jobs are parsed here. Default 60 s. */
  stallMs?: number;
}

export interface ParallelParseResult {
  /** In the order of the jobs; each equal to `parsePlan(job.text, job.uri)`. */
  plans: Plan[];
  /** Jobs each thread parsed: this one first, then each worker. */
  parsedBy: number[];
}

/**
 * Parses plans on every core, synchronously, for a command-line run that has nothing else to
 * do meanwhile (`phaselens lint`). Every thread, this one included, takes the next job from a
 * shared counter, so a slow worker start or one large plan never leaves a core waiting.
 * Workers answer through a message port this thread reads with `receiveMessageOnPort`,
 * sleeping in `Atomics.wait` between answers. When no worker can start, or one falls silent,
 * the jobs are parsed here: the result is the same, only slower.
 */
export function parsePlansInParallel(jobs: readonly ParseJob[], options: ParallelParseOptions = {}): ParallelParseResult {
  // Longest first: the last job any thread takes is a short one, so no core idles while
  // another finishes a long plan it took late (the order files are named in says nothing of size).
  const order = jobs.map((_, index) => index).sort((a, b) => jobs[b]!.text.length - jobs[a]!.text.length || a - b);
  const { plans, parsedBy } = parseInOrder(order.map((index) => jobs[index]!), options);
  const inJobOrder: Plan[] = new Array(jobs.length);
  order.forEach((index, position) => (inJobOrder[index] = plans[position]!));
  return { plans: inJobOrder, parsedBy };
}

function parseInOrder(jobs: readonly ParseJob[], options: ParallelParseOptions): ParallelParseResult {
  const threads = Math.max(1, options.threads ?? parserThreadCount());
  // Filled, not sparse: forEach and reduce below must visit every slot.
  const plans: Array<Plan | undefined> = Array.from({ length: jobs.length }, () => undefined);
  const parsedBy = [0];
  const workers = threads > 1 && jobs.length > 1 && options.workerFile && existsSync(options.workerFile) ? startWorkers(options.workerFile, threads - 1, jobs) : undefined;
  if (!workers) {
    jobs.forEach((job, index) => (plans[index] = parsePlan(job.text, job.uri)));
    parsedBy[0] = jobs.length;
    return { plans: plans as Plan[], parsedBy };
  }
  parsedBy.push(...workers.list.map(() => 0));
  try {
    for (let index = Atomics.add(workers.claims, 0, 1); index < jobs.length; index = Atomics.add(workers.claims, 0, 1)) {
      plans[index] = parsePlan(jobs[index]!.text, jobs[index]!.uri);
      parsedBy[0]!++;
    }
    const stallMs = options.stallMs ?? 60_000;
    let missing = plans.reduce((count, plan) => count + (plan ? 0 : 1), 0);
    let lastAnswer = performance.now();
    while (missing > 0) {
      let answered = false;
      for (const [number, worker] of workers.list.entries()) {
        for (let message = receiveMessageOnPort(worker.port); message; message = receiveMessageOnPort(worker.port)) {
          const reply = message.message as BatchReply;
          answered = true;
          if (plans[reply.index]) continue;
          plans[reply.index] = 'json' in reply ? (JSON.parse(reply.json) as Plan) : parsePlan(jobs[reply.index]!.text, jobs[reply.index]!.uri);
          parsedBy[number + 1]!++;
          missing--;
        }
      }
      if (missing === 0) break;
      if (answered) lastAnswer = performance.now();
      else if (performance.now() - lastAnswer > stallMs) break;
      const seen = Atomics.load(workers.signal, 0);
      if (!answered) Atomics.wait(workers.signal, 0, seen, 100);
    }
  } finally {
    for (const worker of workers.list) void worker.thread.terminate();
  }
  // A worker that fell silent: what it took is parsed here.
  plans.forEach((plan, index) => {
    if (plan) return;
    plans[index] = parsePlan(jobs[index]!.text, jobs[index]!.uri);
    parsedBy[0]!++;
  });
  return { plans: plans as Plan[], parsedBy };
}

function startWorkers(workerFile: string, count: number, jobs: readonly ParseJob[]) {
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const list: Array<{ thread: Worker; port: MessagePort }> = [];
  for (let number = 0; number < count; number++) {
    let thread: Worker;
    try {
      thread = new Worker(workerFile);
    } catch {
      break;
    }
    // An error in a worker must not end the run: its jobs are parsed here.
    thread.on('error', () => undefined);
    thread.unref();
    const { port1, port2 } = new MessageChannel();
    thread.postMessage({ batch: jobs.map(({ text, uri }) => ({ text, uri })), claims, signal, replies: port2 } satisfies BatchRequest, [port2]);
    list.push({ thread, port: port1 });
  }
  return list.length > 0 ? { list, claims, signal } : undefined;
}
