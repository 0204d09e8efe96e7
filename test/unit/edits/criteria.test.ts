import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { detectCriteriaStyle, insertCriteriaSkeletonEdits } from '../../../src/core/edits/criteria';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';

function addCriteria(text: string, id: string): string {
  const plan = parsePlan(text, 'criteria.md');
  const phase = allPhases(plan).find((p) => p.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  const result = applyEdits(text, insertCriteriaSkeletonEdits(plan, phase, text, `Phase ${id}`));
  const reparsed = allPhases(parsePlan(result, 'criteria.md')).find((p) => p.id === id);
  assert.equal(reparsed?.successCriteria.length, 1, `the parser reads the skeleton as one criterion of ${id}:\n${result}`);
  return result;
}

describe('edits: insertCriteriaSkeletonEdits', () => {
  it('adds a heading one level below the phase, before its first child phase', () => {
    const text = ['## Phase 3: Parent', '', 'Intro.', '', '### P3.1: Child', '', '- [ ] task', ''].join('\n');
    assert.equal(
      addCriteria(text, '3'),
      ['## Phase 3: Parent', '', 'Intro.', '', '### Success Criteria', '', '- [ ] TODO: what must be true when Phase 3 is done', '', '### P3.1: Child', '', '- [ ] task', ''].join('\n'),
    );
  });

  it('goes after the last content line, leaving trailing rules and blank lines in place', () => {
    const text = ['## Phase 1: One', '', 'Text.', '', '---', '', '## Phase 2: Two', ''].join('\n');
    assert.equal(
      addCriteria(text, '1'),
      ['## Phase 1: One', '', 'Text.', '', '### Success Criteria', '', '- [ ] TODO: what must be true when Phase 1 is done', '', '---', '', '## Phase 2: Two', ''].join('\n'),
    );
  });

  it('copies a field style with its label and markup, as a list when the plan lists criteria', () => {
    const text = ['## Phase 1: One', '', '**Acceptance Criteria:**', '- Works', '', '## Phase 2: Two', '', 'Text.', '', '### Notes', '', 'More.', ''].join('\n');
    assert.equal(
      addCriteria(text, '2'),
      ['## Phase 1: One', '', '**Acceptance Criteria:**', '- Works', '', '## Phase 2: Two', '', 'Text.', '', '**Acceptance Criteria:**', '- [ ] TODO: what must be true when Phase 2 is done', '', '### Notes', '', 'More.', ''].join('\n'),
    );
  });

  it('falls back to a field under a level-6 phase heading', () => {
    const text = ['###### Phase 9: Deep', '', 'Text.', ''].join('\n');
    assert.equal(addCriteria(text, '9'), ['###### Phase 9: Deep', '', 'Text.', '', '**Success Criteria**:', '- [ ] TODO: what must be true when Phase 9 is done', ''].join('\n'));
  });

  it('keeps CRLF line breaks', () => {
    const text = ['## Phase 1: One', '', 'Text.', ''].join('\r\n');
    assert.equal(addCriteria(text, '1'), ['## Phase 1: One', '', 'Text.', '', '### Success Criteria', '', '- [ ] TODO: what must be true when Phase 1 is done', ''].join('\r\n'));
  });

  it('reads the style from criteria outside code only', () => {
    const lines = ['```markdown', '**Success Gate**: example', '```', '### Exit Criteria', ''];
    assert.deepEqual(detectCriteriaStyle(lines), { form: 'heading', label: 'Exit Criteria' });
    assert.deepEqual(detectCriteriaStyle(['Success criteria: it ships']), { form: 'field', label: 'Success criteria', fieldPrefix: 'Success criteria: ', inline: true });
    assert.deepEqual(detectCriteriaStyle(['nothing here']), { form: 'heading', label: 'Success Criteria' });
    // Every label the parser reads, in any language: the skeleton copies the plan's own.
    assert.deepEqual(detectCriteriaStyle(['**Done when**:', '- it ships']), { form: 'field', label: 'Done when', fieldPrefix: '**Done when**:', inline: false });
    assert.deepEqual(detectCriteriaStyle(['### 验收标准']), { form: 'heading', label: '验收标准' });
  });
});
