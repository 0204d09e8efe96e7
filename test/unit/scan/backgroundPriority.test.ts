import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE } from '../../../src/core/scan/backgroundPriority';

const MODULE = path.resolve(__dirname, '../../../src/core/scan/backgroundPriority.ts');

/** Runs lowerThisThreadsPriority in a worker thread; answers what it returned and the worker's priority after. */
function lowerInWorker(): Promise<{ lowered: boolean; priority: number }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    const { getPriority } = require('node:os');
    const { lowerThisThreadsPriority } = require('tsx/cjs/api').require(${JSON.stringify(MODULE)}, ${JSON.stringify(__filename)});
    const lowered = lowerThisThreadsPriority();
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    parentPort.postMessage({ lowered, priority: getPriority(thread) });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (answer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('background priority of parser threads', () => {
  it('lowers the worker thread that asks, and not the process or its main thread', async function () {
    if (process.platform !== 'linux') this.skip();
    const before = getPriority();
    const { lowered, priority } = await lowerInWorker();
    assert.equal(lowered, true);
    assert.equal(priority, Math.min(19, before + BACKGROUND_NICE));
    assert.equal(getPriority(), before, 'the main thread keeps its priority');
  });
});
