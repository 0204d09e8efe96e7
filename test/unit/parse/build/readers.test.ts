import assert from 'node:assert/strict';
import { parseBlocks, type Block, type HeadingBlock } from '../../../../src/core/parse/blocks';
import { readListContent, readParagraph } from '../../../../src/core/parse/build/content';
import { onHeading, readHeadingPhases } from '../../../../src/core/parse/build/headingPhases';
import { readListItemPhases } from '../../../../src/core/parse/build/listItemPhases';
import { PlanDraft } from '../../../../src/core/parse/build/planDraft';
import { summaryPhases } from '../../../../src/core/parse/build/summaryPhases';
import { tableRowPhases } from '../../../../src/core/parse/build/tableRowPhases';

/** Each notation's reader on its own: a draft, the document's blocks, and only that reader. */
function setUp(text: string) {
  const lines = text.split('\n');
  const { blocks } = parseBlocks(lines, undefined, true);
  const headings = blocks.filter((block): block is HeadingBlock => block.type === 'heading');
  const { phaseHeadings, hasStrongPhase } = readHeadingPhases(headings);
  const draft = new PlanDraft('plan.md', 'Plan', { lines, firstLineOffset: 0 }, new Set([...phaseHeadings.values()].map((read) => read.key)), hasStrongPhase);
  const of = <T extends Block['type']>(type: T) => blocks.filter((block): block is Extract<Block, { type: T }> => block.type === type);
  return { draft, blocks, phaseHeadings, of };
}

describe('notation readers, each on its own', () => {
  describe('headings', () => {
    it('a calendar unit beside phase units is not a phase heading of its own', () => {
      const { draft, phaseHeadings, of } = setUp('# Plan\n\n## Phase 1: Setup\n\n## Week 2\n');
      assert.equal(draft.hasStrongPhase, true);
      for (const heading of of('heading')) onHeading(draft, phaseHeadings, heading);
      assert.deepEqual(draft.plan.phases.map((phase) => phase.id), ['1']);
    });

    it('letter codes used as siblings (S0, S1) are phases', () => {
      const { phaseHeadings } = setUp('## S0 - Freeze\n\n## S1 - Parity\n\n## S2 - Ship\n');
      assert.equal(phaseHeadings.size, 3);
    });

    it('a criteria heading naming a known phase opens that phase\'s criteria, not a new phase', () => {
      const { draft, phaseHeadings, of } = setUp('## Phase 3: Build\n\n## Phase 3 Success Criteria\n');
      for (const heading of of('heading')) onHeading(draft, phaseHeadings, heading);
      assert.equal(draft.plan.phases.length, 1);
      assert.deepEqual(draft.context().criteria, { kind: 'phase', phase: draft.plan.phases[0] });
      assert.deepEqual(
        draft.plan.phases[0]!.sections.map((section) => section.criteriaOnly),
        [false, true],
      );
    });
  });

  describe('list items', () => {
    it('an item naming a phase at plan level is a list-item phase with its checkbox status', () => {
      const { draft, of } = setUp('- [x] **Phase 1: Scaffold**\n- [ ] **Phase 2: Auth**\n');
      readListItemPhases(draft, of('list')[0]!);
      assert.deepEqual(
        draft.plan.phases.map((phase) => [phase.id, phase.notation, phase.status]),
        [
          ['1', 'list-item', 'done'],
          ['2', 'list-item', 'planned'],
        ],
      );
    });

    it("an item naming a heading's phase is that phase's index entry, not a second phase", () => {
      const { draft, of } = setUp('- [x] **Phase 2: Auth**\n\n## Phase 2: Auth\n');
      readListItemPhases(draft, of('list')[0]!);
      assert.equal(draft.plan.phases.length, 0);
      assert.equal(draft.indexEntries.get('phase:2')?.checked, true);
    });

    it('items under a "Depends on" heading name phases by reference', () => {
      const { draft, phaseHeadings, of } = setUp('## Depends on\n\n- **Phase 1: Setup**\n');
      onHeading(draft, phaseHeadings, of('heading')[0]!);
      readListItemPhases(draft, of('list')[0]!);
      assert.equal(draft.plan.phases.length, 0);
    });
  });

  describe('table rows', () => {
    it('a row per phase, its Status and Depends cells read as fields', () => {
      const { draft, blocks } = setUp('| Phase | Status | Depends On |\n|---|---|---|\n| 1. Scaffold | done | — |\n| 2. Auth | planned | 1 |\n');
      tableRowPhases(draft, blocks.find((block) => block.type === 'table')!);
      const [one, two] = draft.plan.phases;
      assert.equal(one?.notation, 'table-row');
      assert.equal(one?.statusField?.status, 'done');
      assert.deepEqual(two?.dependsOn.map((dependency) => dependency.id), ['1']);
    });
  });

  describe('summaries', () => {
    it('a <details> phase runs to its </details>, half a level below the heading it stands under', () => {
      const { draft, blocks, phaseHeadings, of } = setUp('# Roadmap\n\n<details>\n<summary>Phase 1: Genesis</summary>\n\n- [ ] seed\n\n</details>\n');
      onHeading(draft, phaseHeadings, of('heading')[0]!);
      const html = blocks.find((block) => block.type === 'html')!;
      assert.equal(summaryPhases(draft, blocks, html), true);
      assert.equal(draft.plan.phases[0]?.notation, 'summary');
      assert.deepEqual(draft.stack.at(-1)?.level, 1.5);
      assert.equal(draft.stack.at(-1)?.closesAt, 8);
    });
  });

  describe('content', () => {
    it('a blank "Depends on" field waits for the list that follows it', () => {
      const { draft, phaseHeadings, of } = setUp('## Phase 2: Auth\n\n**Depends on**:\n\n- Phase 1\n');
      onHeading(draft, phaseHeadings, of('heading')[0]!);
      readParagraph(draft, of('paragraph')[0]!);
      assert.equal(draft.pending?.field.kind, 'dependencies');
      assert.equal(readListContent(draft, of('list')[0]!), true);
      assert.deepEqual(draft.plan.phases[0]!.dependsOn.map((dependency) => dependency.id), ['1']);
    });

    it('a list at plan level is left to the list-item reader', () => {
      const { draft, of } = setUp('- **Phase 1: Setup**\n');
      assert.equal(readListContent(draft, of('list')[0]!), false);
    });
  });
});
