import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { referenceTextFor, removeReferenceEdits, replaceReferenceEdits, writtenReference } from '../../../src/core/edits/references';
import type { DependencyRef, Phase } from '../../../src/core/model';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';

/** The dependency field on `line` of a plan whose phase 9 carries it. */
function refsIn(fieldLine: string, eol = '\n'): { text: string; refs: DependencyRef[] } {
  const text = ['# Plan', '', '## Phase 9: Target', '', fieldLine, '', 'Body text.', ''].join(eol);
  const plan = parsePlan(text, 'refs.md');
  const phase = allPhases(plan).find((p) => p.id === '9')!;
  return { text, refs: phase.dependsOn };
}

function removing(fieldLine: string, id: string, eol = '\n'): string {
  const { text, refs } = refsIn(fieldLine, eol);
  const ref = refs.find((r) => writtenReference(r, text.split(/\r?\n/)) === id);
  assert.ok(ref, `reference ${id} not parsed from ${JSON.stringify(fieldLine)}; got ${refs.map((r) => r.id).join(', ')}`);
  return applyEdits(text, removeReferenceEdits(ref, text)).split(/\r?\n/)[4]!;
}

describe('edits: dependency references', () => {
  it('removes a reference and one separator so the list stays a list', () => {
    assert.equal(removing('**Dependencies**: P0, P9, P2', 'P9'), '**Dependencies**: P0, P2');
    assert.equal(removing('**Dependencies**: P0, P2, P9', 'P9'), '**Dependencies**: P0, P2');
    assert.equal(removing('**Dependencies**: P9, P0', 'P9'), '**Dependencies**: P0');
    assert.equal(removing('**Builds On**: 2A+2X+2C', '2X'), '**Builds On**: 2A+2C');
    assert.equal(removing('**Builds On**: 2A + 2X + 2C', '2X'), '**Builds On**: 2A + 2C');
    assert.equal(removing('Depends on: Phase 1 and Phase 7', 'Phase 7'), 'Depends on: Phase 1');
    assert.equal(removing('Depends on: Phase 1, Phase 2, and Phase 7', 'Phase 7'), 'Depends on: Phase 1, Phase 2');
  });

  it('keeps the prose around a reference', () => {
    assert.equal(removing('**Builds On**: 2X SQL execution engine', '2X'), '**Builds On**: SQL execution engine');
    assert.equal(removing('**Dependencies**: P0, P1 complete ✅', 'P1'), '**Dependencies**: P0 complete ✅');
  });

  it('takes code and emphasis wrappers with the reference', () => {
    assert.equal(removing('- **Dependencies:** `Phase 1`, `Phase 3`', 'Phase 3'), '- **Dependencies:** `Phase 1`');
  });

  it('writes None when the reference was the whole value', () => {
    assert.equal(removing('**Depends on**: Phase 4', 'Phase 4'), '**Depends on**: None');
    assert.equal(removing('**Depends on:** P4', 'P4'), '**Depends on:** None');
  });

  it('removes a list item that held only the reference, with its line', () => {
    const text = ['## Phase 9: Target', '', '**Dependencies**:', '- Phase 1', '- Phase 4', '', 'Body.', ''].join('\r\n');
    const plan = parsePlan(text, 'list.md');
    const phase = allPhases(plan).find((p) => p.id === '9')!;
    const ref = phase.dependsOn.find((r) => r.key === 'phase:4');
    assert.ok(ref, `got ${phase.dependsOn.map((r) => r.id).join(', ')}`);
    assert.equal(applyEdits(text, removeReferenceEdits(ref, text)), ['## Phase 9: Target', '', '**Dependencies**:', '- Phase 1', '', 'Body.', ''].join('\r\n'));
  });

  it('keeps CRLF and touches only the reference line', () => {
    const before = refsIn('**Dependencies**: P0, P9, P2', '\r\n');
    const ref = before.refs.find((r) => r.key === 'phase:9')!;
    const after = applyEdits(before.text, removeReferenceEdits(ref, before.text));
    assert.equal(after, before.text.replace('P0, P9, P2', 'P0, P2'));
  });

  it('replaces a reference in the spelling the author used', () => {
    const target = { id: '2B', key: 'phase:2b', kind: 'phase' } as Phase;
    assert.equal(referenceTextFor('2X', target), '2B');
    assert.equal(referenceTextFor('P2X', target), 'P2B');
    assert.equal(referenceTextFor('Phase 2X', target), 'Phase 2B');
    assert.equal(referenceTextFor('phase 2x', target), 'phase 2B');
    assert.equal(referenceTextFor('M9', { id: 'Milestone 2', key: 'milestone:2', kind: 'milestone' } as Phase), 'M2');
    assert.equal(referenceTextFor('Stage 9', { id: 'Stage 2', key: 'stage:2', kind: 'stage' } as Phase), 'Stage 2');

    const { text, refs } = refsIn('**Dependencies**: P0, P9, P2');
    const ref = refs.find((r) => r.key === 'phase:9')!;
    assert.equal(applyEdits(text, replaceReferenceEdits(ref, 'P1')), text.replace('P9', 'P1'));
  });
});
