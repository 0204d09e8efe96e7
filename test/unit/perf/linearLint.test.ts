import assert from 'node:assert/strict';
import { lintPlan } from '../../../src/core/lint';
import { headingOutline, parentHeadingLine, parentHeadingLookup } from '../../../src/core/lint/headingRange';
import type { Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';

/**
 * The probe's finds on the lint path, each on an input large enough that a quadratic step
 * would not finish within mocha's timeout: thousands of findings in one plan. (No clock is
 * read: finishing at all is the check.)
 */

/** A phase whose heading says done while a task is open: one status-mismatch each. */
const BLOCK = (index: number) => `## Phase ${index}: Part ${index} ✅\n\n- [ ] open ${index}\n- [x] closed ${index}\n\nDone when: works\n`;

/**
 * The plan `parsePlan` gives for `copies` repetitions of `unit`, built from one parse of the
 * unit with its lines shifted: remark itself is what makes a 1 MB parse slow, and that is not
 * what this test is about.
 */
function repeatedPlan(unit: string, copies: number): { plan: Plan; text: string } {
  const small = parsePlan(unit, 'probe.md');
  const unitLines = unit.split('\n').length - 1;
  const shifted = (value: unknown, offset: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => shifted(item, offset));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, (key === 'line' || key === 'endLine') && typeof inner === 'number' ? inner + offset : shifted(inner, offset)]));
  };
  const phases = [];
  for (let copy = 0; copy < copies; copy++) phases.push(...(shifted(small.phases, copy * unitLines) as Plan['phases']));
  return { plan: { ...small, phases, lineCount: unitLines * copies + 1 }, text: unit.repeat(copies) };
}

describe('lint stays linear in the number of findings', () => {
  it('a plan with 10,000 contradicted statuses lints to one finding each', function () {
    this.timeout(300_000);
    const unit = Array.from({ length: 10 }, (_, index) => BLOCK(index + 1)).join('\n') + '\n';
    const { plan, text } = repeatedPlan(unit, 1_000);
    assert.equal(plan.phases.length, 10_000);
    const findings = lintPlan(plan, text, { config: { rules: { 'status-mismatch': 'warning' } } });
    const mismatches = findings.filter((finding) => finding.rule === 'status-mismatch');
    assert.equal(mismatches.length, 10_000);
    // Each finding's fix edits its own phase's heading: the shared lines were used, not a stale copy.
    const last = mismatches.at(-1)!;
    assert.equal(last.line, plan.phases.at(-1)!.line);
    assert.ok(last.fixes?.some((fix) => fix.edits.some((edit) => edit.range.line === last.line)));
  });

  it('a plan with 10,000 phases without criteria offers each its skeleton, the style found once', function () {
    this.timeout(300_000);
    const unit = Array.from({ length: 10 }, (_, index) => `## Phase ${index + 1}: Part ${index + 1}\n\n- [ ] task ${index + 1}\n`).join('\n') + '\n';
    const { plan, text } = repeatedPlan(unit, 1_000);
    const findings = lintPlan(plan, text, { config: { rules: { 'missing-success-criteria': 'warning' } } }).filter((finding) => finding.rule === 'missing-success-criteria');
    assert.equal(findings.length, 10_000);
    const last = findings.at(-1)!;
    assert.ok(last.fixes?.some((fix) => fix.edits.some((edit) => edit.newText.includes('Success Criteria') && edit.range.line > plan.phases.at(-2)!.line)));
  });

  it('parentHeadingLookup answers as parentHeadingLine does, for every line and level', () => {
    const text = ['# A', '## B', '### C', 'x', '## D', '#### E', '```', '# not', '```', 'F', '===', '### G', '## H'].join('\n');
    const outline = headingOutline(text.split('\n'));
    const lookup = parentHeadingLookup(outline);
    for (let line = 0; line <= 15; line++) for (let level = 0; level <= 7; level++) assert.equal(lookup(line, level), parentHeadingLine(outline, line, level), `line ${line}, level ${level}`);
  });
});
