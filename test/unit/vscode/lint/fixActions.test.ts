import assert from 'node:assert/strict';
import { buildWorkspaceIndex } from '../../../../src/core/graph';
import { applyEdits } from '../../../../src/core/edits';
import { lintPlan, type Finding } from '../../../../src/core/lint';
import { parsePlan } from '../../../../src/core/parse/parsePlan';
import { findingTouches, fixAllAction, overlaps, quickFixActions } from '../../../../src/vscode/lint/fixActions';
import { withSuggestionLocations } from '../../../../src/vscode/lint/suggestionLocation';

const PLAN = [
  '# Sync Plan',
  '',
  '## Phase 1: Setup',
  '',
  '- [x] Create the repository',
  '- [x] Add CI',
  '',
  '**Status**: In Progress',
  '',
  '**Success Criteria**: CI is green',
  '',
  '## Phase 2A: Sync engine',
  '',
  '**Dependencies**: Phase 1',
  '',
  '- [ ] Build the engine',
  '',
  '## Phase 2B: Conflict handling',
  '',
  '- [ ] Merge rules âœ… soon',
  '',
  '**Success Criteria**: conflicts resolve',
  '',
  '## Phase 3: Release',
  '',
  '**Dependencies**: 2C',
  '',
  '**Success Criteria**: shipped',
  '',
  'Notes â€” later.',
  '',
].join('\n');

function lint(text: string, file = 'plan.md'): Finding[] {
  const plan = parsePlan(text, file);
  const index = buildWorkspaceIndex([plan]);
  return withSuggestionLocations(lintPlan(plan, text, { workspace: index }), index);
}

const rulesOf = (findings: readonly Finding[]) => findings.map((finding) => finding.rule);

describe('quick fix actions', () => {
  const findings = lint(PLAN);

  it('the fixture has the findings these tests rely on', () => {
    assert.deepEqual(rulesOf(findings), ['status-mismatch', 'missing-success-criteria', 'mojibake', 'broken-dependency', 'mojibake']);
  });

  it("offers a finding's own fixes first, preferred ones marked, then disable for the line and the file", () => {
    const broken = findings.find((finding) => finding.rule === 'broken-dependency')!;
    const actions = quickFixActions([broken], PLAN);
    assert.deepEqual(
      actions.map((action) => [action.kind, action.title, action.isPreferred]),
      [
        ['fix', 'Change "2C" to "2B"', true],
        ['fix', 'Remove the dependency on "2C"', false],
        ['disable', 'Disable broken-dependency for this line', false],
        ['disable', 'Disable broken-dependency for this file', false],
      ],
    );
    const [replace, , disableLine, disableFile] = actions;
    assert.match(applyEdits(PLAN, replace!.edits), /\*\*Dependencies\*\*: 2B\n/);
    assert.match(applyEdits(PLAN, disableLine!.edits), /<!-- phaselens-disable-next-line broken-dependency -->\n\*\*Dependencies\*\*: 2C/);
    assert.match(applyEdits(PLAN, disableFile!.edits), /^<!-- phaselens-disable-file broken-dependency -->\n# Sync Plan/);
    // Each disable really silences the finding, and only that one.
    assert.deepEqual(rulesOf(lint(applyEdits(PLAN, disableLine!.edits))), ['status-mismatch', 'missing-success-criteria', 'mojibake', 'mojibake']);
  });

  it('offers a fix shared by several findings once, naming all of them', () => {
    const garbled = findings.filter((finding) => finding.rule === 'mojibake');
    const actions = quickFixActions(garbled, PLAN);
    const repairAll = actions.filter((action) => action.title === 'Repair all garbled text in this file');
    assert.equal(repairAll.length, 1);
    assert.equal(repairAll[0]!.findings.length, 2);
    assert.equal(actions.filter((action) => action.title === 'Repair the garbled text').length, 2);
    assert.equal(actions.filter((action) => action.title === 'Disable mojibake for this file').length, 1);
    assert.ok(!applyEdits(PLAN, repairAll[0]!.edits).includes('â'));
  });

  it('fix-all applies every preferred fix at once, and what it fixed is gone', () => {
    const fixAll = fixAllAction(findings)!;
    assert.deepEqual(rulesOf(fixAll.findings), ['status-mismatch', 'missing-success-criteria', 'mojibake', 'broken-dependency', 'mojibake']);
    const fixed = applyEdits(PLAN, fixAll.edits);
    assert.deepEqual(lint(fixed), []);
    assert.match(fixed, /\*\*Status\*\*: Complete|\*\*Status\*\*: ✅ Complete/);
    assert.match(fixed, /Merge rules ✅ soon/);
  });

  it('fix-all leaves out a fix that would overlap one already taken', () => {
    const [first] = findings;
    const clash: Finding = { ...first!, rule: 'clash', fixes: [{ title: 'clash', isPreferred: true, edits: [{ range: first!.fixes![0]!.edits[0]!.range, newText: 'x' }] }] };
    const fixAll = fixAllAction([first!, clash])!;
    assert.deepEqual(fixAll.findings, [first]);
  });

  it('has nothing to fix all when no finding has a preferred fix', () => {
    assert.equal(fixAllAction([]), undefined);
    assert.equal(fixAllAction(findings.map((finding) => ({ ...finding, fixes: finding.fixes?.map((fix) => ({ ...fix, isPreferred: false })) }))), undefined);
  });
});

describe('edit overlap and finding ranges', () => {
  const r = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });

  it('edits that only meet, or insert at one point, do not overlap', () => {
    assert.equal(overlaps(r(1, 0, 1, 4), r(1, 4, 1, 8)), false);
    assert.equal(overlaps(r(1, 4, 1, 4), r(1, 4, 1, 4)), false);
    assert.equal(overlaps(r(1, 4, 1, 4), r(1, 4, 1, 9)), false);
    assert.equal(overlaps(r(2, 0, 2, 0), r(1, 0, 1, 10)), false);
  });

  it('shared text, or an insertion inside a replaced span, overlaps', () => {
    assert.equal(overlaps(r(1, 0, 1, 5), r(1, 4, 1, 8)), true);
    assert.equal(overlaps(r(1, 6, 1, 6), r(1, 4, 1, 8)), true);
    assert.equal(overlaps(r(1, 0, 3, 0), r(2, 0, 2, 3)), true);
  });

  it('a cursor touches a finding anywhere from its start to its end', () => {
    const finding = r(3, 4, 3, 10);
    assert.equal(findingTouches(finding, r(3, 4, 3, 4)), true);
    assert.equal(findingTouches(finding, r(3, 10, 3, 10)), true);
    assert.equal(findingTouches(finding, r(3, 11, 3, 11)), false);
    assert.equal(findingTouches(finding, r(1, 0, 5, 0)), true);
    assert.equal(findingTouches(finding, r(4, 0, 4, 0)), false);
  });
});

describe('"did you mean" locations', () => {
  it('a broken reference with a suggested id points at that phase', () => {
    const broken = lint(PLAN).find((finding) => finding.rule === 'broken-dependency')!;
    assert.deepEqual(broken.related, [{ file: 'plan.md', range: { line: 18, column: 3, endLine: 18, endColumn: 11 }, message: 'Did you mean Phase 2B? It is defined here' }]);
  });

  it('a broken reference without a suggestion gets no location', () => {
    const text = PLAN.replace('**Dependencies**: 2C', '**Dependencies**: Phase 9');
    const broken = lint(text).find((finding) => finding.rule === 'broken-dependency')!;
    assert.equal(broken.related, undefined);
  });

  it('leaves other findings as they are', () => {
    const plan = parsePlan(PLAN, 'plan.md');
    const index = buildWorkspaceIndex([plan]);
    const raw = lintPlan(plan, PLAN, { workspace: index });
    const enriched = withSuggestionLocations(raw, index);
    raw.forEach((finding, i) => {
      if (finding.rule !== 'broken-dependency') assert.equal(enriched[i], finding);
    });
  });
});
