import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { checkAllTasksEdits, toggleTaskEdits } from '../../../src/core/edits/tasks';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';

function phaseOf(text: string, id: string) {
  const plan = parsePlan(text, 'tasks.md');
  const phase = allPhases(plan).find((p) => p.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  return phase;
}

describe('edits: tasks', () => {
  const text = [
    '## Phase 1: Setup',
    '',
    '- [ ] Install tools',
    '* [X] Clone repo',
    '  - [ ] Configure remote',
    '1. [ ] Run the build',
    '',
    '**Success Criteria**:',
    '- [ ] Build is green',
    '- Docs exist',
    '',
  ].join('\n');

  it('checks and unchecks one task by replacing only the mark', () => {
    const phase = phaseOf(text, '1');
    const install = phase.tasks[0]!;
    const checked = applyEdits(text, toggleTaskEdits(install, true));
    assert.equal(checked.split('\n')[2], '- [x] Install tools');
    assert.equal(checked.split('\n').filter((line, index) => line !== text.split('\n')[index]).length, 1);
    const clone = phase.tasks[1]!;
    assert.equal(applyEdits(text, toggleTaskEdits(clone, false)).split('\n')[3], '* [ ] Clone repo');
  });

  it('returns no edit when the task already has that state', () => {
    const phase = phaseOf(text, '1');
    assert.deepEqual(toggleTaskEdits(phase.tasks[1]!, true), []);
  });

  it('checks every open task, subtask and checkbox criterion of the phase', () => {
    const phase = phaseOf(text, '1');
    const expected = text
      .replace('- [ ] Install tools', '- [x] Install tools')
      .replace('  - [ ] Configure remote', '  - [x] Configure remote')
      .replace('1. [ ] Run the build', '1. [x] Run the build')
      .replace('- [ ] Build is green', '- [x] Build is green');
    assert.equal(applyEdits(text, checkAllTasksEdits(phase)), expected);
  });

  it('leaves child phases alone', () => {
    const nested = ['# Phase 2: Parent', '- [ ] parent task', '## P2.1: Child', '- [ ] child task', ''].join('\n');
    const parent = phaseOf(nested, '2');
    assert.equal(applyEdits(nested, checkAllTasksEdits(parent)), nested.replace('- [ ] parent task', '- [x] parent task'));
  });

  it('works on CRLF text', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const phase = phaseOf(crlf, '1');
    const result = applyEdits(crlf, checkAllTasksEdits(phase));
    assert.equal(result, applyEdits(text, checkAllTasksEdits(phaseOf(text, '1'))).replace(/\n/g, '\r\n'));
  });
});

describe('edits: tasks written as headings', () => {
  const text = ['## Phase 1: Feeds', '', '### Task 1: Parse RSS ✅', '', '### Task 2: Parse Atom ###', '', '**Step 1: Write the test**', '', '### Task 3: Merge', '- [x] sort', '- [x] dedupe', ''].join('\n');
  const taskAt = (source: string, line: number) => phaseOf(source, '1').tasks.find((task) => task.line === line)!;

  it('ticks a task heading with a ✅ before its closing hashes, and clears the mark', () => {
    const ticked = applyEdits(text, toggleTaskEdits(taskAt(text, 5), true));
    assert.equal(ticked.split('\n')[4], '### Task 2: Parse Atom ✅ ###');
    assert.equal(taskAt(ticked, 5).done, true);
    const cleared = applyEdits(text, toggleTaskEdits(taskAt(text, 3), false));
    assert.equal(cleared.split('\n')[2], '### Task 1: Parse RSS');
    assert.equal(taskAt(cleared, 3).done, false);
  });

  it('is done when its subtasks are, and then has no mark to clear', () => {
    assert.equal(taskAt(text, 9).done, true);
    assert.deepEqual(toggleTaskEdits(taskAt(text, 9), false), []);
  });

  it('completing the phase marks the open task headings', () => {
    const result = applyEdits(text, checkAllTasksEdits(phaseOf(text, '1')));
    assert.equal(result.split('\n')[4], '### Task 2: Parse Atom ✅ ###');
    assert.equal(phaseOf(result, '1').status, 'done');
  });
});
