// Shared by the fast and the slow property test of the incremental graph: random edit
// sequences, and a description of an index that two equal graphs share.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWorkspaceIndex, WorkspaceGraph, type PhaseRef, type WorkspaceIndex } from '../../../src/core/graph';
import { allPhases } from '../../../src/core/phases';
import type { Plan } from '../../../src/core/model';
import { plan, type PhaseSpec } from './planBuilder';

const FILES = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'];
/** Few ids, so plans share keys, reference each other, close cycles and miss by one edit. */
const IDS = ['1', '2', '3', '12', '13', '2A', '2B', 'P4.1', 'Stage 1', 'M1'];
const MISSING = ['2C', '14', 'P4.11', 'Stage 2', '9'];

const phaseSpec = (depth: number): fc.Arbitrary<PhaseSpec> =>
  fc.record({
    id: fc.constantFrom(...IDS),
    status: fc.constantFrom('planned' as const, 'done' as const, 'in-progress' as const),
    deps: fc.array(fc.constantFrom(...IDS, ...MISSING), { maxLength: 3 }),
    children: depth > 0 ? fc.array(phaseSpec(depth - 1), { maxLength: 2 }) : fc.constant([]),
  });

export type GraphOperation = { kind: 'set'; files: string[]; specs: PhaseSpec[][] } | { kind: 'remove'; file: string };

export const operations: fc.Arbitrary<GraphOperation[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('set' as const), files: fc.uniqueArray(fc.constantFrom(...FILES), { minLength: 1, maxLength: 2 }), specs: fc.array(fc.array(phaseSpec(1), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.constantFrom(...FILES) }) },
  ),
  { minLength: 1, maxLength: 12 },
);

/** Everything an index answers, with phases named by file and position, so two indexes over the same plans compare equal. */
export function describeIndex(index: WorkspaceIndex): unknown {
  const position = new Map<unknown, string>();
  for (const each of index.plans) allPhases(each).forEach((phase, i) => position.set(phase, `${each.file}#${i}:${phase.id}`));
  const at = (ref: PhaseRef | undefined) => (ref ? (position.get(ref.phase) ?? `stale ${ref.plan.file}:${ref.phase.id}`) : '-');
  const edge = (e: { from: PhaseRef; to: PhaseRef; ref: { id: string; line: number } }) => `${at(e.from)}->${at(e.to)}@${e.ref.id}:${e.ref.line}`;
  const unresolved = (u: WorkspaceIndex['unresolved'][number]) => `${at(u.from)}@${u.ref.id}:${u.ref.line}?${at(u.suggestion)}`;
  const cycle = (c: WorkspaceIndex['cycles'][number]) => ({ members: c.members.map(at), edges: c.edges.map(edge) });
  const phases = index.plans.flatMap((each) => allPhases(each).map((phase) => ({ plan: each, phase })));
  const keys = [...new Set([...IDS, ...MISSING].map((id) => phases.find((ref) => ref.phase.id === id)?.phase.key ?? `phase:${id.toLowerCase()}`))];
  return {
    plans: index.plans.map((each) => each.file),
    edges: index.edges.map(edge),
    unresolved: index.unresolved.map(unresolved),
    cycles: index.cycles.map(cycle),
    order: index.order.map(at),
    phases: phases.map((ref) => ({
      phase: at(ref),
      dependencies: index.dependenciesOf(ref).map(edge),
      dependents: index.dependentsOf(ref).map(edge),
      readiness: index.readiness(ref).waitingOn.map(at),
      resolved: ref.phase.dependsOn.map((dep) => at(index.resolve(dep, ref.plan.file))),
      found: at(index.findPhase(ref.plan.file, ref.phase.line)),
    })),
    lookups: keys.map((key) => [index.lookup(key).map(at), ...FILES.map((file) => index.lookup(key, file).map(at))]),
    files: FILES.map((file) => {
      const view = index.forFile(file);
      return { edges: view.edges.map(edge), unresolved: view.unresolved.map(unresolved), cycles: view.cycles.map(cycle), referring: [...index.filesReferringTo(file)].sort() };
    }),
  };
}

/**
 * Applies `sequence` to a WorkspaceGraph step by step; after each step its index equals the one
 * built from scratch over the same plans, and the snapshot taken before the step is unchanged.
 */
export function checkSequence(sequence: GraphOperation[]): void {
  const graph = new WorkspaceGraph();
  const current = new Map<string, Plan>();
  for (const operation of sequence) {
    const before = graph.index;
    const beforeDescribed = describeIndex(before);
    if (operation.kind === 'remove') {
      current.delete(operation.file);
      graph.update({ remove: [operation.file] });
    } else {
      const plans = operation.files.map((file, i) => plan(file, operation.specs[i]!));
      for (const each of plans) current.set(each.file, each);
      graph.update({ set: plans });
    }
    const rebuilt = buildWorkspaceIndex([...current.values()].sort((a, b) => (a.file < b.file ? -1 : 1)));
    assert.deepEqual(describeIndex(graph.index), describeIndex(rebuilt));
    assert.deepEqual(describeIndex(before), beforeDescribed, 'an earlier snapshot changed');
  }
}
