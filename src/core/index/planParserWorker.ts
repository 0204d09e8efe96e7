import { parentPort } from 'node:worker_threads';
import { parsePlan } from '../parse/parsePlan';
import type { ParseReply, ParseRequest } from './offThreadProtocol';

/**
 * The worker thread behind `OffThreadParser`: parses each plan it is sent and answers with its
 * JSON. Bundled on its own (dist/planParserWorker.js), so remark's cost never lands on the
 * thread that asked.
 */
parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, json: JSON.stringify(parsePlan(request.text, request.uri)) };
  } catch (error) {
    // parsePlan does not throw on any text; this is for what it cannot control (memory, stack).
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
