import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { lintText } from './support/lintHarness';

/** The non-preferred fixes: each is offered, does what its title says, and settles the finding. */
describe('lint: alternative fixes', () => {
  const fixNamed = (text: string, rule: string, title: RegExp) => {
    const finding = lintText(text).findings.find((f) => f.rule === rule);
    assert.ok(finding, `${rule} did not fire`);
    const fix = finding.fixes?.find((f) => title.test(f.title));
    assert.ok(fix, `no fix matching ${title} among ${finding.fixes?.map((f) => f.title).join(' | ')}`);
    return applyEdits(text, fix.edits);
  };
  const still = (text: string, rule: string) => lintText(text).findings.filter((f) => f.rule === rule);

  it('status-mismatch: checking all tasks, or setting the status back to In Progress', () => {
    const text = ['## Phase 1: Login', '**Status**: ✅ Complete', '**Success Criteria**: ok', '', '- [x] a', '- [ ] b', '  - [ ] c', ''].join('\n');
    const checked = fixNamed(text, 'status-mismatch', /^Check all tasks/);
    assert.equal(checked, text.replace('- [ ] b', '- [x] b').replace('- [ ] c', '- [x] c'));
    assert.deepEqual(still(checked, 'status-mismatch'), []);
    const reopened = fixNamed(text, 'status-mismatch', /In Progress$/);
    assert.equal(reopened, text.replace('✅ Complete', '🚧 In Progress'));
    assert.deepEqual(still(reopened, 'status-mismatch'), []);

    const heading = ['## Phase 2: SSO ✅', '**Success Criteria**: ok', '', '- [x] a', '- [ ] b', ''].join('\n');
    const reopenedHeading = fixNamed(heading, 'status-mismatch', /In Progress$/);
    assert.equal(reopenedHeading, heading.replace('SSO ✅', 'SSO 🚧'));
    assert.deepEqual(still(reopenedHeading, 'status-mismatch'), []);
  });

  it('broken-dependency: removing the reference', () => {
    const text = ['## P1: One', '**Success Criteria**: ok', '', '## P2: Two', '**Dependencies**: P0, P9, P1', '**Success Criteria**: ok', ''].join('\n');
    const once = fixNamed(text, 'broken-dependency', /"P0"$/);
    assert.equal(once, text.replace('P0, P9, P1', 'P9, P1'));
    const twice = fixNamed(once, 'broken-dependency', /"P9"$/);
    assert.equal(twice, text.replace('P0, P9, P1', 'P1'));
    assert.deepEqual(still(twice, 'broken-dependency'), []);
  });
});
