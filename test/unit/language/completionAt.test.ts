import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { dependencyCompletionsAt, typedReferenceAt } from '../../../src/core/language';

const search = [
  '# Search Engine',
  '',
  '## Phase 71A: Tokenizer',
  '- [x] split words',
  '',
  '## Phase 71B: Indexer',
  '**Depends on**: Phase 71A',
  '',
  '## Phase 71C: Ranking',
  '**Builds On**: 71A + ',
  '',
  '## P74: Query parser',
  '- [ ] parse quotes',
].join('\n');

const release = ['# Release', '', '## Stage 72: Beta', '**Dependencies**: ', '', '## Milestone 9: Launch', '- [ ] announce'].join('\n');

function workspace() {
  const plans = [parsePlan(search, 'search.md'), parsePlan(release, 'release.md')];
  return { plans, index: buildWorkspaceIndex(plans) };
}

/** Completions with the cursor at the end of `lineText`, standing on line `line` of `plan`. */
function complete(planIndex: number, line: number, lineText: string, column = lineText.length) {
  const { plans, index } = workspace();
  return dependencyCompletionsAt(index, plans[planIndex]!, lineText, line, column);
}

describe('dependency completions at a cursor', () => {
  it('finds the partial id being typed, and nothing outside a dependency value', () => {
    assert.deepEqual(typedReferenceAt('**Builds On**: 71A + 7', 22), { start: 21, column: 22, end: 22, text: '7' });
    assert.deepEqual(typedReferenceAt('**Builds On**: 71A + Phase 7', 28), { start: 21, column: 28, end: 28, text: 'Phase 7' });
    assert.deepEqual(typedReferenceAt('**Depends on**: ', 16), { start: 16, column: 16, end: 16, text: '' });
    assert.deepEqual(typedReferenceAt('**Depends on**: P71B, Stage 72', 23), { start: 22, column: 23, end: 30, text: 'S' }, 'the id goes on after the cursor');
    assert.equal(typedReferenceAt('**Depends on**: P7', 5), undefined, 'inside the label');
    assert.equal(typedReferenceAt('The scorer needs 71B first', 20), undefined, 'prose');
    assert.equal(typedReferenceAt('**Status**: 🚧 In Progress', 20), undefined, 'another field');
  });

  it('offers the other phases, own plan first, without the phase itself or what the line names', () => {
    const result = complete(0, 10, '**Builds On**: 71A + ')!;
    assert.deepEqual(
      result.items.map((item) => item.label),
      ['Phase 71B', 'P74', 'Stage 72', 'Milestone 9'],
    );
    assert.equal(result.items[0]!.ref.phase.title, 'Indexer');
    assert.equal(result.items[0]!.ref.plan.file, 'search.md');
    assert.equal(result.items[2]!.ref.plan.file, 'release.md');
    assert.ok(result.items[0]!.sortText < result.items[2]!.sortText, 'own plan sorts first');
  });

  it('spells the id the way it is being typed', () => {
    const insert = (typed: string) => Object.fromEntries(complete(1, 4, `**Dependencies**: ${typed}`)!.items.map((item) => [item.label, item.insertText]));
    assert.deepEqual(insert(''), { 'Milestone 9': 'Milestone 9', 'Phase 71A': '71A', 'Phase 71B': '71B', 'Phase 71C': '71C', P74: 'P74' });
    assert.equal(insert('Phase 7')['Phase 71B'], 'Phase 71B');
    assert.equal(insert('phase 7')['Phase 71B'], 'phase 71B');
    assert.equal(insert('P7')['Phase 71A'], 'P71A');
    assert.equal(insert('Pha')['Phase 71A'], 'Phase 71A');
    assert.equal(insert('7')['Phase 71C'], '71C');
    assert.equal(insert('Phase 7')['P74'], 'Phase 74');
    assert.equal(insert('M')['Milestone 9'], 'Milestone 9');
  });

  it('filters on the inserted id and the title, so a title word finds the phase', () => {
    const result = complete(1, 4, '**Dependencies**: tok')!;
    const tokenizer = result.items.find((item) => item.label === 'Phase 71A')!;
    assert.equal(tokenizer.filterText, '71A Tokenizer');
    assert.equal(result.typed.text, 'tok');
  });

  it('returns undefined outside a dependency field', () => {
    assert.equal(complete(0, 4, '- [x] split words'), undefined);
  });
});
