import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { applyEdits } from '../../../src/core/edits';
import { dependencyCompletions, mentionAt, phaseSummaryMarkdown, referencesTo, renamePhase, workspaceSymbols } from '../../../src/core/language';
import { allPhases } from '../../../src/core/phases';

const roadmap = [
  '# Ingest Roadmap',
  '',
  '## Phase 2A: Loader',
  '- [x] read files',
  '',
  '## Phase 2B: Transformer',
  '**Builds On**: 2A loader + existing scanner',
  '- [ ] map fields',
  '',
  '## Phase 2C: Writer',
  '**Dependencies**: Phase 2A, 2B',
  'This needs 2B before it can write anything.',
].join('\n');

const follow = ['# Follow-up', '', '## Stage 1: Backfill', '**Depends on**: Phase 2C', '- [ ] replay history'].join('\n');

function workspace() {
  const texts = new Map([
    ['roadmap.md', roadmap],
    ['follow.md', follow],
  ]);
  const plans = [...texts].map(([file, text]) => parsePlan(text, file));
  const index = buildWorkspaceIndex(plans);
  const ref = (file: string, id: string) => index.plans.flatMap((plan) => allPhases(plan).filter((phase) => phase.id === id && plan.file === file).map((phase) => index.lookup(phase.key, file).find((candidate) => candidate.phase === phase)!))[0]!;
  const lineOf = (file: string, line: number) => texts.get(file)?.split('\n')[line - 1];
  return { texts, plans, index, ref, lineOf };
}

describe('language features (core)', () => {
  it('finds the phase at a heading id, a dependency reference and a prose mention', () => {
    const { plans, index } = workspace();
    const plan = plans[0]!;
    const lines = roadmap.split('\n');
    const heading = mentionAt(index, plan, lines[2]!, 3, 10);
    assert.equal(heading?.kind, 'heading');
    assert.equal(heading?.target.phase.id, '2A');
    const dependency = mentionAt(index, plan, lines[6]!, 7, 16);
    assert.equal(dependency?.kind, 'dependency');
    assert.equal(dependency?.target?.phase.id, '2A');
    const prose = mentionAt(index, plan, lines[11]!, 12, 12);
    assert.equal(prose?.kind, 'prose');
    assert.equal(prose?.target.phase.id, '2B');
    assert.equal(mentionAt(index, plan, lines[11]!, 12, 1), undefined, '"This" is not a phase');
  });

  it('lists every dependency on a phase across files', () => {
    const { index, ref } = workspace();
    const references = referencesTo(index, ref('roadmap.md', '2C'));
    assert.deepEqual(references.map((reference) => [reference.file, reference.range.line]), [['follow.md', 4]]);
    assert.deepEqual(referencesTo(index, ref('roadmap.md', '2A')).map((reference) => reference.range.line), [7, 11]);
  });

  it('renames a phase and every reference in the author spelling, across files', () => {
    const { index, ref, lineOf, texts } = workspace();
    const result = renamePhase(index, ref('roadmap.md', '2C'), '2E', lineOf);
    assert.ok(result.ok);
    assert.equal(applyEdits(texts.get('roadmap.md')!, result.edits.get('roadmap.md')!).split('\n')[9], '## Phase 2E: Writer');
    assert.equal(applyEdits(texts.get('follow.md')!, result.edits.get('follow.md')!).split('\n')[3], '**Depends on**: Phase 2E');
    const renamedA = renamePhase(index, ref('roadmap.md', '2A'), 'Phase 2Z', lineOf);
    assert.ok(renamedA.ok);
    const text = applyEdits(texts.get('roadmap.md')!, renamedA.edits.get('roadmap.md')!).split('\n');
    assert.deepEqual([text[2], text[6], text[10]], ['## Phase 2Z: Loader', '**Builds On**: 2Z loader + existing scanner', '**Dependencies**: Phase 2Z, 2B']);
  });

  it('renames every spelling of a dependency a phase writes twice, and finds each of them', () => {
    const twice = ['# Twice', '', '## Phase 1: Base', '', '## Phase 2: Next', '**Depends on**: P1, Phase 1 base work', '**Builds On**: 1', '- [ ] go'].join('\n');
    const plan = parsePlan(twice, 'twice.md');
    const index = buildWorkspaceIndex([plan]);
    const base = index.lookup('phase:1', 'twice.md')[0]!;
    assert.deepEqual(
      referencesTo(index, base).map(({ range }) => `${range.line}:${range.column}-${range.endColumn}`),
      ['6:16-18', '6:20-27', '7:15-16'],
    );
    const mention = mentionAt(index, plan, twice.split('\n')[6]!, 7, 15);
    assert.equal(mention?.kind, 'dependency');
    assert.equal(mention?.target, base);
    const result = renamePhase(index, base, '1A', (_file, line) => twice.split('\n')[line - 1]);
    assert.ok(result.ok);
    assert.deepEqual(applyEdits(twice, result.edits.get('twice.md')!).split('\n').slice(2, 7), [
      '## Phase 1A: Base',
      '',
      '## Phase 2: Next',
      '**Depends on**: P1A, Phase 1A base work',
      '**Builds On**: 1A',
    ]);
  });

  it('refuses a taken id, another kind, or something that is not an id', () => {
    const { index, ref, lineOf } = workspace();
    assert.match((renamePhase(index, ref('roadmap.md', '2C'), '2B', lineOf) as { reason: string }).reason, /already exists/);
    assert.match((renamePhase(index, ref('roadmap.md', '2C'), 'Stage 4', lineOf) as { reason: string }).reason, /only be renamed to another phase id/);
    assert.match((renamePhase(index, ref('roadmap.md', '2C'), 'writer', lineOf) as { reason: string }).reason, /not a phase id/);
  });

  it('finds workspace symbols by id and by title, best match first', () => {
    const { index } = workspace();
    assert.deepEqual(workspaceSymbols(index, '2b').map((symbol) => symbol.name), ['Phase 2B']);
    assert.equal(workspaceSymbols(index, 'back')[0]!.name, 'Stage 1');
    assert.equal(workspaceSymbols(index, '').length, 4);
  });

  it('offers phase ids only inside a dependency field, own plan first', () => {
    const { index, plans } = workspace();
    const line = '**Dependencies**: Phase 2A, ';
    const items = dependencyCompletions(index, plans[1]!, line, line.length)!;
    assert.deepEqual(items.map((item) => item.label), ['Stage 1', 'Phase 2A', 'Phase 2B', 'Phase 2C']);
    assert.equal(items[1]!.insertText, '2A');
    assert.equal(dependencyCompletions(index, plans[1]!, 'Just prose about 2A', 10), undefined);
    assert.equal(dependencyCompletions(index, plans[1]!, line, 3), undefined, 'not inside the label');
  });

  it('summarises a phase for a hover: status, progress, what it waits on and what needs it', () => {
    const { index, ref } = workspace();
    const markdown = phaseSummaryMarkdown(index, ref('roadmap.md', '2C'));
    assert.match(markdown, /\*\*Phase 2C: Writer\*\*/);
    assert.match(markdown, /waiting on Phase 2B/);
    assert.match(markdown, /Depends on: Phase 2A \(done\), Phase 2B \(planned\)/);
    assert.match(markdown, /Needed by: Stage 1/);
  });
});
