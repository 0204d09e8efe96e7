import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { findCurrentTask } from '../../../src/vscode/tree/taskRef';
import { readFixture, ROADMAP } from './treeFixtures';

describe('finding a task again', () => {
  const text = readFixture('ROADMAP.md');
  const lineOf = (source: string, needle: string) => source.split('\n').findIndex((line) => line.includes(needle)) + 1;
  const line = lineOf(text, 'Replay in order when back online');

  it('finds the task at its line with its text', () => {
    const task = findCurrentTask(parsePlan(text, ROADMAP), { uri: ROADMAP, line, text: 'Replay in order when back online' });
    assert.equal(task?.line, line);
  });

  it('follows the task when lines above it moved', () => {
    const moved = text.replace('## Phase 3: Meal Planner', '## Phase 3: Meal Planner\n\nA new paragraph.\n').replace('# Harbor Roadmap', 'Intro\n\n# Harbor Roadmap');
    const task = findCurrentTask(parsePlan(moved, ROADMAP), { uri: ROADMAP, line, text: 'Replay in order when back online' });
    assert.equal(task?.line, line + 2);
    assert.equal(task?.text, 'Replay in order when back online');
  });

  it('refuses when the task text is gone or another task took its line', () => {
    const changed = text.replace('Replay in order when back online', 'Replay on reconnect');
    assert.equal(findCurrentTask(parsePlan(changed, ROADMAP), { uri: ROADMAP, line, text: 'Replay in order when back online' }), undefined);
  });

  it('takes the task at a line when no text is given, and nothing where there is no task', () => {
    const plan = parsePlan(text, ROADMAP);
    assert.equal(findCurrentTask(plan, { uri: ROADMAP, line })?.text, 'Replay in order when back online');
    assert.equal(findCurrentTask(plan, { uri: ROADMAP, line: 1 }), undefined);
  });
});
