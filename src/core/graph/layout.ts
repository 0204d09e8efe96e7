import { layeredGraph, longestPathLayers, markBackEdges, orderLayers, oriented, verticalCenters, type Link } from './layering';

/**
 * A layered (Sugiyama-style) drawing of a directed graph, left to right: every edge runs from
 * a layer to a later one except the few that close a cycle. Plain data in, coordinates out;
 * no recursion anywhere, so a deep chain of a thousand phases cannot overflow the stack.
 *
 * 1. Cycles are broken by the back edges of a depth-first search in input order; those edges
 *    are laid out reversed (and drawn pointing back), so what remains is acyclic.
 * 2. Layer = longest path from a root, so every dependency stands left of what builds on it.
 * 3. Edges spanning several layers get a dummy point per layer they cross, so they bend around
 *    the nodes in between and take part in crossing reduction.
 * 4. Order within a layer: barycenter sweeps down and up, keeping the order with the fewest
 *    crossings seen.
 * 5. Vertical positions: each node is pulled towards its neighbours' mean, the layer's order and
 *    spacing kept by isotonic regression (pool adjacent violators).
 * Steps 3–5 run per connected component; components are stacked top to bottom in input order,
 * and the phases with no edge at all fill a grid below them instead of one endless column.
 */

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between two layers (where the edges run). */
  layerGap: number;
  /** Vertical space between two nodes of a layer. */
  nodeGap: number;
  /** Vertical space kept around an edge passing through a layer. */
  edgeGap: number;
  /** Rounds of crossing reduction (each is one sweep down and one up). */
  sweeps: number;
  /** Most dummy points made for long edges; longer edges beyond it are drawn straight. */
  maxDummies: number;
  /** Space around the drawing. */
  margin: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  nodeWidth: 240,
  nodeHeight: 48,
  layerGap: 80,
  nodeGap: 20,
  edgeGap: 10,
  sweeps: 6,
  maxDummies: 20_000,
  margin: 24,
};

export interface Point {
  x: number;
  y: number;
}

export interface LayoutNodeInput {
  id: string;
}

export interface LayoutEdgeInput {
  from: string;
  to: string;
}

/** A node with its box: `x`, `y` is the top-left corner. */
export type PlacedNode<N> = N & { x: number; y: number; width: number; height: number; layer: number; order: number };

/**
 * An edge with its route, from `from`'s box to `to`'s box. `reversed`: the edge closes a cycle and
 * runs right to left. `loop`: the edge starts and ends at the same node.
 */
export type RoutedEdge<E> = E & { points: Point[]; reversed: boolean; loop: boolean };

export interface Layout<N, E> {
  nodes: PlacedNode<N>[];
  /** Edges whose ends are both nodes of the graph, in input order; others are left out. */
  edges: RoutedEdge<E>[];
  width: number;
  height: number;
  layerCount: number;
}

/** Lays out `nodes` and `edges` (by node id). The first node with an id owns it; deterministic for equal input. */
export function layoutGraph<N extends LayoutNodeInput, E extends LayoutEdgeInput>(
  nodes: readonly N[],
  edges: readonly E[],
  options: Partial<LayoutOptions> = {},
): Layout<N, E> {
  const settings = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const indexOf = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, i);
  });

  const links: Link[] = [];
  for (const edge of edges) {
    const source = indexOf.get(edge.from);
    const target = indexOf.get(edge.to);
    if (source !== undefined && target !== undefined) links.push({ source, target, reversed: false });
  }

  markBackEdges(nodes.length, links);
  const layerOf = longestPathLayers(nodes.length, links);
  const blocks: Block[] = [];
  const loners: number[] = [];
  for (const component of connectedComponents(nodes.length, links)) {
    if (component.nodes.length === 1) loners.push(component.nodes[0]!);
    else blocks.push(layOutComponent(component, layerOf, settings));
  }
  if (loners.length > 0) blocks.push(gridOf(loners, links, blocks, settings));
  return assemble(nodes, edges.filter((edge) => indexOf.has(edge.from) && indexOf.has(edge.to)), links, layerOf, blocks, settings);
}

/** Space kept above a node for a self-loop drawn over it. */
const LOOP_ROOM = 16;

/** A part of the drawing laid out on its own, with coordinates relative to its top-left corner. */
interface Block {
  width: number;
  height: number;
  members: Array<{ node: number; x: number; y: number; order: number }>;
  /** Bend points of the block's long edges. */
  bends: Map<Link, Point[]>;
}

/** Weakly connected components, each with its links, in the order of their first node. */
function connectedComponents(count: number, links: readonly Link[]): Array<{ nodes: number[]; links: Link[] }> {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[node] !== root) {
      const next = parent[node]!;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  for (const link of links) {
    const [a, b] = [find(link.source), find(link.target)];
    // The smaller index stays the root, so a component is named by its first node.
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const byRoot = new Map<number, { nodes: number[]; links: Link[] }>();
  for (let node = 0; node < count; node++) {
    const root = find(node);
    let component = byRoot.get(root);
    if (!component) byRoot.set(root, (component = { nodes: [], links: [] }));
    component.nodes.push(node);
  }
  for (const link of links) byRoot.get(find(link.source))!.links.push(link);
  return [...byRoot.values()];
}

/** Layers, order and vertical positions of one connected component. */
function layOutComponent(component: { nodes: number[]; links: Link[] }, layerOf: readonly number[], settings: LayoutOptions): Block {
  const local = new Map(component.nodes.map((node, i) => [node, i]));
  const localLinks: Link[] = component.links.map((link) => ({ source: local.get(link.source)!, target: local.get(link.target)!, reversed: link.reversed }));
  const graph = layeredGraph(
    component.nodes.map((node) => layerOf[node]!),
    localLinks,
    settings,
  );
  orderLayers(graph, settings.sweeps);
  const center = verticalCenters(graph, settings);

  const loopRoom = component.links.some((link) => link.source === link.target) ? LOOP_ROOM : 0;
  let top = Infinity;
  let bottom = -Infinity;
  for (let node = 0; node < graph.layerOf.length; node++) {
    top = Math.min(top, center[node]! - graph.heights[node]! / 2);
    bottom = Math.max(bottom, center[node]! + graph.heights[node]! / 2);
  }
  const shift = loopRoom - top;
  const columnX = (node: number) => graph.layerOf[node]! * (settings.nodeWidth + settings.layerGap);
  const order = new Array<number>(graph.layerOf.length).fill(0);
  for (const layer of graph.layers) layer.forEach((node, i) => (order[node] = i));

  const bends = new Map<Link, Point[]>();
  localLinks.forEach((localLink, i) => {
    if (!localLink.chain) return;
    // A dummy stands for the whole column it crosses: run level through it, clear of the nodes.
    const points = localLink.chain.flatMap((dummy) => [
      { x: columnX(dummy), y: center[dummy]! + shift },
      { x: columnX(dummy) + settings.nodeWidth, y: center[dummy]! + shift },
    ]);
    bends.set(component.links[i]!, points);
  });
  return {
    width: graph.layers.length * settings.nodeWidth + (graph.layers.length - 1) * settings.layerGap,
    height: bottom - top + loopRoom,
    members: component.nodes.map((node, i) => ({ node, x: columnX(i), y: center[i]! + shift - settings.nodeHeight / 2, order: order[i]! })),
    bends,
  };
}

/** Nodes without edges, row by row in input order, about as wide as the widest component. */
function gridOf(loners: readonly number[], links: readonly Link[], blocks: readonly Block[], settings: LayoutOptions): Block {
  const cellWidth = settings.nodeWidth + 2 * settings.nodeGap;
  const cellHeight = settings.nodeHeight + settings.nodeGap;
  const widest = blocks.reduce((most, block) => Math.max(most, block.width), 0);
  const columns = Math.min(loners.length, Math.max(1, Math.floor((widest + 2 * settings.nodeGap) / cellWidth), Math.ceil(Math.sqrt(loners.length / 3))));
  const rows = Math.ceil(loners.length / columns);
  const looped = new Set(links.filter((link) => link.source === link.target).map((link) => link.source));
  const loopRoom = loners.some((node) => looped.has(node)) ? LOOP_ROOM : 0;
  return {
    width: columns * cellWidth - 2 * settings.nodeGap,
    height: rows * cellHeight - settings.nodeGap + loopRoom,
    members: loners.map((node, i) => ({ node, x: (i % columns) * cellWidth, y: loopRoom + Math.floor(i / columns) * cellHeight, order: i })),
    bends: new Map(),
  };
}

/** Stacks the blocks top to bottom and routes every edge through the final positions. */
function assemble<N extends LayoutNodeInput, E extends LayoutEdgeInput>(
  nodes: readonly N[],
  edges: readonly E[],
  links: readonly Link[],
  layerOf: readonly number[],
  blocks: readonly Block[],
  settings: LayoutOptions,
): Layout<N, E> {
  const { nodeWidth: width, nodeHeight: height, margin } = settings;
  const at = new Array<{ x: number; y: number; order: number }>(nodes.length);
  const bends = new Map<Link, Point[]>();
  let top = margin;
  let widest = 0;
  for (const block of blocks) {
    for (const member of block.members) at[member.node] = { x: margin + member.x, y: top + member.y, order: member.order };
    for (const [link, points] of block.bends) bends.set(link, points.map((point) => ({ x: margin + point.x, y: top + point.y })));
    top += block.height + 2 * settings.nodeGap;
    widest = Math.max(widest, block.width);
  }

  const placed = nodes.map((node, i): PlacedNode<N> => ({ ...node, x: at[i]!.x, y: at[i]!.y, width, height, layer: layerOf[i]!, order: at[i]!.order }));

  const routed = links.map((link, i): RoutedEdge<E> => {
    const edge = edges[i]!;
    if (link.source === link.target) return { ...edge, points: loopRoute(placed[link.source]!), reversed: false, loop: true };
    const [leftEnd, rightEnd] = oriented(link);
    const [from, to] = [placed[leftEnd]!, placed[rightEnd]!];
    // An edge running back leaves and enters below the middle, so A→B and B→A stay two lines.
    const drop = link.reversed ? height / 4 : 0;
    const points: Point[] = [{ x: from.x + width, y: from.y + height / 2 + drop }, ...(bends.get(link) ?? []), { x: to.x, y: to.y + height / 2 + drop }];
    if (link.reversed) points.reverse();
    return { ...edge, points, reversed: link.reversed, loop: false };
  });

  return {
    nodes: placed,
    edges: routed,
    width: widest + 2 * margin,
    height: blocks.length === 0 ? 2 * margin : top - 2 * settings.nodeGap + margin,
    layerCount: layerOf.reduce((most, layer) => Math.max(most, layer + 1), 0),
  };
}

/** Out of the right side, over the top, back down into the top edge. */
function loopRoute(node: { x: number; y: number; width: number; height: number }): Point[] {
  const right = node.x + node.width;
  const level = node.y + node.height / 2 - 8;
  return [
    { x: right, y: level },
    { x: right + 14, y: level },
    { x: right + 14, y: node.y - 12 },
    { x: right - 28, y: node.y - 12 },
    { x: right - 28, y: node.y },
  ];
}
