import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { checksLabel, failedChecksFinding, phaseChecks, tallyChecks, type RecordedChecks } from '../../../src/core/verify';
import { phaseLensItems } from '../../../src/vscode/codeLens/phaseLensItems';

const TEXT = [
  '# Plan',
  '## Phase 1: Build',
  '**Status**: Done',
  '### Success Criteria',
  '- [x] Tests pass (verify: `npm test`)',
  '- [x] Lint clean (verify: `npm run lint`)',
  '- [ ] Types check (verify: `tsc --noEmit`)',
  '- [x] Reviewed',
].join('\n');
const plan = parsePlan(TEXT, 'plan.md');
const phase = plan.phases[0]!;
const checks = phaseChecks(phase, TEXT.split('\n'));
const run = (outcomes: Array<[string, boolean]>): RecordedChecks => ({ at: 1, outcomes: outcomes.map(([command, passed], line) => ({ command, line, passed })) });

describe('verify results', () => {
  it('tallies the last run against the checks as written now', () => {
    assert.deepEqual(tallyChecks(checks, undefined), { total: 3, passed: 0, failed: 0, ran: false });
    const recorded = run([['npm test', true], ['npm run lint', false], ['an old command', true]]);
    assert.deepEqual(tallyChecks(checks, recorded), { total: 3, passed: 1, failed: 1, ran: true });
  });

  it('labels checks for the lens: a count before any run, passed/total after', () => {
    assert.equal(checksLabel(tallyChecks(checks, undefined)), '3 checks');
    assert.equal(checksLabel(tallyChecks(checks, run([['npm test', true], ['npm run lint', true], ['tsc --noEmit', false]]))), 'checks 2/3');
    assert.equal(checksLabel(tallyChecks([], undefined)), '');
  });

  it('puts checks beside criteria in the progress lens', () => {
    const tally = tallyChecks(checks, run([['npm test', true], ['npm run lint', true], ['tsc --noEmit', false]]));
    const progress = phaseLensItems(phase, [], tally).find((item) => item.kind === 'progress')!;
    assert.equal(progress.title, 'criteria 3/4 · checks 2/3');
    assert.match(progress.tooltip, /2 of 3 verify commands passed when last run/);
  });

  it('flags a done phase whose last recorded checks failed, and nothing else', () => {
    const finding = failedChecksFinding('plan.md', phase, checks, run([['npm test', true], ['npm run lint', false]]))!;
    assert.equal(finding.rule, 'failed-checks');
    assert.equal(finding.line, 2);
    assert.equal(finding.message, 'Phase 1 is marked done, but its check failed when last run: `npm run lint`.');
    assert.equal(failedChecksFinding('plan.md', phase, checks, run([['npm test', true]])), undefined);
    assert.equal(failedChecksFinding('plan.md', phase, checks, undefined), undefined);
    assert.equal(failedChecksFinding('plan.md', phase, checks, run([['an old command', false]])), undefined, 'a command edited since does not count');
    assert.equal(failedChecksFinding('plan.md', { ...phase, status: 'in-progress' }, checks, run([['npm run lint', false]])), undefined);
  });
});
