import type { PhaseStatus } from '../model';
import { allPhases, phaseName, referenceName } from '../phases';
import { digraphFromPairs, stronglyConnected } from './digraph';
import type { WorkspaceIndex } from './types';

/** What both renderers draw, with ids already unique and safe for either syntax. */
export interface RenderNode {
  id: string;
  label: string;
  status: PhaseStatus;
}

export interface RenderGroup {
  id: string;
  title: string;
  nodes: RenderNode[];
}

export interface RenderEdge {
  /** Edges point from the dependency to the phase that builds on it: `2A --> 2B`. */
  from: string;
  to: string;
  kind: 'dependency' | 'cycle' | 'missing';
}

export interface RenderModel {
  groups: RenderGroup[];
  missing: Array<{ id: string; label: string }>;
  edges: RenderEdge[];
}

export function renderModel(index: WorkspaceIndex): RenderModel {
  const used = new Set<string>();
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    return id;
  };

  const nodeIds = new Map<object, string>();
  const nodeNumbers = new Map<object, number>();
  const groups = index.plans.map((plan, planNumber): RenderGroup => {
    const nodes = allPhases(plan).map((phase): RenderNode => {
      const id = unique(`f${planNumber}_${sanitizeId(phase.id)}`);
      nodeIds.set(phase, id);
      nodeNumbers.set(phase, nodeNumbers.size);
      return { id, label: phase.title && phase.title !== phase.id ? `${phaseName(phase)}: ${phase.title}` : phaseName(phase), status: phase.status };
    });
    return { id: unique(`file${planNumber}`), title: plan.title && plan.title !== plan.file ? `${plan.title} (${plan.file})` : plan.file, nodes };
  });

  // An edge is drawn as a cycle edge when both ends are in one strongly connected component
  // (it lies on some cycle, reported or not), or when a phase depends on itself.
  const from = index.edges.map((edge) => nodeNumbers.get(edge.from.phase)!);
  const to = index.edges.map((edge) => nodeNumbers.get(edge.to.phase)!);
  const { component } = stronglyConnected(digraphFromPairs(nodeNumbers.size, from, to));

  const edges: RenderEdge[] = [];
  const drawn = new Set<string>();
  const draw = (edge: RenderEdge) => {
    const key = `${edge.from}\u0000${edge.to}`;
    if (drawn.has(key)) return;
    drawn.add(key);
    edges.push(edge);
  };
  index.edges.forEach((edge, i) => {
    const onCycle = from[i] === to[i] || component[from[i]!] === component[to[i]!];
    draw({ from: nodeIds.get(edge.to.phase)!, to: nodeIds.get(edge.from.phase)!, kind: onCycle ? 'cycle' : 'dependency' });
  });

  const missingByKey = new Map<string, { id: string; label: string }>();
  for (const { from, ref } of index.unresolved) {
    let node = missingByKey.get(ref.key);
    if (!node) missingByKey.set(ref.key, (node = { id: unique(`missing_${sanitizeId(ref.id)}`), label: `${referenceName(ref)} (missing)` }));
    const target = nodeIds.get(from.phase);
    if (target) draw({ from: node.id, to: target, kind: 'missing' });
  }
  return { groups, missing: [...missingByKey.values()], edges };
}

/** Letters, digits and underscores only: safe as a Mermaid id and as a DOT id. */
function sanitizeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'phase';
}

/** Labels are one line: a title never needs its line breaks in a graph box. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
