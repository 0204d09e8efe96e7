import assert from 'node:assert/strict';
import { elapsedText, endRun, endText, KEPT_ENDED_RUNS, latestRunOf, readRuns, reconcileRuns, runBadge, runEndMessage, runsToStore, type Run } from '../../../src/core/runs';

const MINUTE = 60_000;

function run(overrides: Partial<Run> = {}): Run {
  return { id: 'r1', uri: 'file:///w/PLAN.md', key: 'phase:2a', line: 10, name: 'Phase 2A', terminalName: 'PhaseLens: Phase 2A', startedAt: 1_000_000, state: 'running', ...overrides };
}

describe('runs', () => {
  it('says how long a run has gone, to the minute', () => {
    assert.deepEqual([0, 59_999, MINUTE, 12 * MINUTE + 59_000, 60 * MINUTE, 125 * MINUTE, -5].map(elapsedText), ['<1 min', '<1 min', '1 min', '12 min', '1 h', '2 h 5 min', '<1 min']);
  });

  it('badges a running run with its elapsed time, an ended one with how it ended', () => {
    assert.equal(runBadge(run(), 1_000_000 + 12 * MINUTE), '▶ running · 12 min');
    assert.equal(runBadge(endRun(run(), 'exit', 2_000_000, 0), 0), '■ run finished');
    assert.equal(runBadge(endRun(run(), 'exit', 2_000_000, 3), 0), '■ run failed (exit 3)');
    assert.equal(runBadge(endRun(run(), 'terminal-closed', 2_000_000), 0), '■ run ended');
  });

  it('ends once: a second end changes nothing', () => {
    const ended = endRun(run(), 'exit', 5, 0);
    assert.deepEqual([ended.state, ended.endReason, ended.exitCode, ended.endedAt], ['ended', 'exit', 0, 5]);
    assert.equal(endRun(ended, 'terminal-closed', 9), ended);
  });

  it('tells how it ended', () => {
    assert.equal(endText(endRun(run(), 'exit', 1, 0)), 'finished (exit code 0)');
    assert.equal(endText(endRun(run(), 'exit', 1, 2)), 'failed (exit code 2)');
    assert.equal(endText(endRun(run(), 'exit', 1)), 'finished (exit code unknown)');
    assert.equal(endText(endRun(run(), 'terminal-closed', 1, 130)), 'stopped: its terminal was closed (exit code 130)');
    assert.equal(endText(endRun(run(), 'terminal-gone', 1)), 'ended: its terminal is gone');
  });

  it('the end notification names what is still open', () => {
    const ended = endRun(run(), 'exit', 1, 0);
    assert.equal(runEndMessage(ended, { done: false, open: ['task 2: a', 'task 3: b', 'task 4: c', 'criterion: d'] }), "Phase 2A's run finished (exit code 0). Still open (4): task 2: a; task 3: b; task 4: c; and 1 more.");
    assert.equal(runEndMessage(ended, { done: true, open: [] }), "Phase 2A's run finished (exit code 0). The phase is done.");
    assert.equal(runEndMessage(ended, { done: false, open: [] }), "Phase 2A's run finished (exit code 0). Nothing is open: it can be completed.");
    assert.equal(runEndMessage(ended, undefined), "Phase 2A's run finished (exit code 0). The phase is no longer in its plan.");
  });

  it('after a reload, a run whose terminal is gone has ended', () => {
    const runs = [run({ id: 'a', terminalName: 'A' }), run({ id: 'b', terminalName: 'B' }), endRun(run({ id: 'c' }), 'exit', 3, 0)];
    const reconciled = reconcileRuns(runs, (candidate) => candidate.terminalName === 'A', 99);
    assert.deepEqual(reconciled.map((r) => [r.id, r.state, r.endReason]), [['a', 'running', undefined], ['b', 'ended', 'terminal-gone'], ['c', 'ended', 'exit']]);
    assert.equal(reconciled[0], runs[0]);
  });

  it('reads back only well-formed runs, and keeps the newest ended ones', () => {
    assert.deepEqual(readRuns(undefined), []);
    assert.deepEqual(readRuns({ not: 'a list' }), []);
    assert.deepEqual(readRuns([run(), { id: 'x' }, null, run({ id: 'y', state: 'paused' as Run['state'] })]).map((r) => r.id), ['r1']);
    const many = Array.from({ length: KEPT_ENDED_RUNS + 5 }, (_, i) => endRun(run({ id: `e${i}` }), 'exit', i, 0));
    const kept = runsToStore([run({ id: 'live' }), ...many]);
    assert.equal(kept.length, KEPT_ENDED_RUNS + 1);
    assert.equal(kept[0]!.id, 'live');
    assert.equal(kept[1]!.id, 'e5');
  });

  it('a phase shows its running run, else its latest', () => {
    const older = endRun(run({ id: 'old', startedAt: 1 }), 'exit', 2, 0);
    const newer = endRun(run({ id: 'new', startedAt: 5 }), 'exit', 6, 1);
    const live = run({ id: 'live', startedAt: 3 });
    assert.equal(latestRunOf([older, newer], 'file:///w/PLAN.md', 'phase:2a')?.id, 'new');
    assert.equal(latestRunOf([older, live, newer], 'file:///w/PLAN.md', 'phase:2a')?.id, 'live');
    assert.equal(latestRunOf([older], 'file:///w/PLAN.md', 'phase:3'), undefined);
  });
});
