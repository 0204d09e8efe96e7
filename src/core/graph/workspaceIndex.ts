import type { DependencyRef, Plan } from '../model';
import { phaseAtLine } from '../phases';
import { runToEnd, type Steps } from '../steps';
import { catalogPhasesInSteps } from './catalog';
import { coveringCycles } from './cycles';
import { digraphFromPairs, groupBy, stronglyConnected } from './digraph';
import { EMPTY_VIEW, groupByFile } from './fileViews';
import { topologicalOrderInSteps } from './topologicalOrder';
import type { Cycle, DependencyEdge, PhaseRef, Readiness, UnresolvedReference, WorkspaceIndex } from './types';

/**
 * The workspace graph over every phase of `plans`, in workspace order (the plans as given,
 * each plan's phases depth first). The plans are only read, never changed.
 *
 * Every `PhaseRef` the index hands out is one shared object per phase, so callers may compare
 * them with `===` or key maps by them; methods that take a `PhaseRef` match it by its phase.
 */
export function buildWorkspaceIndex(plans: readonly Plan[]): WorkspaceIndex {
  return runToEnd(buildWorkspaceIndexInSteps(plans));
}

/** Phases whose dependencies are resolved between two pauses of `buildWorkspaceIndexInSteps`. */
const NODES_PER_STEP = 2_000;

/**
 * `buildWorkspaceIndex`, pausing every hundred plans while cataloguing, every two thousand
 * phases while resolving references, and between the graph algorithms (see steps.ts): a
 * workspace of 1,000 plans takes tens of milliseconds, too long to hold the extension host.
 */
export function* buildWorkspaceIndexInSteps(plans: readonly Plan[]): Steps<WorkspaceIndex> {
  const catalog = yield* catalogPhasesInSteps(plans);
  const { nodes, nodeOf } = catalog;
  const size = nodes.length;

  // Edges are found node by node, so the edges of node u are edges[edgeStart[u] … edgeStart[u+1]).
  const edges: DependencyEdge[] = [];
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeStart = new Int32Array(size + 1);
  const unresolved: UnresolvedReference[] = [];
  for (let u = 0; u < size; u++) {
    if (u % NODES_PER_STEP === NODES_PER_STEP - 1) yield;
    edgeStart[u] = edges.length;
    const from = nodes[u]!;
    for (const ref of from.phase.dependsOn) {
      const v = catalog.resolveNode(ref.key, from.plan.file);
      if (v === undefined) {
        const suggestion = catalog.suggest(ref.key, from.plan.file);
        unresolved.push(suggestion ? { from, ref, suggestion } : { from, ref });
        continue;
      }
      edges.push({ from, to: nodes[v]!, ref });
      edgeFrom.push(u);
      edgeTo.push(v);
    }
  }
  edgeStart[size] = edges.length;

  // Self-references are dropped here: the lint reports them on their own, and a loop of one
  // phase onto itself is not a cycle worth a second finding.
  yield;
  const graph = digraphFromPairs(size, edgeFrom, edgeTo);
  const { component, count } = stronglyConnected(graph);
  yield;
  const edgesOf = (u: number) => edges.slice(edgeStart[u]!, edgeStart[u + 1]!);
  const cycles: Cycle[] = coveringCycles(graph, component, count).map(({ path }) => ({
    members: path.map((node) => nodes[node]!),
    edges: path.map((node, i) => {
      const next = nodes[path[(i + 1) % path.length]!]!;
      return edgesOf(node).find((edge) => edge.to === next)!;
    }),
  }));
  yield;
  const ordered = yield* topologicalOrderInSteps(graph, component, count);
  yield;
  const order = Array.from(ordered, (node) => nodes[node]!);

  let incoming: ReturnType<typeof groupBy> | undefined;
  let byFile: ReturnType<typeof groupByFile> | undefined;
  const dependenciesOf = (target: PhaseRef): DependencyEdge[] => {
    const u = nodeOf.get(target.phase);
    return u === undefined ? [] : edgesOf(u);
  };

  return {
    plans: catalog.plans,
    edges,
    unresolved,
    cycles,
    order,
    lookup: (key, fromFile) => catalog.lookup(key.toLowerCase(), fromFile).map((node) => nodes[node]!),
    resolve: (ref: DependencyRef, fromFile: string) => {
      const v = catalog.resolveNode(ref.key, fromFile);
      return v === undefined ? undefined : nodes[v];
    },
    dependenciesOf,
    dependentsOf: (target) => {
      const v = nodeOf.get(target.phase);
      if (v === undefined) return [];
      incoming ??= groupBy(size, edgeTo, Array.from(edges.keys()));
      return Array.from(incoming.targets.subarray(incoming.offsets[v]!, incoming.offsets[v + 1]!), (e) => edges[e]!);
    },
    readiness: (target) => readinessOf(target, dependenciesOf(target)),
    findPhase: (file, line) => {
      for (const plan of catalog.plansByFile.get(file) ?? []) {
        const phase = phaseAtLine(plan, line);
        if (phase) return nodes[nodeOf.get(phase)!];
      }
      return undefined;
    },
    forFile: (file) => (byFile ??= groupByFile(edges, unresolved, cycles)).views.get(file) ?? EMPTY_VIEW,
    filesReferringTo: (file) => [...((byFile ??= groupByFile(edges, unresolved, cycles)).referring.get(file) ?? [])],
  };
}

export function readinessOf(target: PhaseRef, dependencies: readonly DependencyEdge[]): Readiness {
  const waitingOn: PhaseRef[] = [];
  for (const { to } of dependencies) {
    // A phase cannot wait on itself; the self-reference is the lint's business.
    if (to.phase === target.phase || to.phase.status === 'done' || waitingOn.includes(to)) continue;
    waitingOn.push(to);
  }
  return { ready: waitingOn.length === 0, waitingOn };
}
