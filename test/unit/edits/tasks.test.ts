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
