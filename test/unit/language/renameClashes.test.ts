import assert from 'node:assert/strict';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { dependentsSummary, renamePhase } from '../../../src/core/language';
import { allPhases } from '../../../src/core/phases';

/** Plans in workspace order: the order decides which same-id phase a cross-file reference means. */
function workspace(files: Array<[string, string[]]>) {
  const texts = new Map(files.map(([file, lines]) => [file, lines.join('\n')]));
  const index = buildWorkspaceIndex([...texts].map(([file, text]) => parsePlan(text, file)));
  const ref = (file: string, id: string) => {
    const plan = index.plans.find((candidate) => candidate.file === file)!;
    const phase = allPhases(plan).find((candidate) => candidate.id === id)!;
    return index.lookup(phase.key, file).find((candidate) => candidate.phase === phase)!;
  };
  const lineOf = (file: string, line: number) => texts.get(file)?.split('\n')[line - 1];
  return { index, ref, lineOf };
}

const reason = (result: ReturnType<typeof renamePhase>) => (result.ok ? 'renamed' : result.reason);
const label = { fileLabel: (file: string) => `plans/${file}` };

describe('rename refuses an id that would change what a reference means', () => {
  it('names the file with the caller`s label', () => {
    const { index, ref, lineOf } = workspace([['a.md', ['## Phase 1: One', '## Phase 2: Two']]]);
    assert.equal(reason(renamePhase(index, ref('a.md', '2'), '1', lineOf, label)), 'Phase 1 already exists in plans/a.md (line 1)');
  });

  it('refuses when an earlier plan holds the id: a reference from a third file would name that one', () => {
    const { index, ref, lineOf } = workspace([
      ['a.md', ['## Phase 5: Elsewhere']],
      ['b.md', ['## Phase 1: Renamed']],
      ['c.md', ['## Stage 9: User', '**Depends on**: Phase 1']],
    ]);
    assert.equal(
      reason(renamePhase(index, ref('b.md', '1'), '5', lineOf, label)),
      'Phase 5 already exists in plans/a.md (line 1): the reference in plans/c.md (line 2) would then name it instead of Phase 1',
    );
  });

  it('allows it when the phase comes first in the workspace, so references still name it', () => {
    const { index, ref, lineOf } = workspace([
      ['b.md', ['## Phase 1: Renamed']],
      ['c.md', ['## Stage 9: User', '**Depends on**: Phase 1']],
      ['d.md', ['## Phase 5: Later, unreferenced']],
    ]);
    const result = renamePhase(index, ref('b.md', '1'), '5', lineOf);
    assert.ok(result.ok, reason(result));
    assert.deepEqual([...result.edits.keys()], ['b.md', 'c.md']);
  });

  it('refuses when an existing reference to the id would start naming the renamed phase', () => {
    const { index, ref, lineOf } = workspace([
      ['b.md', ['## Phase 1: Renamed']],
      ['c.md', ['## Stage 9: User', '**Depends on**: Phase 5']],
      ['d.md', ['## Phase 5: Referenced']],
    ]);
    assert.equal(
      reason(renamePhase(index, ref('b.md', '1'), '5', lineOf, label)),
      'Phase 5 already exists in plans/d.md (line 1), and the reference to it in plans/c.md (line 2) would then name Phase 1 instead',
    );
  });

  it('refuses when the phase`s own file refers to the id in another plan', () => {
    const { index, ref, lineOf } = workspace([
      ['d.md', ['## Phase 5: Referenced']],
      ['b.md', ['## Phase 1: Renamed', '## Phase 2: User', '**Depends on**: Phase 5']],
    ]);
    assert.match(reason(renamePhase(index, ref('b.md', '1'), '5', lineOf, label)), /reference to it in plans\/b\.md \(line 3\) would then name Phase 1 instead/);
  });
});

describe('dependents summary (the reference-count lens)', () => {
  it('counts distinct dependent phases and keeps every reference', () => {
    const { index, ref } = workspace([
      ['a.md', ['## Phase 1: Base', '## Phase 2: Two', '**Depends on**: Phase 1', '## Phase 3: Three', '**Depends on**: 1']],
      ['b.md', ['## Stage 4: Elsewhere', '**Depends on**: Phase 1, Phase 2']],
    ]);
    const summary = dependentsSummary(index, ref('a.md', '1'))!;
    assert.equal(summary.title, '3 dependents');
    assert.equal(summary.tooltip, 'Needed by Phase 2, Phase 3, Stage 4: show where');
    assert.deepEqual(summary.references.map((reference) => `${reference.file}:${reference.range.line}`), ['a.md:3', 'a.md:5', 'b.md:2']);
    assert.equal(dependentsSummary(index, ref('a.md', '2'))?.title, '1 dependent');
    assert.equal(dependentsSummary(index, ref('a.md', '3')), undefined);
  });

  it('leaves a self-reference out', () => {
    const { index, ref } = workspace([['a.md', ['## Phase 1: Base', '**Depends on**: Phase 1', '## Phase 2: Two', '**Depends on**: Phase 1']]]);
    const summary = dependentsSummary(index, ref('a.md', '1'))!;
    assert.equal(summary.title, '1 dependent');
    assert.deepEqual(summary.references.map((reference) => reference.range.line), [4]);
  });
});
