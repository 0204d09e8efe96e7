import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { disableForFileFix, disableForLineFix } from '../../../src/core/lint';
import { readSuppressions } from '../../../src/core/lint/disable';
import { lintText } from './support/lintHarness';

/** A plan with a broken reference on each of phases 1–3 (lines 4, 8 and 12 of the base text). */
function plan(extra: Record<number, string> = {}): string {
  const lines = [
    '# Plan',
    '',
    '## Phase 1: One',
    '**Depends on**: Phase 91',
    '**Success Criteria**: ok',
    '',
    '## Phase 2: Two',
    '**Depends on**: Phase 92',
    '**Success Criteria**: ok',
    '',
    '## Phase 3: Three',
    '**Depends on**: Phase 93',
    '**Success Criteria**: ok',
    '',
  ];
  // Insert from the bottom so the numbers given refer to the base text.
  for (const line of Object.keys(extra).map(Number).sort((a, b) => b - a)) lines.splice(line - 1, 0, extra[line]!);
  return lines.join('\n');
}

const broken = (text: string) =>
  lintText(text)
    .findings.filter((f) => f.rule === 'broken-dependency')
    .map((f) => /"(Phase \d+)"/.exec(f.message)![1]);

describe('lint: inline disable comments', () => {
  it('reports everything without comments', () => {
    assert.deepEqual(broken(plan()), ['Phase 91', 'Phase 92', 'Phase 93']);
  });

  it('disables named rules until they are enabled again', () => {
    const text = plan({ 7: '<!-- phaselens-disable broken-dependency -->', 11: '<!-- phaselens-enable broken-dependency -->' });
    assert.deepEqual(broken(text), ['Phase 91', 'Phase 93']);
  });

  it('disables every rule when no id is given, and enable with no id ends it', () => {
    const text = plan({ 7: '<!-- phaselens-disable -->', 11: '<!-- phaselens-enable -->' });
    assert.deepEqual(broken(text), ['Phase 91', 'Phase 93']);
    const partial = plan({ 1: '<!-- phaselens-disable -->', 7: '<!-- phaselens-enable broken-dependency -->' });
    assert.deepEqual(broken(partial), ['Phase 92', 'Phase 93']);
    assert.equal(lintText(partial).findings.filter((f) => f.rule !== 'broken-dependency').length, 0);
  });

  it('disables the next line, skipping other disable comments in between', () => {
    assert.deepEqual(broken(plan({ 8: '<!-- phaselens-disable-next-line broken-dependency -->' })), ['Phase 91', 'Phase 93']);
    assert.deepEqual(
      broken(plan({ 8: '<!-- phaselens-disable-next-line broken-dependency -->\n<!-- phaselens-disable-next-line mojibake -->' })),
      ['Phase 91', 'Phase 93'],
    );
    assert.deepEqual(broken(plan({ 8: '<!-- phaselens-disable-next-line mojibake -->' })), ['Phase 91', 'Phase 92', 'Phase 93']);
  });

  it('disables its own line', () => {
    const text = plan().replace('**Depends on**: Phase 92', '**Depends on**: Phase 92 <!-- phaselens-disable-line broken-dependency -->');
    assert.deepEqual(broken(text), ['Phase 91', 'Phase 93']);
  });

  it('disables a rule for the whole file, wherever the comment stands', () => {
    assert.deepEqual(broken(plan({ 14: '<!-- phaselens-disable-file broken-dependency -->' })), []);
    assert.deepEqual(broken(plan({ 14: '<!-- phaselens-disable-file missing-success-criteria -->' })), ['Phase 91', 'Phase 92', 'Phase 93']);
  });

  it('ignores comments inside fenced code', () => {
    const text = plan({ 1: '```markdown\n<!-- phaselens-disable-file broken-dependency -->\n```' });
    assert.deepEqual(broken(text), ['Phase 91', 'Phase 92', 'Phase 93']);
  });

  it('answers for lines outside the text without throwing', () => {
    const suppressions = readSuppressions('<!-- phaselens-disable a -->');
    assert.equal(suppressions.isSuppressed('a', 99), true);
    assert.equal(suppressions.isSuppressed('b', -3), false);
  });

  describe('fixes that add them', () => {
    it('inserts a disable-next-line comment above the finding, with its indentation and EOL', () => {
      const text = '# Plan\r\n\r\n  - **Depends on**: P9\r\n';
      const fix = disableForLineFix({ rule: 'broken-dependency', line: 3 }, text);
      assert.equal(fix.title, 'Disable broken-dependency for this line');
      assert.equal(applyEdits(text, fix.edits), '# Plan\r\n\r\n  <!-- phaselens-disable-next-line broken-dependency -->\r\n  - **Depends on**: P9\r\n');
    });

    it('adds the rule to a disable-next-line comment already above the line', () => {
      const text = '<!-- phaselens-disable-next-line mojibake -->\n**Depends on**: P9\n';
      assert.equal(applyEdits(text, disableForLineFix({ rule: 'broken-dependency', line: 2 }, text).edits), '<!-- phaselens-disable-next-line mojibake broken-dependency -->\n**Depends on**: P9\n');
      assert.deepEqual(disableForLineFix({ rule: 'mojibake', line: 2 }, text).edits, []);
    });

    it('inserts a disable-file comment at the top, after front matter, or extends one there', () => {
      const text = '# Plan\n';
      assert.equal(applyEdits(text, disableForFileFix({ rule: 'mojibake' }, text).edits), '<!-- phaselens-disable-file mojibake -->\n# Plan\n');
      const front = '---\ntitle: x\n---\n# Plan\n';
      assert.equal(applyEdits(front, disableForFileFix({ rule: 'mojibake' }, front).edits), '---\ntitle: x\n---\n<!-- phaselens-disable-file mojibake -->\n# Plan\n');
      const existing = '<!-- phaselens-disable-file mojibake -->\n# Plan\n';
      assert.equal(applyEdits(existing, disableForFileFix({ rule: 'empty-phase' }, existing).edits), '<!-- phaselens-disable-file mojibake empty-phase -->\n# Plan\n');
    });

    it('silences the finding it was built for', () => {
      const text = plan();
      const finding = lintText(text).findings.find((f) => f.rule === 'broken-dependency')!;
      const lineFixed = applyEdits(text, disableForLineFix(finding, text).edits);
      assert.deepEqual(broken(lineFixed), ['Phase 92', 'Phase 93']);
      const fileFixed = applyEdits(text, disableForFileFix(finding, text).edits);
      assert.deepEqual(broken(fileFixed), []);
    });
  });
});
