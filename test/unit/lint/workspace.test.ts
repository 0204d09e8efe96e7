import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { lintTexts, lintText } from './support/lintHarness';

const phase = (heading: string, deps: string, extra = '') =>
  [heading, deps ? `**Depends on**: ${deps}` : '', '**Success Criteria**: done', extra, ''].filter((line, i) => i === 4 || line !== '').join('\n');

describe('lint across a workspace', () => {
  it('resolves references in other plans', () => {
    const findings = lintTexts({
      'a.md': ['# A', '', phase('## Stage 1: Base', '')].join('\n'),
      'b.md': ['# B', '', phase('## Stage 2: Next', 'Stage 1')].join('\n'),
    });
    assert.deepEqual(findings.filter((f) => f.rule === 'broken-dependency'), []);
  });

  it('reports a cycle through two files once in each, at the reference that closes it there', () => {
    const findings = lintTexts({
      'a.md': ['# A', '', phase('## Stage 1: Base', 'Stage 3'), phase('## Stage 2: Next', 'Stage 1')].join('\n'),
      'b.md': ['# B', '', phase('## Stage 3: Last', 'Stage 2')].join('\n'),
    }).filter((f) => f.rule === 'dependency-cycle');
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line} ${f.message}`),
      [
        'a.md:8 Stage 2 is part of a dependency cycle: Stage 2 → Stage 1 → Stage 3 (b.md) → Stage 2; remove one of these dependencies',
        'b.md:4 Stage 3 is part of a dependency cycle: Stage 3 → Stage 2 (a.md) → Stage 1 (a.md) → Stage 3; remove one of these dependencies',
      ],
    );
    assert.deepEqual(
      findings[0]!.related!.map((r) => `${r.file}:${r.range.line} ${r.message}`),
      ['a.md:4 Stage 1 depends on Stage 3', 'b.md:4 Stage 3 depends on Stage 2'],
    );
    assert.ok(findings.every((f) => f.severity === 'error'));
  });

  it('offers removing the closing reference as the cycle fix', () => {
    const text = ['# A', '', phase('## Phase 1: One', 'Phase 2'), phase('## Phase 2: Two', 'Phase 1')].join('\n');
    const [finding] = lintText(text).findings.filter((f) => f.rule === 'dependency-cycle');
    assert.ok(finding?.fixes?.[0]);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.equal(fixed, text.replace('## Phase 2: Two\n**Depends on**: Phase 1', '## Phase 2: Two\n**Depends on**: None'));
    assert.deepEqual(lintText(fixed).findings.filter((f) => f.rule === 'dependency-cycle'), []);
  });

  it('judges a started phase by the status of a dependency in another plan', () => {
    const findings = lintTexts({
      'a.md': ['# A', '', '## Stage 1: Base', '**Status**: Planned', '**Success Criteria**: done', ''].join('\n'),
      'b.md': ['# B', '', '## Stage 2: Next', '**Status**: ✅ Complete', '**Depends on**: Stage 1', '**Success Criteria**: done', ''].join('\n'),
    }).filter((f) => f.rule === 'unfinished-dependency');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.message}`), ['b.md:5 warning Stage 2 is complete, but its dependency Stage 1 is still planned; check that both statuses are current']);
    assert.deepEqual(findings[0]!.related!.map((r) => `${r.file}:${r.range.line}`), ['a.md:3']);
  });

  it('reports a reference no plan defines once per phase, in the file that writes it', () => {
    const findings = lintTexts({
      'a.md': ['# A', '', phase('## Phase 1: One', 'Phase 7, Phase 7'), phase('## Phase 2: Two', 'Phase 7')].join('\n'),
      'b.md': ['# B', '', phase('## Phase 3: Three', '')].join('\n'),
    }).filter((f) => f.rule === 'broken-dependency');
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.phase}`), ['a.md:4:16 1', 'a.md:8:16 2']);
  });

  it('does not suggest a phase from an unrelated plan, nor the phase itself', () => {
    const findings = lintTexts({
      'a.md': ['# A', '', phase('## Phase 15: Fifteen', 'Phase 14')].join('\n'),
      'b.md': ['# B', '', phase('## Phase 13: Other', '')].join('\n'),
    }).filter((f) => f.rule === 'broken-dependency');
    assert.deepEqual(findings.map((f) => f.message), ['Phase 15 depends on "Phase 14", which no plan defines']);
  });
});
