import type { Cycle, DependencyEdge, UnresolvedReference, WorkspaceIndex } from '../graph';

/** The parts of a workspace index that concern one file. */
export interface FileView {
  edges: DependencyEdge[];
  unresolved: UnresolvedReference[];
  cycles: Cycle[];
}

const EMPTY: FileView = { edges: [], unresolved: [], cycles: [] };

/**
 * Rules run once per plan; scanning every edge of a 1,000-plan workspace for each of them would
 * make linting quadratic. The grouping is computed once per index and dropped with it.
 */
const views = new WeakMap<WorkspaceIndex, Map<string, FileView>>();

function viewOf(map: Map<string, FileView>, file: string): FileView {
  let view = map.get(file);
  if (!view) map.set(file, (view = { edges: [], unresolved: [], cycles: [] }));
  return view;
}

export function workspaceFor(workspace: WorkspaceIndex, file: string): FileView {
  let map = views.get(workspace);
  if (!map) {
    map = new Map();
    for (const edge of workspace.edges) viewOf(map, edge.from.plan.file).edges.push(edge);
    for (const reference of workspace.unresolved) viewOf(map, reference.from.plan.file).unresolved.push(reference);
    for (const cycle of workspace.cycles) {
      const files = new Set(cycle.edges.map((edge) => edge.from.plan.file));
      for (const cycleFile of files) viewOf(map, cycleFile).cycles.push(cycle);
    }
    views.set(workspace, map);
  }
  return map.get(file) ?? EMPTY;
}
