import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WorkspaceGraph } from '../../../src/core/graph';
import { checkSequence, operations } from './graphEquivalence';
import { name, plan } from './planBuilder';

describe('graph: incremental workspace graph', () => {
  it('equals the graph built from scratch after random edit sequences (small sample)', () => {
    fc.assert(fc.property(operations, checkSequence), { numRuns: 60, seed: 13 });
  });

  it('re-resolves only the edited plan and the plans pointing into it', () => {
    const plans = Array.from({ length: 200 }, (_, i) => plan(`p${String(i).padStart(3, '0')}.md`, [{ id: '1' }, { id: '2', deps: ['1'] }]));
    const consumer = plan('z.md', [{ id: 'Stage 1', deps: ['P2'] }]);
    const graph = new WorkspaceGraph([...plans, consumer]);
    assert.equal(graph.lastRelinked, 201);
    // An edit that keeps the plan's ids: itself and the one plan whose reference resolves into it.
    const edited = plan('p000.md', [{ id: '1', status: 'done' }, { id: '2', deps: ['1'] }]);
    const affected = graph.update({ set: [edited] });
    assert.equal(graph.lastRelinked, 2);
    assert.deepEqual([...affected].sort(), ['p000.md', 'z.md']);
    assert.equal(name(graph.index.dependenciesOf(graph.index.lookup('stage:1')[0]!)[0]!.to), 'p000.md#2');
    assert.equal(graph.index.readiness(graph.index.lookup('phase:2', 'p000.md')[0]!).ready, true);
    // Typing in a heading changes its id: the plans naming that id resolve it at home, so only
    // the edited plan and the one plan that resolved into it are re-resolved, not all 200.
    graph.update({ set: [plan('p000.md', [{ id: '1' }, { id: '27', deps: ['1'] }])] });
    assert.equal(graph.lastRelinked, 2);
    assert.equal(name(graph.index.dependenciesOf(graph.index.lookup('stage:1')[0]!)[0]!.to), 'p001.md#2');
  });

  it('moves a cross-file reference when the plan it resolved to loses the id, and finds the cycle it closes', () => {
    const a = plan('a.md', [{ id: 'P7', deps: ['M1'] }]);
    const b = plan('b.md', [{ id: 'M1' }]);
    const c = plan('c.md', [{ id: 'M1', deps: ['P7'] }]);
    const graph = new WorkspaceGraph([a, b, c]);
    assert.equal(graph.index.cycles.length, 0);
    const before = graph.index;
    graph.update({ remove: ['b.md'] });
    assert.deepEqual(graph.index.cycles.map((cycle) => cycle.members.map(name)), [['a.md#P7', 'c.md#M1']]);
    assert.equal(before.cycles.length, 0, 'the earlier snapshot keeps its answer');
    assert.equal(name(before.resolve(a.phases[0]!.dependsOn[0]!, 'a.md')), 'b.md#M1');
  });

  it('finds the loop a larger cycle used to cover when an edit in another file splits it', () => {
    // c.md's 2 and 3 depend on each other, and through a.md and b.md on a loop of four; the
    // report covers all four with one cycle. Breaking the loop in b.md leaves c.md's own cycle,
    // which nothing reachable from b.md leads to.
    const a = plan('a.md', [{ id: '1', deps: ['4'] }]);
    const b = plan('b.md', [{ id: '4', deps: ['2'] }]);
    const c = plan('c.md', [{ id: '2', deps: ['3'] }, { id: '3', deps: ['1', '2'] }]);
    const graph = new WorkspaceGraph([a, b, c]);
    assert.deepEqual(graph.index.cycles.map((cycle) => cycle.members.map(name)), [['a.md#1', 'b.md#4', 'c.md#2', 'c.md#3']]);
    graph.update({ set: [plan('b.md', [{ id: '4' }])] });
    assert.deepEqual(graph.index.cycles.map((cycle) => cycle.members.map(name)), [['c.md#2', 'c.md#3']]);
  });

  it('keeps the index object while nothing changes', () => {
    const a = plan('a.md', [{ id: '1' }]);
    const graph = new WorkspaceGraph([a]);
    const index = graph.index;
    assert.equal(graph.update({ set: [a], remove: ['x.md'] }).size, 0);
    assert.equal(graph.index, index);
  });
});
