import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { setStatusEdits } from '../../../src/core/edits/status';
import type { PhaseStatus } from '../../../src/core/model';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';

/** Applies the status edit and checks the parser reads the new status back; returns the changed lines. */
function setStatus(text: string, id: string, status: PhaseStatus): string[] {
  const plan = parsePlan(text, 'plan.md');
  const phase = allPhases(plan).find((candidate) => candidate.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  const edits = setStatusEdits(plan, phase, status, text);
  const result = applyEdits(text, edits);
  assert.equal(allPhases(parsePlan(result, 'plan.md')).find((candidate) => candidate.id === id)?.status, status, result);
  const before = text.split('\n');
  assert.equal(result.split('\n').length, before.length, 'no line added or removed');
  return result.split('\n').filter((line, index) => line !== before[index]);
}

describe('edits: status in the notation’s own place', () => {
  it('sets a table phase’s status in its status cell, keeping the emoji habit', () => {
    const text = ['# Plan', '', '| Phase | Name | Status |', '|---|---|---|', '| 1 | Dig | ✅ Complete |', '| 2 | Pour | Planned |', ''].join('\n');
    assert.deepEqual(setStatus(text, '2', 'in-progress'), ['| 2 | Pour | In Progress |']);
    assert.deepEqual(setStatus(text, '1', 'in-progress'), ['| 1 | Dig | 🚧 In Progress |']);
  });

  it('ticks and clears a list-item phase’s checkbox', () => {
    const text = ['# Plan', '', '- [ ] **Phase 1: Sand the deck**', '- [x] **Phase 2: Oil the deck**', ''].join('\n');
    assert.deepEqual(setStatus(text, '1', 'done'), ['- [x] **Phase 1: Sand the deck**']);
    assert.deepEqual(setStatus(text, '2', 'planned'), ['- [ ] **Phase 2: Oil the deck**']);
  });

  it('marks a Kiro phase under way with [-] where the plan already does', () => {
    const text = ['# Tasks', '', '- [ ] 1. Build', '  - [ ] 1.1 Frame', '- [ ] 2. Test', '  - [-] 2.1 Probe', ''].join('\n');
    assert.deepEqual(setStatus(text, '1', 'in-progress'), ['- [-] 1. Build']);
  });

  it('ticks a heading phase’s roadmap index entry when it is done', () => {
    const text = ['# Roadmap', '', '- [ ] **Phase 1: Frame**', '', '## Phase 1: Frame', '', 'Walls first.', ''].join('\n');
    assert.deepEqual(setStatus(text, '1', 'done'), ['- [ ] **Phase 1: Frame**'.replace('[ ]', '[x]')]);
  });
});

describe('edits: status of a list-item phase with no box', () => {
  /** Applies the edit; the parser must read the new status, and only one line is added. */
  function insertStatus(text: string, id: string, status: PhaseStatus, eol = '\n'): string {
    const plan = parsePlan(text, 'plan.md');
    const phase = allPhases(plan).find((candidate) => candidate.id === id)!;
    const result = applyEdits(text, setStatusEdits(plan, phase, status, text));
    assert.equal(allPhases(parsePlan(result, 'plan.md')).find((candidate) => candidate.id === id)?.status, status, result);
    assert.equal(result.split(eol).length, text.split(eol).length + 1, 'one line added');
    return result;
  }

  it('adds the field as the item’s first nested item, below its own lines, so the list stays one list', () => {
    const text = ['# Cabin', '', '## Phases', '', '1) **Foundations** — pour the slab', '   - [x] dig', '2) **Walls** — frame and', '   sheath the frame', '   - [ ] frame', ''].join('\n');
    const result = insertStatus(text, '2', 'in-progress');
    assert.deepEqual(result.split('\n').slice(6, 10), ['2) **Walls** — frame and', '   sheath the frame', '   - **Status**: In Progress', '   - [ ] frame']);
    assert.equal(parsePlan(result, 'plan.md').phases.length, 2);
  });

  it('keeps CRLF and works on the last line of the file', () => {
    const text = ['# Plan', '', '- **Phase 1: Sand**', '- **Phase 2: Oil**'].join('\r\n');
    const result = insertStatus(text, '2', 'done', '\r\n');
    assert.equal(result, `${text}\r\n  - **Status**: Complete`);
  });
});

describe('edits: a Cursor plan’s todos', () => {
  it('toggles a todo by rewriting its status value', async () => {
    const { toggleTaskEdits } = await import('../../../src/core/edits/tasks');
    const text = ['---', 'name: Shed', 'todos:', '  - id: a', '    content: Dig', '    status: pending', '---', '', '# Shed', ''].join('\n');
    const phase = parsePlan(text, 'shed.plan.md').phases[0]!;
    assert.equal(phase.id, 'Shed');
    const result = applyEdits(text, toggleTaskEdits(phase.tasks[0]!, true));
    assert.equal(result, text.replace('status: pending', 'status: completed'));
    assert.equal(parsePlan(result, 'shed.plan.md').phases[0]!.status, 'done');
  });
});
