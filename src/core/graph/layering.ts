import type { LayoutOptions } from './layout';

/**
 * The steps of the layered layout (see layout.ts): cycle breaking, layering, dummy points for
 * long edges, crossing reduction and vertical placement. Indices, not ids; all iterative.
 */

export interface Link {
  source: number;
  target: number;
  /** A back edge: laid out from target to source. */
  reversed: boolean;
  /** Virtual nodes the link passes through, left to right (dummies only). */
  chain?: number[];
}

/** An edge of the layout as the layers see it: left end, right end. */
export function oriented(link: Link): [number, number] {
  return link.reversed ? [link.target, link.source] : [link.source, link.target];
}

/** Depth-first search in input order, iteratively; an edge to a node still on the stack closes a cycle. */
export function markBackEdges(count: number, links: Link[]) {
  const outgoing = adjacency(count, links, (link) => link.source);
  const state = new Uint8Array(count); // 0 unseen, 1 on the stack, 2 finished
  const stackNode: number[] = [];
  const stackNext: number[] = [];
  for (let root = 0; root < count; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stackNode.push(root);
    stackNext.push(0);
    while (stackNode.length > 0) {
      const top = stackNode.length - 1;
      const node = stackNode[top]!;
      const out = outgoing[node]!;
      if (stackNext[top]! >= out.length) {
        state[node] = 2;
        stackNode.pop();
        stackNext.pop();
        continue;
      }
      const link = links[out[stackNext[top]!++]!]!;
      if (link.source === link.target) continue;
      if (state[link.target] === 1) link.reversed = true;
      else if (state[link.target] === 0) {
        state[link.target] = 1;
        stackNode.push(link.target);
        stackNext.push(0);
      }
    }
  }
}

/** Per node, the indexes of the links `end` assigns to it, in link order. */
function adjacency(count: number, links: readonly Link[], end: (link: Link) => number): number[][] {
  const lists: number[][] = Array.from({ length: count }, () => []);
  links.forEach((link, i) => lists[end(link)]!.push(i));
  return lists;
}

/** Kahn's order over the oriented (acyclic) links; each node one layer right of its furthest predecessor. */
export function longestPathLayers(count: number, links: readonly Link[]): number[] {
  const layer = new Array<number>(count).fill(0);
  const indegree = new Array<number>(count).fill(0);
  const outgoing: number[][] = Array.from({ length: count }, () => []);
  for (const link of links) {
    if (link.source === link.target) continue;
    const [left, right] = oriented(link);
    outgoing[left]!.push(right);
    indegree[right]!++;
  }
  const queue: number[] = [];
  for (let i = 0; i < count; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of outgoing[node]!) {
      layer[next] = Math.max(layer[next]!, layer[node]! + 1);
      if (--indegree[next]! === 0) queue.push(next);
    }
  }
  return layer;
}

/** Real nodes first (`0..realCount-1`), then dummies; `up`/`down` link neighbours in adjacent layers. */
export interface LayeredGraph {
  realCount: number;
  layerOf: number[];
  heights: number[];
  up: number[][];
  down: number[][];
  /** Node ids per layer, in the current order. */
  layers: number[][];
}

export function layeredGraph(layerOfReal: readonly number[], links: Link[], settings: LayoutOptions): LayeredGraph {
  const realCount = layerOfReal.length;
  const layerOf = [...layerOfReal];
  const heights = new Array<number>(realCount).fill(settings.nodeHeight);
  const up: number[][] = Array.from({ length: realCount }, () => []);
  const down: number[][] = Array.from({ length: realCount }, () => []);
  const connect = (left: number, right: number) => {
    down[left]!.push(right);
    up[right]!.push(left);
  };
  let dummies = 0;
  for (const link of links) {
    if (link.source === link.target) continue;
    const [left, right] = oriented(link);
    const span = layerOf[right]! - layerOf[left]!;
    if (span === 1) connect(left, right);
    else if (dummies + span - 1 <= settings.maxDummies) {
      link.chain = [];
      let previous = left;
      for (let step = 1; step < span; step++) {
        const dummy = layerOf.length;
        layerOf.push(layerOf[left]! + step);
        heights.push(0);
        up.push([]);
        down.push([]);
        link.chain.push(dummy);
        connect(previous, dummy);
        previous = dummy;
      }
      connect(previous, right);
      dummies += span - 1;
    }
    // Beyond the budget a long edge is drawn straight and takes no part in ordering.
  }
  const layerCount = layerOfReal.reduce((most, layer) => Math.max(most, layer + 1), 0);
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (let node = 0; node < layerOf.length; node++) layers[layerOf[node]!]!.push(node);
  return { realCount, layerOf, heights, up, down, layers };
}

/** Barycenter sweeps; the order with the fewest crossings wins (the first one on a tie). */
export function orderLayers(graph: LayeredGraph, sweeps: number) {
  const position = new Array<number>(graph.layerOf.length).fill(0);
  const index = () => {
    for (const layer of graph.layers) layer.forEach((node, i) => (position[node] = i));
  };
  index();
  let best = graph.layers.map((layer) => [...layer]);
  let bestCrossings = totalCrossings(graph, position);
  for (let round = 0; round < sweeps && bestCrossings > 0; round++) {
    for (let l = 1; l < graph.layers.length; l++) sortByBarycenter(graph.layers[l]!, graph.up, position);
    for (let l = graph.layers.length - 2; l >= 0; l--) sortByBarycenter(graph.layers[l]!, graph.down, position);
    const crossings = totalCrossings(graph, position);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = graph.layers.map((layer) => [...layer]);
    }
  }
  graph.layers = best;
}

/** Sorts one layer by the mean position of its neighbours; a node without any keeps its place. */
function sortByBarycenter(layer: number[], neighbours: readonly number[][], position: number[]) {
  const key = new Map<number, number>();
  for (const node of layer) {
    const around = neighbours[node]!;
    key.set(node, around.length === 0 ? position[node]! : around.reduce((sum, other) => sum + position[other]!, 0) / around.length);
  }
  layer.sort((a, b) => key.get(a)! - key.get(b)! || position[a]! - position[b]!);
  layer.forEach((node, i) => (position[node] = i));
}

/** Crossings between every pair of adjacent layers, counted as inversions with a Fenwick tree. */
function totalCrossings(graph: LayeredGraph, position: readonly number[]): number {
  let total = 0;
  for (let l = 0; l + 1 < graph.layers.length; l++) {
    const pairs: Array<[number, number]> = [];
    for (const node of graph.layers[l]!) for (const next of graph.down[node]!) pairs.push([position[node]!, position[next]!]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const size = graph.layers[l + 1]!.length;
    const tree = new Array<number>(size + 1).fill(0);
    let seen = 0;
    for (const [, lower] of pairs) {
      // Edges seen so far that end below this one cross it.
      let atOrBefore = 0;
      for (let i = lower + 1; i > 0; i -= i & -i) atOrBefore += tree[i]!;
      total += seen - atOrBefore;
      for (let i = lower + 1; i <= size; i += i & -i) tree[i]!++;
      seen++;
    }
  }
  return total;
}

/** The vertical center of every virtual node. */
export function verticalCenters(graph: LayeredGraph, settings: LayoutOptions): number[] {
  const center = new Array<number>(graph.layerOf.length).fill(0);
  const separation = (a: number, b: number) =>
    (graph.heights[a]! + graph.heights[b]!) / 2 + (graph.heights[a]! > 0 && graph.heights[b]! > 0 ? settings.nodeGap : settings.edgeGap);

  for (const layer of graph.layers) {
    let y = 0;
    layer.forEach((node, i) => {
      if (i > 0) y += separation(layer[i - 1]!, node);
      center[node] = y;
    });
    for (const node of layer) center[node]! -= y / 2;
  }

  const pull = (neighbours: (node: number) => readonly number[]) => (layer: number[]) => {
    const desired = layer.map((node) => {
      const around = neighbours(node);
      return around.length === 0 ? center[node]! : around.reduce((sum, other) => sum + center[other]!, 0) / around.length;
    });
    // Dummies weigh more, so long edges run straight and nodes bend around them.
    const weights = layer.map((node) => (node >= graph.realCount ? 2 : 1));
    const placed = spacedNearest(desired, weights, layer.map((node, i) => (i === 0 ? 0 : separation(layer[i - 1]!, node))));
    layer.forEach((node, i) => (center[node] = placed[i]!));
  };
  const fromLeft = pull((node) => graph.up[node]!);
  const fromRight = pull((node) => graph.down[node]!);
  const fromBoth = pull((node) => [...graph.up[node]!, ...graph.down[node]!]);
  for (let round = 0; round < 4; round++) {
    for (let l = 1; l < graph.layers.length; l++) fromLeft(graph.layers[l]!);
    for (let l = graph.layers.length - 2; l >= 0; l--) fromRight(graph.layers[l]!);
  }
  for (const layer of graph.layers) fromBoth(layer);
  return center;
}

/**
 * Positions as close as possible (least squares) to `desired`, in the same order, each at least
 * `gaps[i]` below the previous one. Subtracting the running gap turns it into isotonic regression.
 */
export function spacedNearest(desired: readonly number[], weights: readonly number[], gaps: readonly number[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  desired.forEach((_, i) => {
    offset += i === 0 ? 0 : gaps[i]!;
    offsets.push(offset);
  });
  // Pool adjacent violators: blocks of equal value, merged while one would sit above its predecessor.
  const blockValue: number[] = [];
  const blockWeight: number[] = [];
  const blockSize: number[] = [];
  desired.forEach((value, i) => {
    let weight = weights[i]!;
    let sum = (value - offsets[i]!) * weight;
    let size = 1;
    while (blockValue.length > 0 && blockValue[blockValue.length - 1]! >= sum / weight) {
      const w = blockWeight.pop()!;
      sum += blockValue.pop()! * w;
      weight += w;
      size += blockSize.pop()!;
    }
    blockValue.push(sum / weight);
    blockWeight.push(weight);
    blockSize.push(size);
  });
  const result: number[] = [];
  blockValue.forEach((value, block) => {
    for (let k = 0; k < blockSize[block]!; k++) result.push(value + offsets[result.length]!);
  });
  return result;
}
