import assert from 'node:assert/strict';
import type { ListItemBlock } from '../../../../src/core/parse/blocks';
import type { Phase } from '../../../../src/core/model';
import {
  closeEndedDetails,
  closeForHeading,
  criteriaHeadingTarget,
  headingMayStartPhase,
  innermostPhase,
  isCriteriaLabel,
  isOpen,
  levelInside,
  listItemMayBePhase,
  namesOtherPhases,
  nestedCriteria,
  placeOfContent,
  summaryLevel,
  tableBelongsHere,
  type OpenHeading,
} from '../../../../src/core/parse/build/placement';

function phase(id: string): Phase {
  return {
    id,
    key: `phase:${id}`,
    kind: 'phase',
    title: `Phase ${id}`,
    heading: `Phase ${id}`,
    line: 1,
    endLine: 1,
    level: 2,
    idRange: { line: 1, column: 0, endLine: 1, endColumn: 1 },
    sections: [],
    status: 'planned',
    statusSource: 'default',
    tasks: [],
    successCriteria: [],
    dependsOn: [],
    children: [],
    empty: false,
  };
}

function item(line: number, checked: boolean | null, children: ListItemBlock[] = []): ListItemBlock {
  return { line, endLine: line + children.length, checked, text: `item ${line}`, contentEndLine: line, children };
}

describe('placement rules: where a block belongs', () => {
  const one = phase('1');
  const two = phase('1.1');

  describe('innermostPhase', () => {
    it('is undefined at plan level and under plain headings', () => {
      assert.equal(innermostPhase([]), undefined);
      assert.equal(innermostPhase([{ level: 1 }, { level: 2 }]), undefined);
    });
    it('is the deepest open phase, through plain and criteria sections', () => {
      assert.equal(innermostPhase([{ level: 1, phase: one }, { level: 2, phase: two }, { level: 3 }, { level: 4, criteriaFor: { kind: 'plan' } }]), two);
    });
  });

  describe('placeOfContent', () => {
    it('is the plan when no phase or criteria section is open', () => {
      assert.deepEqual(placeOfContent([{ level: 1 }]), {});
    });
    it('is the innermost phase', () => {
      assert.deepEqual(placeOfContent([{ level: 1, phase: one }, { level: 3 }]), { phase: one });
    });
    it('is a criteria section nearer than the phase, keeping the phase it sits in', () => {
      const stack: OpenHeading[] = [{ level: 2, phase: one }, { level: 3, criteriaFor: { kind: 'phase', phase: one } }];
      assert.deepEqual(placeOfContent(stack), { criteria: { kind: 'phase', phase: one }, phase: one });
    });
    it('is a task heading inside a phase: checkboxes below it are its subtasks', () => {
      const task = { text: 'Task 3: Wire the API', done: false, line: 4, checkbox: { line: 4, column: 0, endLine: 4, endColumn: 0 }, children: [] };
      assert.deepEqual(placeOfContent([{ level: 2, phase: one }, { level: 3, task }]), { phase: one, task });
    });
    it('is the nearer phase when a sub-phase opens below a criteria section', () => {
      const stack: OpenHeading[] = [{ level: 2, criteriaFor: { kind: 'plan' } }, { level: 3, phase: two }];
      assert.deepEqual(placeOfContent(stack), { phase: two });
    });
  });

  describe('closing sections', () => {
    it('a heading closes every section at its depth or deeper, and none above', () => {
      const stack: OpenHeading[] = [{ level: 1 }, { level: 2, phase: one }, { level: 3 }];
      closeForHeading(stack, 2);
      assert.deepEqual(stack, [{ level: 1 }]);
    });
    it('a heading one level deeper closes nothing above it', () => {
      const stack: OpenHeading[] = [{ level: 2, phase: one }];
      closeForHeading(stack, 3);
      assert.equal(stack.length, 1);
    });
    it('a <details> phase closes at the block after its </details>, with everything opened inside it', () => {
      const stack: OpenHeading[] = [{ level: 1 }, { level: 1.5, phase: one, closesAt: 10 }, { level: 3 }];
      closeEndedDetails(stack, 10);
      assert.equal(stack.length, 3, 'still open on its closing line');
      closeEndedDetails(stack, 11);
      assert.deepEqual(stack, [{ level: 1 }]);
    });
  });

  describe('levels of phases written outside headings', () => {
    it('a list item or table row sits one level below the heading it stands under', () => {
      assert.equal(levelInside([]), 1);
      assert.equal(levelInside([{ level: 2 }]), 3);
      assert.equal(levelInside([{ level: 2 }, { level: 2.5, phase: one }]), 3);
    });
    it('a summary sits half a level below, so the next heading of that level closes it', () => {
      assert.equal(summaryLevel([]), 0.5);
      assert.equal(summaryLevel([{ level: 2 }]), 2.5);
    });
  });

  describe('isOpen', () => {
    it('the plan is always open; a phase while it is on the stack', () => {
      assert.equal(isOpen([], undefined), true);
      assert.equal(isOpen([{ level: 2, phase: one }], one), true);
      assert.equal(isOpen([{ level: 2, phase: two }], one), false);
    });
  });

  describe('calendar units', () => {
    it('a Week heading is a phase in a plan of weeks, or inside a phase, not beside Phase headings', () => {
      assert.equal(headingMayStartPhase('week', false, false), true);
      assert.equal(headingMayStartPhase('week', true, true), true);
      assert.equal(headingMayStartPhase('week', true, false), false);
      assert.equal(headingMayStartPhase('phase', true, false), true);
    });
    it('a Day list item is a schedule line when the plan has stronger units', () => {
      assert.equal(listItemMayBePhase('day', true), false);
      assert.equal(listItemMayBePhase('day', false), true);
      assert.equal(listItemMayBePhase('milestone', true), true);
    });
  });

  describe('tableBelongsHere', () => {
    it('a table with no phase rows belongs nowhere', () => {
      assert.equal(tableBelongsHere([], undefined), false);
    });
    it('at plan level any table of phases counts', () => {
      assert.equal(tableBelongsHere(['phase:1', 'phase:2'], undefined), true);
    });
    it("inside a phase only a table of that phase's own sub-phases counts", () => {
      const six = { ...phase('6'), key: 'phase:6' };
      assert.equal(tableBelongsHere(['phase:6.1', 'phase:6.2'], six), true);
      assert.equal(tableBelongsHere(['phase:6.1', 'phase:7'], six), false);
    });
  });

  describe('criteriaHeadingTarget', () => {
    it('"PHASE 3 SUCCESS CRITERIA" opens the criteria of the phase it names', () => {
      assert.deepEqual(criteriaHeadingTarget({ before: 'PHASE 3' }, { separated: false }, one, two), { kind: 'phase', phase: one });
    });
    it('a bare "Success Criteria" heading opens the enclosing phase\'s criteria, else the plan\'s', () => {
      assert.deepEqual(criteriaHeadingTarget({ before: '' }, undefined, undefined, two), { kind: 'phase', phase: two });
      assert.deepEqual(criteriaHeadingTarget({ before: '' }, undefined, undefined, undefined), { kind: 'plan' });
    });
    it('"Phase 4: Verification & Launch" names a new phase, not criteria', () => {
      assert.equal(criteriaHeadingTarget({ before: 'Phase 4:' }, { separated: true }, undefined, one), undefined);
    });
  });

  describe('isCriteriaLabel', () => {
    it('lead-ins and bold sub-labels are not criteria', () => {
      assert.equal(isCriteriaLabel('Phase complete when:'), true);
      assert.equal(isCriteriaLabel('完成标准：'), true);
      assert.equal(isCriteriaLabel('**Functional**'), true);
      assert.equal(isCriteriaLabel('__Performance__'), true);
    });
    it('a sentence is a criterion', () => {
      assert.equal(isCriteriaLabel('All tests pass on CI.'), false);
      assert.equal(isCriteriaLabel('**Fast**: p95 under 200 ms'), false);
    });
  });

  describe('nestedCriteria', () => {
    it('nested checkboxes are criteria of their own; nested plain bullets are details', () => {
      const box = item(2, false);
      const done = item(4, true);
      const note = item(3, null);
      assert.deepEqual(nestedCriteria(item(1, false, [box, note, done])), [box, done]);
    });
  });

  describe('namesOtherPhases', () => {
    it('sections that list phases by reference', () => {
      for (const heading of ['Depends on', 'Dependencies', 'Enables', 'See also', '🔗 Related phases', 'Next steps', 'Previous']) {
        assert.equal(namesOtherPhases(heading), true, heading);
      }
    });
    it('sections that define phases', () => {
      for (const heading of ['Roadmap', 'Phases', 'Implementation plan', 'Linked list cleanup']) assert.equal(namesOtherPhases(heading), false, heading);
    });
  });
});
