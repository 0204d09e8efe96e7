import assert from 'node:assert/strict';
import { indexPlans, MAX_PLAN_BYTES, overPlanSizeLimit, planSizeMessage } from '../../../src/core/scan';

describe('the 10 MB plan size limit', function () {
  // Builds and hashes 10 MB strings: generous on a shared machine (no clock is asserted).
  this.timeout(300_000);
  it('counts UTF-8 bytes, not characters', () => {
    assert.equal(overPlanSizeLimit('a'.repeat(MAX_PLAN_BYTES)), false);
    assert.equal(overPlanSizeLimit('a'.repeat(MAX_PLAN_BYTES + 1)), true);
    // Three bytes each in UTF-8: over the limit with a third as many characters.
    assert.equal(overPlanSizeLimit('✅'.repeat(Math.ceil(MAX_PLAN_BYTES / 3) + 1)), true);
    assert.equal(overPlanSizeLimit('✅'.repeat(Math.floor(MAX_PLAN_BYTES / 3))), false);
  });

  it('the indexer skips a file over the limit unparsed and says which', async () => {
    const huge = `## Phase 1: Huge\n\n${'- [ ] task\n'.repeat(Math.ceil(MAX_PLAN_BYTES / 11) + 1)}`;
    const told: Array<[string, number]> = [];
    const result = await indexPlans(
      [
        { uri: 'huge.md', read: async () => huge },
        { uri: 'small.md', read: async () => '## Phase 1: Small\n\n- [ ] task\n' },
      ],
      { onTooLarge: (uri, bytes) => told.push([uri, bytes]) },
    );
    assert.deepEqual(result.plans.map((entry) => entry.uri), ['small.md']);
    assert.equal(result.stats.tooLarge, 1);
    assert.equal(result.stats.parsed, 1);
    assert.deepEqual(told, [['huge.md', Buffer.byteLength(huge)]]);
    assert.match(planSizeMessage('docs/huge.md', told[0]![1]), /^PhaseLens skips docs\/huge\.md: 10\.0 MB is over the 10 MB limit for a plan$/);
  });
});
