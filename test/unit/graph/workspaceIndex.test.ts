import assert from 'node:assert/strict';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import type { Plan } from '../../../src/core/model';
import { dependency, name, plan } from './planBuilder';

const names = (refs: ReadonlyArray<{ plan: Plan; phase: { id: string } } | undefined>) => refs.map((ref) => name(ref as never));

describe('graph: workspace index', () => {
  describe('resolution', () => {
    it('resolves in the reference’s own file before the rest of the workspace', () => {
      const a = plan('a.md', [{ id: '2A' }, { id: '2B', deps: ['2A'] }]);
      const b = plan('b.md', [{ id: '2A' }, { id: '3', deps: ['2A'] }]);
      const index = buildWorkspaceIndex([a, b]);
      assert.equal(name(index.resolve(dependency('2A'), 'b.md')), 'b.md#2A');
      assert.equal(name(index.resolve(dependency('2A'), 'a.md')), 'a.md#2A');
      assert.deepEqual(
        index.edges.map((edge) => `${name(edge.from)} -> ${name(edge.to)}`),
        ['a.md#2B -> a.md#2A', 'b.md#3 -> b.md#2A'],
      );
    });

    it('falls back to the first phase in workspace order in another file', () => {
      const a = plan('a.md', [{ id: 'P4', deps: ['Phase 3'] }]);
      const b = plan('b.md', [{ id: '3' }]);
      const c = plan('c.md', [{ id: 'P3' }]);
      const index = buildWorkspaceIndex([a, b, c]);
      assert.deepEqual(names(index.edges.map((edge) => edge.to)), ['b.md#3']);
      assert.equal(index.unresolved.length, 0);
    });

    it('unifies Phase 3, P3 and 3 but keeps Stage and Milestone apart', () => {
      const index = buildWorkspaceIndex([plan('a.md', [{ id: 'Stage 3' }, { id: 'M3' }, { id: 'P3' }])]);
      assert.equal(name(index.resolve(dependency('3'), 'a.md')), 'a.md#P3');
      assert.equal(name(index.resolve(dependency('Milestone 3'), 'a.md')), 'a.md#M3');
      assert.equal(name(index.resolve(dependency('Stage 3'), 'a.md')), 'a.md#Stage 3');
      assert.equal(index.resolve(dependency('Stage 4'), 'a.md'), undefined);
    });

    it('looks a key up with the given file’s phases first and treats one key in two plans as no duplicate', () => {
      const a = plan('a.md', [{ id: 'P1' }]);
      const b = plan('b.md', [{ id: 'P1' }]);
      const index = buildWorkspaceIndex([a, b]);
      assert.deepEqual(names(index.lookup('phase:1')), ['a.md#P1', 'b.md#P1']);
      assert.deepEqual(names(index.lookup('phase:1', 'b.md')), ['b.md#P1', 'a.md#P1']);
      assert.deepEqual(index.lookup('phase:9'), []);
      assert.equal(index.cycles.length, 0);
    });

    it('reports unresolved references with a suggestion one edit away, preferring the own file', () => {
      const a = plan('a.md', [{ id: '2A' }, { id: '2B' }, { id: '2D' }, { id: '2C', deps: ['2E', 'P0', 'P5.13', 'P2', 'P4.1'] }]);
      const b = plan('b.md', [{ id: 'P5.1.3' }, { id: '2F' }, { id: 'P4.11' }]);
      const index = buildWorkspaceIndex([a, b]);
      const found = index.unresolved.map((u) => `${u.ref.id}→${u.suggestion ? name(u.suggestion) : '-'}`);
      // 2E: 2D (own file, one letter away) beats 2F (other file) and 2A/2B (further letters).
      // P0: a one-character number is never "corrected" into another (P0 is not a typo of 2A).
      // P2 is not a typo of its sub-phase 2A. P5.13 → P5.1.3 and P4.1 → P4.11: a dropped character.
      assert.deepEqual(found, ['2E→a.md#2D', 'P0→-', 'P5.13→b.md#P5.1.3', 'P2→-', 'P4.1→b.md#P4.11']);
      assert.equal(index.unresolved[0]!.from.phase.id, '2C');
    });

    it('suggests from the ids of each build: the same ids again, one id more, one id fewer', () => {
      const suggestionsOf = (ids: string[]) =>
        buildWorkspaceIndex([plan('a.md', [...ids.map((id) => ({ id })), { id: '9', deps: ['2E'] }])]).unresolved.map((u) => u.suggestion?.phase.id ?? '-');
      assert.deepEqual(suggestionsOf(['2A', '2D']), ['2D']);
      // The neighbours found for the last catalog of these ids are reused; a changed id list searches again.
      assert.deepEqual(suggestionsOf(['2A', '2D']), ['2D']);
      assert.deepEqual(suggestionsOf(['2A', '2D', '2F']), ['2D']);
      assert.deepEqual(suggestionsOf(['2A']), ['2A']);
      assert.deepEqual(suggestionsOf(['1']), ['-']);
      assert.deepEqual(suggestionsOf(['1', '2F']), ['2F']);
      assert.deepEqual(suggestionsOf(['2A', '2D']), ['2D']);
    });

    it('suggests only ids of the same kind', () => {
      const index = buildWorkspaceIndex([plan('a.md', [{ id: 'Stage 12' }, { id: 'P13', deps: ['Milestone 12', 'Stage 13'] }])]);
      assert.deepEqual(
        index.unresolved.map((u) => `${u.ref.id}→${u.suggestion ? u.suggestion.phase.id : '-'}`),
        ['Milestone 12→-', 'Stage 13→Stage 12'],
      );
    });

    it('hands out one shared PhaseRef per phase and finds dependencies and dependents', () => {
      const a = plan('a.md', [{ id: '1' }, { id: '2', deps: ['1'] }, { id: '3', deps: ['1', '2'] }]);
      const index = buildWorkspaceIndex([a]);
      const [one, two, three] = index.lookup('phase:1').concat(index.lookup('phase:2'), index.lookup('phase:3'));
      assert.equal(index.lookup('phase:1')[0], one);
      assert.deepEqual(names(index.dependentsOf(one!).map((edge) => edge.from)), ['a.md#2', 'a.md#3']);
      assert.deepEqual(names(index.dependenciesOf(three!).map((edge) => edge.to)), ['a.md#1', 'a.md#2']);
      // A caller's own {plan, phase} pair is matched by its phase.
      assert.equal(index.dependenciesOf({ plan: a, phase: two!.phase }).length, 1);
    });

    it('does not change the plans it reads', () => {
      const a = plan('a.md', [{ id: '1', deps: ['2', '9'] }, { id: '2', deps: ['1'] }]);
      const before = JSON.stringify(a);
      buildWorkspaceIndex([a]);
      assert.equal(JSON.stringify(a), before);
    });
  });

  describe('cycles', () => {
    it('finds a 2-cycle once, rotated to its first phase', () => {
      const index = buildWorkspaceIndex([plan('a.md', [{ id: '1' }, { id: '2', deps: ['3'] }, { id: '3', deps: ['2'] }])]);
      assert.equal(index.cycles.length, 1);
      assert.deepEqual(names(index.cycles[0]!.members), ['a.md#2', 'a.md#3']);
      assert.deepEqual(
        index.cycles[0]!.edges.map((edge) => `${edge.from.phase.id}->${edge.to.phase.id}@${edge.ref.id}`),
        ['2->3@3', '3->2@2'],
      );
    });

    it('finds a 3-cycle across two files with members in path order', () => {
      const a = plan('a.md', [{ id: 'P1', deps: ['P2'] }, { id: 'P2', deps: ['Stage 1'] }]);
      const b = plan('b.md', [{ id: 'Stage 1', deps: ['P1'] }]);
      const index = buildWorkspaceIndex([a, b]);
      assert.equal(index.cycles.length, 1);
      const cycle = index.cycles[0]!;
      assert.deepEqual(names(cycle.members), ['a.md#P1', 'a.md#P2', 'b.md#Stage 1']);
      cycle.edges.forEach((edge, i) => {
        assert.equal(edge.from, cycle.members[i]);
        assert.equal(edge.to, cycle.members[(i + 1) % cycle.members.length]);
      });
    });

    it('reports two independent cycles each once', () => {
      const index = buildWorkspaceIndex([
        plan('a.md', [{ id: '1', deps: ['2'] }, { id: '2', deps: ['1'] }, { id: '3' }]),
        plan('b.md', [{ id: 'M1', deps: ['M3'] }, { id: 'M2', deps: ['M1'] }, { id: 'M3', deps: ['M2'] }]),
      ]);
      assert.deepEqual(
        index.cycles.map((cycle) => names(cycle.members).join(' ')),
        ['a.md#1 a.md#2', 'b.md#M1 b.md#M3 b.md#M2'],
      );
    });

    it('covers every phase of a tangle with shortest cycles, without repeats', () => {
      // 1↔2 and 2↔3 share phase 2: two loops, one component.
      const index = buildWorkspaceIndex([plan('a.md', [{ id: '1', deps: ['2'] }, { id: '2', deps: ['1', '3'] }, { id: '3', deps: ['2'] }])]);
      assert.deepEqual(index.cycles.map((cycle) => cycle.members.map((m) => m.phase.id).join('>')), ['1>2', '2>3']);
    });

    it('keeps a self-reference as an edge but not as a cycle', () => {
      const index = buildWorkspaceIndex([plan('a.md', [{ id: '1', deps: ['1'] }, { id: '2', deps: ['1'] }])]);
      assert.equal(index.cycles.length, 0);
      assert.deepEqual(index.edges.map((edge) => `${edge.from.phase.id}->${edge.to.phase.id}`), ['1->1', '2->1']);
      assert.deepEqual(index.readiness(index.lookup('phase:1')[0]!), { ready: true, waitingOn: [] });
    });
  });

  describe('order and readiness', () => {
    it('orders dependencies before dependents, ties in document order', () => {
      const a = plan('a.md', [{ id: '1', deps: ['3'] }, { id: '2' }, { id: '3' }, { id: '4', deps: ['2'] }]);
      const b = plan('b.md', [{ id: 'Stage 1', deps: ['P4'] }, { id: 'Stage 2' }]);
      const index = buildWorkspaceIndex([a, b]);
      assert.deepEqual(names(index.order), ['a.md#2', 'a.md#3', 'a.md#1', 'a.md#4', 'b.md#Stage 1', 'b.md#Stage 2']);
    });

    it('places the members of a cycle together in document order, after what they need', () => {
      const a = plan('a.md', [{ id: '1', deps: ['3'] }, { id: '2' }, { id: '3', deps: ['1', '4'] }, { id: '4' }, { id: '5', deps: ['1'] }]);
      const index = buildWorkspaceIndex([a]);
      assert.deepEqual(index.order.map((ref) => ref.phase.id), ['2', '4', '1', '3', '5']);
    });

    it('includes nested phases and orders a child after its own dependency', () => {
      const a = plan('a.md', [{ id: 'P5', children: [{ id: 'P5.1', deps: ['P5.2'] }, { id: 'P5.2' }] }]);
      const index = buildWorkspaceIndex([a]);
      assert.deepEqual(index.order.map((ref) => ref.phase.id), ['P5', 'P5.2', 'P5.1']);
    });

    it('is ready when every resolved dependency is done, and names what it waits on once', () => {
      const a = plan('a.md', [
        { id: '1', status: 'done' },
        { id: '2', status: 'in-progress' },
        { id: '3', status: 'planned', deps: ['1', '2', 'Phase 2', '99'] },
        { id: '4', deps: ['1', '77'] },
      ]);
      const index = buildWorkspaceIndex([a]);
      const three = index.readiness(index.lookup('phase:3')[0]!);
      assert.equal(three.ready, false);
      assert.deepEqual(three.waitingOn.map((ref) => ref.phase.id), ['2']);
      // The unresolved 77 is the lint's concern, not a wait.
      assert.deepEqual(index.readiness(index.lookup('phase:4')[0]!), { ready: true, waitingOn: [] });
    });
  });

  describe('findPhase', () => {
    it('finds the innermost phase containing a line, in the right file', () => {
      const a = plan('a.md', [{ id: 'P5', line: 1, endLine: 40, children: [{ id: 'P5.1', line: 10, endLine: 20 }] }]);
      const b = plan('b.md', [{ id: 'P5', line: 1, endLine: 40 }]);
      const index = buildWorkspaceIndex([a, b]);
      assert.equal(name(index.findPhase('a.md', 15)), 'a.md#P5.1');
      assert.equal(name(index.findPhase('a.md', 25)), 'a.md#P5');
      assert.equal(name(index.findPhase('b.md', 15)), 'b.md#P5');
      assert.equal(index.findPhase('a.md', 41), undefined);
      assert.equal(index.findPhase('c.md', 1), undefined);
      assert.equal(index.findPhase('a.md', 15), index.lookup('phase:5.1')[0]);
    });
  });

  describe('scale', () => {
    // Ids have at most four digits per part, so the n-th phase of a long chain is `P<a>.<b>`.
    const chainId = (n: number) => `P${Math.floor(n / 1000) + 1}.${(n % 1000) + 1}`;
    const chainSpecs = (n: number, next: (i: number) => number | undefined) =>
      Array.from({ length: n }, (_, i) => {
        const dep = next(i);
        return { id: chainId(i), deps: dep === undefined ? [] : [chainId(dep)], line: i + 1, endLine: i + 1 };
      });

    it('walks a 100,000-long dependency chain without overflowing the stack', () => {
      // Written dependents first, so the order has to turn the whole chain around.
      const n = 100_000;
      const index = buildWorkspaceIndex([plan('chain.md', chainSpecs(n, (i) => (i + 1 < n ? i + 1 : undefined)))]);
      assert.equal(index.edges.length, n - 1);
      assert.equal(index.cycles.length, 0);
      assert.equal(index.order[0]!.phase.id, chainId(n - 1));
      assert.equal(index.order[n - 1]!.phase.id, chainId(0));
      assert.equal(index.readiness(index.order[n - 1]!).waitingOn[0], index.order[n - 2]);
    });

    it('finds a 100,000-long cycle as one cycle', () => {
      const n = 100_000;
      const index = buildWorkspaceIndex([plan('ring.md', chainSpecs(n, (i) => (i + 1) % n))]);
      assert.equal(index.cycles.length, 1);
      assert.equal(index.cycles[0]!.members.length, n);
      assert.equal(index.cycles[0]!.members[1]!.phase.id, chainId(1));
      assert.equal(index.order.length, n);
    });

    it('indexes 1,000 plans of 20 phases (their speed is measured by npm run bench)', () => {
      const plans = Array.from({ length: 1000 }, (_, p) =>
        plan(`docs/plan-${p}.md`, Array.from({ length: 20 }, (_, i) => ({ id: `P${i + 1}`, deps: i === 0 ? ['P99', `Stage ${p}`] : [`P${i}`] }))),
      );
      const index = buildWorkspaceIndex(plans);
      assert.equal(index.edges.length, 19_000);
      assert.equal(index.unresolved.length, 2000);
      assert.equal(index.order.length, 20_000);
    });
  });
});
