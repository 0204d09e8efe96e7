import assert from 'node:assert/strict';
import { Slicer } from '../../../src/core/scan';

/** A turn counter: a callback that re-queues itself with setImmediate runs once per event-loop turn. */
function turnCounter(): { readonly turn: number; stop(): void } {
  let turn = 0;
  let stopped = false;
  const tick = () => {
    turn++;
    if (!stopped) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop() {
      stopped = true;
    },
  };
}

describe('Slicer', () => {
  it('makes callers running side by side share the slice: after a yield, none of them runs a unit in the same turn', async () => {
    // Every unit costs 10 on this clock and a slice is 15: one unit per turn of the event loop.
    let now = 0;
    const slicer = new Slicer({ sliceMs: 15, clock: () => now });
    const turns = turnCounter();
    const ranIn: number[] = [];
    const unit = () => {
      now += 10;
      ranIn.push(turns.turn);
    };
    const caller = async () => {
      for (let i = 0; i < 5; i++) await slicer.run(unit);
    };
    await Promise.all([caller(), caller(), caller()]);
    turns.stop();
    assert.equal(ranIn.length, 15);
    assert.equal(new Set(ranIn).size, ranIn.length, `units shared a turn: ${ranIn.join(' ')}`);
    assert.equal(slicer.stats.longestSliceMs, 10);
    assert.equal(slicer.stats.slices, 14);
  });

  it('runs the first unit of every slice, however long the units, so the work goes on', async () => {
    let now = 0;
    const slicer = new Slicer({ sliceMs: 0, clock: () => now });
    let units = 0;
    await Promise.all(
      [0, 1].map(async () => {
        for (let i = 0; i < 3; i++) {
          await slicer.run(() => {
            now += 60;
            units++;
          });
        }
      }),
    );
    assert.equal(units, 6);
    assert.equal(slicer.stats.longestSliceMs, 60);
    assert.equal(slicer.stats.longSlices, 6);
  });

  it('stops when its signal is aborted, callers waiting for the next turn included', async () => {
    const controller = new AbortController();
    let now = 0;
    const slicer = new Slicer({ sliceMs: 5, clock: () => now, signal: controller.signal });
    await slicer.run(() => (now += 10));
    const waiting = [slicer.run(() => 1), slicer.run(() => 2)];
    controller.abort(new Error('replaced'));
    for (const run of waiting) await assert.rejects(run, /replaced/);
  });
});
