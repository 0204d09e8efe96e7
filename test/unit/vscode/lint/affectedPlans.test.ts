import assert from 'node:assert/strict';
import { buildWorkspaceIndex } from '../../../../src/core/graph';
import { lintPlan } from '../../../../src/core/lint';
import type { Plan } from '../../../../src/core/model';
import { parsePlan } from '../../../../src/core/parse/parsePlan';
import { plansAffectedBy } from '../../../../src/vscode/lint/affectedPlans';

/** A workspace of plans as text, keyed by file name. */
type Texts = Record<string, string>;

function parseAll(texts: Texts): Plan[] {
  return Object.entries(texts).map(([file, text]) => parsePlan(text, file));
}

/** Findings per file, to compare what a full re-lint would change. */
function findingsByFile(texts: Texts) {
  const plans = parseAll(texts);
  const index = buildWorkspaceIndex(plans);
  return new Map(plans.map((plan) => [plan.file, JSON.stringify(lintPlan(plan, texts[plan.file]!, { workspace: index }))]));
}

/**
 * The property that matters: every plan whose findings differ after the change is in the
 * affected set (the set may be larger, never smaller).
 */
function assertCovers(before: Texts, after: Texts, changed: string[]) {
  const affected = plansAffectedBy(new Set(changed), buildWorkspaceIndex(parseAll(before)), buildWorkspaceIndex(parseAll(after)));
  const old = findingsByFile(before);
  const now = findingsByFile(after);
  const differing = [...new Set([...old.keys(), ...now.keys()])].filter((file) => old.get(file) !== now.get(file));
  assert.ok(differing.length > 0, 'the scenario should change some findings');
  for (const file of differing) assert.ok(affected.has(file), `${file} changed findings but is not in ${[...affected].join(', ')}`);
  return affected;
}

const plan = (title: string, body: string) => `# ${title}\n\n${body}\n`;
const phase = (id: string, extra = '') => `## Phase ${id}: Work ${id}\n\n- [ ] Do ${id}\n\n**Success Criteria**: ${id} works\n${extra}\n`;

describe('plansAffectedBy', () => {
  it('takes every plan when there is no earlier index', () => {
    const after = buildWorkspaceIndex(parseAll({ 'a.md': plan('A', phase('1')), 'b.md': plan('B', phase('2')) }));
    assert.deepEqual([...plansAffectedBy(new Set(), undefined, after)].sort(), ['a.md', 'b.md']);
  });

  it('leaves out plans that neither reference the changed plan nor have broken references or cycles', () => {
    const before = { 'a.md': plan('A', phase('1')), 'b.md': plan('B', phase('2', '**Dependencies**: Phase 1')), 'c.md': plan('C', phase('7')) };
    const after = { ...before, 'a.md': plan('A', phase('1', '**Status**: In Progress')) };
    const affected = plansAffectedBy(new Set(['a.md']), buildWorkspaceIndex(parseAll(before)), buildWorkspaceIndex(parseAll(after)));
    assert.deepEqual([...affected].sort(), ['a.md', 'b.md']);
  });

  it('covers a plan whose broken reference another plan now defines', () => {
    const before = { 'a.md': plan('A', phase('1')), 'b.md': plan('B', phase('2', '**Dependencies**: Phase 5')) };
    const after = { ...before, 'a.md': plan('A', phase('1') + phase('5')) };
    assertCovers(before, after, ['a.md']);
  });

  it('leaves out a plan with a broken reference that the change does not touch', () => {
    const before = { 'a.md': plan('A', phase('1', '**Dependencies**: Phase 40')), 'b.md': plan('B', phase('7')) };
    const after = { ...before, 'b.md': plan('B', phase('7', '**Status**: In Progress')) };
    assert.deepEqual([...plansAffectedBy(new Set(['b.md']), buildWorkspaceIndex(parseAll(before)), buildWorkspaceIndex(parseAll(after)))], ['b.md']);
  });

  it('covers a plan whose dependency disappears', () => {
    const before = { 'a.md': plan('A', phase('1') + phase('5')), 'b.md': plan('B', phase('2', '**Dependencies**: Phase 5')) };
    const after = { ...before, 'a.md': plan('A', phase('1')) };
    assertCovers(before, after, ['a.md']);
  });

  it('covers a plan whose dependency changes status', () => {
    const before = { 'a.md': plan('A', phase('1', '**Status**: Planned')), 'b.md': plan('B', phase('2', '**Status**: ✅ Complete\n**Dependencies**: Phase 1')) };
    const after = { ...before, 'a.md': plan('A', phase('1', '**Status**: In Progress')) };
    assertCovers(before, after, ['a.md']);
  });

  it('covers every member of a cycle closed through a third plan', () => {
    // a → b → c, then c gains a dependency on a: a's own references did not change, but it is now in a cycle.
    const before = {
      'a.md': plan('A', phase('1', '**Dependencies**: Phase 2')),
      'b.md': plan('B', phase('2', '**Dependencies**: Phase 3')),
      'c.md': plan('C', phase('3')),
    };
    const after = { ...before, 'c.md': plan('C', phase('3', '**Dependencies**: Phase 1')) };
    const affected = assertCovers(before, after, ['c.md']);
    assert.ok(affected.has('a.md') && affected.has('b.md'));
    // …and breaking the cycle again clears it everywhere.
    assertCovers(after, before, ['c.md']);
  });

  it('covers a removed plan and the plans that depended on it', () => {
    const before = { 'a.md': plan('A', phase('1')), 'b.md': plan('B', phase('2', '**Dependencies**: Phase 1')) };
    const after = { 'b.md': before['b.md'] };
    const affected = assertCovers(before, after, ['a.md']);
    assert.ok(affected.has('a.md'));
  });
});
