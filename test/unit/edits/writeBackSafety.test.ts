import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { setStatusEdits } from '../../../src/core/edits/status';
import { checkAllTasksEdits } from '../../../src/core/edits/tasks';
import type { Phase, PhaseStatus, Plan, Task } from '../../../src/core/model';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';

function phaseOf(plan: Plan, id: string): Phase {
  const phase = allPhases(plan).find((p) => p.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  return phase;
}

function setStatus(text: string, id: string, status: PhaseStatus): string {
  const plan = parsePlan(text, 'plan.md');
  return applyEdits(text, setStatusEdits(plan, phaseOf(plan, id), status, text));
}

function checkAll(text: string, id: string, prepare: (plan: Plan) => void = () => {}): string {
  const plan = parsePlan(text, 'plan.md');
  prepare(plan);
  return applyEdits(text, checkAllTasksEdits(phaseOf(plan, id)));
}

describe('edits: write-back keeps the file`s own bytes', () => {
  describe('line endings: every inserted line ends like the line it follows', () => {
    it('CR-only file', () => {
      const text = '# Plan\r\r## Phase 1: Setup\r- [ ] a\r';
      assert.equal(setStatus(text, '1', 'in-progress'), '# Plan\r\r## Phase 1: Setup\r**Status**: In Progress\r\r- [ ] a\r');
    });

    it('mixed endings: the heading`s own ending, not the file`s first', () => {
      const text = '# Plan\r\n\r\n## Phase 1: Setup\n\n- [ ] a\n';
      assert.equal(setStatus(text, '1', 'in-progress'), '# Plan\r\n\r\n## Phase 1: Setup\n\n**Status**: In Progress\n\n- [ ] a\n');
      const crlfHeading = '# Plan\n\n## Phase 1: Setup\r\n- [ ] a\n';
      assert.equal(setStatus(crlfHeading, '1', 'in-progress'), '# Plan\n\n## Phase 1: Setup\r\n**Status**: In Progress\r\n\r\n- [ ] a\n');
    });

    it('joining a block of fields uses the ending of the line above', () => {
      const text = '# Plan\n\n## Phase 1: Setup\r\r**Owner**: Sam\r\r- [ ] a\r';
      assert.equal(setStatus(text, '1', 'in-progress'), '# Plan\n\n## Phase 1: Setup\r\r**Status**: In Progress\r**Owner**: Sam\r\r- [ ] a\r');
    });
  });

  it('a BOM before a phase heading on line 1 does not hide its heading status', () => {
    const text = '\uFEFF## Phase 1: Setup ✅\n\n- [ ] a\n';
    assert.equal(setStatus(text, '1', 'in-progress'), '\uFEFF## Phase 1: Setup 🚧\n\n- [ ] a\n');
    assert.equal(setStatus('\uFEFF## Phase 1: Setup\n\n- [ ] a\n', '1', 'in-progress'), '\uFEFF## Phase 1: Setup\n\n**Status**: In Progress\n\n- [ ] a\n');
  });

  it('two headings with the same id: "check all tasks" ticks the addressed section only', () => {
    const text = '# Plan\n\n## Phase 1: A\n\n- [ ] a1\n- [ ] a2\n\n## Phase 1: B\n\n- [ ] b1\n';
    assert.equal(checkAll(text, '1'), '# Plan\n\n## Phase 1: A\n\n- [x] a1\n- [x] a2\n\n## Phase 1: B\n\n- [ ] b1\n');
    // A phase's criteria section elsewhere still belongs to it.
    const criteria = '# Plan\n\n## Phase 3: Work\n\n- [ ] t\n\n## Phase 3 Success Criteria\n\n- [ ] c\n';
    assert.equal(checkAll(criteria, '3'), '# Plan\n\n## Phase 3: Work\n\n- [x] t\n\n## Phase 3 Success Criteria\n\n- [x] c\n');
  });

  it('two headings with the same id: Start writes the status into the addressed section', () => {
    const text = '# Plan\n\n## Phase 1: A\n\n- [ ] a1\n\n## Phase 1: B\n\n**Status**: Complete\n';
    assert.equal(setStatus(text, '1', 'in-progress'), '# Plan\n\n## Phase 1: A\n\n**Status**: In Progress\n\n- [ ] a1\n\n## Phase 1: B\n\n**Status**: Complete\n');
  });

  describe('a status in a blockquote or a table cell is updated, never duplicated', () => {
    it('blockquote', () => {
      const text = '# Plan\n\n## Phase 1: A\n\n> **Status**: ✅ Complete\n\n- [ ] a\n';
      assert.equal(setStatus(text, '1', 'in-progress'), '# Plan\n\n## Phase 1: A\n\n> **Status**: 🚧 In Progress\n\n- [ ] a\n');
    });

    it('table cell', () => {
      const text = '# Plan\n\n## Phase 2: B\n\n| Field | Value |\n|---|---|\n| **Status** | Done |\n| Owner | Sam |\n';
      assert.equal(setStatus(text, '2', 'in-progress'), '# Plan\n\n## Phase 2: B\n\n| Field | Value |\n|---|---|\n| **Status** | In Progress |\n| Owner | Sam |\n');
      const inline = '# Plan\n\n## Phase 2: B\n\n| Status: Planned | Owner: Sam |\n';
      assert.equal(setStatus(inline, '2', 'done'), '# Plan\n\n## Phase 2: B\n\n| Status: Complete | Owner: Sam |\n');
    });
  });

  it('"check all tasks" leaves optional tasks (Kiro `- [ ]*`, `optional: true` in the model) open', () => {
    const text = '# Tasks\n\n## Phase 2: Build\n\n- [ ] 2.1 Write it\n- [ ] 2.2 Extra tests\n  - [ ] 2.2.1 More\n- [ ] 2.3 Ship\n';
    // The parser marks `- [ ]*` items optional (Kiro's optional tasks); the edit must honour the flag whatever set it.
    const markOptional = (plan: Plan) => {
      const visit = (tasks: Task[]) =>
        tasks.forEach((task) => {
          if (task.text.startsWith('2.2')) task.optional = true;
          visit(task.children ?? []);
        });
      allPhases(plan).forEach((phase) => visit(phase.tasks));
    };
    assert.equal(checkAll(text, '2', markOptional), '# Tasks\n\n## Phase 2: Build\n\n- [x] 2.1 Write it\n- [ ] 2.2 Extra tests\n  - [ ] 2.2.1 More\n- [x] 2.3 Ship\n');
  });
});
