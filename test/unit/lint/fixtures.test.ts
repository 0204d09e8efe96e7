import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { rules } from '../../../src/core/lint';
import { applyPreferredFixes, expectedShape, lintText, ruleFixtures } from './support/lintHarness';

/**
 * markdownlint-style fixtures: `test/fixtures/lint/<rule>/valid/*.md` must not trigger the rule,
 * `invalid/*.md` must trigger exactly the findings in the `.json` beside it, and where a
 * `.fixed.md` stands beside it, applying every preferred fix must produce that text.
 */
describe('lint fixtures', () => {
  const fixtures = ruleFixtures();

  it('has valid and invalid fixtures for every registered rule, and none for unknown rules', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    for (const fixture of fixtures) assert.ok(ids.has(fixture.rule), `fixtures for unknown rule "${fixture.rule}"`);
    for (const rule of rules) {
      assert.ok(fixtures.some((f) => f.rule === rule.id && f.kind === 'valid'), `${rule.id} has no valid fixture`);
      assert.ok(fixtures.some((f) => f.rule === rule.id && f.kind === 'invalid'), `${rule.id} has no invalid fixture`);
    }
  });

  for (const fixture of fixtures) {
    describe(`${fixture.rule} › ${fixture.kind}/${fixture.name}`, () => {
      const run = () => lintText(fixture.text, fixture.name).findings.filter((finding) => finding.rule === fixture.rule);

      if (fixture.kind === 'valid') {
        it('reports nothing', () => assert.deepEqual(run().map(expectedShape), []));
        return;
      }

      it('reports exactly the expected findings', () => {
        assert.ok(existsSync(fixture.expectedFile), `missing ${fixture.expectedFile}`);
        const expected = JSON.parse(readFileSync(fixture.expectedFile, 'utf8'));
        assert.ok(Array.isArray(expected) && expected.length > 0, 'an invalid fixture expects at least one finding');
        assert.deepEqual(run().map(expectedShape), expected);
      });

      if (existsSync(fixture.fixedFile)) {
        it('is repaired by the preferred fixes, which silence the rule', () => {
          const fixed = applyPreferredFixes(fixture.text, run());
          assert.equal(fixed, readFileSync(fixture.fixedFile, 'utf8'));
          const after = lintText(fixed, fixture.name).findings.filter((finding) => finding.rule === fixture.rule);
          assert.deepEqual(after.map(expectedShape), []);
        });
      }
    });
  }
});
