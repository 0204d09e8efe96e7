import { parentPort, workerData } from 'node:worker_threads';
import { parsePlan } from '../parse/parsePlan';
import { lowerThisThreadsPriority } from './backgroundPriority';
import type { BatchReply, BatchRequest, ParseReply, ParseRequest, WorkerOptions } from './offThreadProtocol';

if ((workerData as WorkerOptions | undefined)?.background) lowerThisThreadsPriority();

/**
 * The worker thread behind `OffThreadParser`: parses each plan it is sent and answers with its
 * JSON. Bundled on its own (dist/planParserWorker.js), so remark's cost never lands on the
 * thread that asked.
 */
parentPort?.on('message', (request: ParseRequest | BatchRequest) => {
  if ('batch' in request) {
    parseBatch(request);
    return;
  }
  let reply: ParseReply;
  try {
    reply = { id: request.id, json: JSON.stringify(parsePlan(request.text, request.uri)) };
  } catch (error) {
    // parsePlan does not throw on any text; this is for what it cannot control (memory, stack).
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});

/** Takes jobs from the shared counter until none is left (see `parsePlansInParallel`). */
function parseBatch({ batch, claims, signal, replies }: BatchRequest) {
  for (let index = Atomics.add(claims, 0, 1); index < batch.length; index = Atomics.add(claims, 0, 1)) {
    const job = batch[index]!;
    let reply: BatchReply;
    try {
      reply = { index, json: JSON.stringify(parsePlan(job.text, job.uri)) };
    } catch (error) {
      reply = { index, error: error instanceof Error ? error.message : String(error) };
    }
    replies.postMessage(reply);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  }
}
