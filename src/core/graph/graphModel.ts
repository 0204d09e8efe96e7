import type { Phase, PhaseStatus } from '../model';
import { allPhases, phaseName } from '../phases';
import { layoutGraph, type Layout, type LayoutOptions } from './layout';
import { oneLine, renderModel, type RenderEdge } from './renderModel';
import type { WorkspaceIndex } from './types';

/**
 * The dependency graph as a picture needs it: one node per phase (and per id nobody defines),
 * one edge per dependency, pointing from the dependency to the phase that builds on it. Node
 * ids and edge kinds are the Mermaid export's (`renderModel`), so both drawings agree.
 */
export interface GraphPhaseNode {
  kind: 'phase';
  id: string;
  /** `Phase 2B: Sync engine`, cut to fit a box. */
  label: string;
  /** The whole label, for the tooltip. */
  title: string;
  status: PhaseStatus;
  /** Planned, with a dependency that is not done yet. */
  waiting: boolean;
  /** The plan's `file` (in the editor, `Uri.toString()`). */
  file: string;
  /** Heading line, 1-based. */
  line: number;
  /** Identity key (`phase:2b`). */
  key: string;
  /** The phase belongs to another plan than the ones asked for, and is shown as a neighbour. */
  external: boolean;
}

/** An id that dependency fields name but no phase in the workspace has. */
export interface GraphMissingNode {
  kind: 'missing';
  id: string;
  label: string;
  title: string;
}

export type GraphNode = GraphPhaseNode | GraphMissingNode;

export interface GraphEdge {
  /** The dependency (or the missing id). */
  from: string;
  /** The phase that builds on it. */
  to: string;
  kind: RenderEdge['kind'];
}

export interface GraphModel {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphModelOptions {
  /** Only these plans, with the phases they depend on or that depend on them as neighbours; all when absent. */
  files?: readonly string[];
  /** Longest label before it is cut with `…` (default 34 characters). */
  labelLength?: number;
}

export type LaidOutGraph = Layout<GraphNode, GraphEdge>;

const DEFAULT_LABEL_LENGTH = 34;

export function buildGraphModel(index: WorkspaceIndex, options: GraphModelOptions = {}): GraphModel {
  const render = renderModel(index);
  const labelLength = options.labelLength ?? DEFAULT_LABEL_LENGTH;
  const wanted = options.files ? new Set(options.files) : undefined;

  const phaseNodes: GraphPhaseNode[] = [];
  index.plans.forEach((plan, planNumber) => {
    // renderModel lists a plan's phases in allPhases order: the same walk pairs each node with its phase.
    const drawn = render.groups[planNumber]!.nodes;
    allPhases(plan).forEach((phase, i) => {
      const title = fullLabel(phase);
      phaseNodes.push({
        kind: 'phase',
        id: drawn[i]!.id,
        label: truncate(title, labelLength),
        title,
        status: phase.status,
        waiting: phase.status === 'planned' && !index.readiness({ plan, phase }).ready,
        file: plan.file,
        line: phase.line,
        key: phase.key,
        external: wanted !== undefined && !wanted.has(plan.file),
      });
    });
  });

  const namedBy = new Map<string, string[]>();
  const labelOf = new Map(phaseNodes.map((node) => [node.id, node.title]));
  for (const edge of render.edges) {
    if (edge.kind === 'missing') namedBy.set(edge.from, [...(namedBy.get(edge.from) ?? []), labelOf.get(edge.to) ?? edge.to]);
  }
  const missingNodes = render.missing.map(
    (missing): GraphMissingNode => ({
      kind: 'missing',
      id: missing.id,
      label: truncate(missing.label, labelLength),
      title: `${missing.label}: no phase in the workspace has this id; named by ${(namedBy.get(missing.id) ?? []).join(', ')}`,
    }),
  );

  const edges: GraphEdge[] = render.edges.map((edge) => ({ from: edge.from, to: edge.to, kind: edge.kind }));
  const nodes: GraphNode[] = [...phaseNodes, ...missingNodes];
  if (!wanted) return { nodes, edges };

  // One plan: its phases, and whatever is one edge away from them.
  const inScope = new Set(phaseNodes.filter((node) => !node.external).map((node) => node.id));
  const kept = new Set(inScope);
  for (const edge of edges) {
    if (inScope.has(edge.from)) kept.add(edge.to);
    if (inScope.has(edge.to)) kept.add(edge.from);
  }
  return {
    nodes: nodes.filter((node) => kept.has(node.id)),
    edges: edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to) && (inScope.has(edge.from) || inScope.has(edge.to))),
  };
}

/** The model with every node placed and every edge routed, left (dependencies) to right. */
export function layOutGraphModel(model: GraphModel, options: Partial<LayoutOptions> = {}): LaidOutGraph {
  return layoutGraph(model.nodes, model.edges, options);
}

function fullLabel(phase: Phase): string {
  const name = phaseName(phase);
  const title = oneLine(phase.title);
  return title && title !== phase.id ? `${name}: ${title}` : name;
}

/** Cut at a code-point boundary (an emoji is never split), with `…` standing for the rest. */
export function truncate(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  return points.slice(0, Math.max(1, max - 1)).join('').trimEnd() + '…';
}
