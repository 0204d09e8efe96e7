import type { Cycle, DependencyEdge, FileView, UnresolvedReference } from './types';

export const EMPTY_VIEW: FileView = { edges: [], unresolved: [], cycles: [] };

/**
 * Per-file views of a whole graph and, per file, the files that point into it (edges and
 * suggestions): one pass over the graph instead of one per file asked about.
 */
export function groupByFile(edges: readonly DependencyEdge[], unresolved: readonly UnresolvedReference[], cycles: readonly Cycle[]) {
  const views = new Map<string, { edges: DependencyEdge[]; unresolved: UnresolvedReference[]; cycles: Cycle[] }>();
  const viewOf = (file: string) => {
    let view = views.get(file);
    if (!view) views.set(file, (view = { edges: [], unresolved: [], cycles: [] }));
    return view;
  };
  const referring = new Map<string, Set<string>>();
  const refer = (from: string, into: string) => {
    if (from === into) return;
    let files = referring.get(into);
    if (!files) referring.set(into, (files = new Set()));
    files.add(from);
  };
  for (const edge of edges) {
    viewOf(edge.from.plan.file).edges.push(edge);
    refer(edge.from.plan.file, edge.to.plan.file);
  }
  for (const reference of unresolved) {
    viewOf(reference.from.plan.file).unresolved.push(reference);
    if (reference.suggestion) refer(reference.from.plan.file, reference.suggestion.plan.file);
  }
  for (const cycle of cycles) {
    for (const file of new Set(cycle.members.map((member) => member.plan.file))) viewOf(file).cycles.push(cycle);
  }
  return { views: views as Map<string, FileView>, referring };
}
