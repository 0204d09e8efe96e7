import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spacedNearest } from '../../../src/core/graph/layering';
import { DEFAULT_LAYOUT_OPTIONS, layoutGraph, type Layout, type LayoutEdgeInput, type LayoutNodeInput } from '../../../src/core/graph/layout';

type Drawn = Layout<LayoutNodeInput, LayoutEdgeInput>;

const nodesOf = (...ids: string[]) => ids.map((id) => ({ id }));
const edge = (from: string, to: string) => ({ from, to });

/** A small deterministic generator, so the big graphs are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Every property a drawing must have, whatever the graph. */
function assertWellFormed(drawn: Drawn, input: { nodes: LayoutNodeInput[]; edges: LayoutEdgeInput[] }) {
  assert.equal(drawn.nodes.length, input.nodes.length);
  const byId = new Map(drawn.nodes.map((node) => [node.id, node]));
  for (const node of drawn.nodes) {
    for (const value of [node.x, node.y, node.width, node.height]) assert.ok(Number.isFinite(value), `${node.id} has a finite box`);
    assert.ok(node.x >= 0 && node.y >= 0, `${node.id} lies inside the drawing`);
    assert.ok(node.x + node.width <= drawn.width + 1e-6 && node.y + node.height <= drawn.height + 1e-6, `${node.id} fits the drawing`);
  }
  // Dependencies stand left of what builds on them; only edges that close a cycle run back.
  for (const routed of drawn.edges) {
    const from = byId.get(routed.from)!;
    const to = byId.get(routed.to)!;
    if (routed.loop) assert.equal(from, to);
    else if (routed.reversed) assert.ok(to.layer < from.layer, `${routed.from}→${routed.to} runs back`);
    else assert.ok(from.layer < to.layer, `${routed.from}→${routed.to} runs forward`);
    assert.ok(routed.points.length >= 2);
    for (const point of routed.points) assert.ok(Number.isFinite(point.x) && Number.isFinite(point.y));
  }
  // Within a connected part, the nodes of one layer form a column, in their order, never overlapping.
  const part = componentsOf(input);
  const columns = new Map<string, typeof drawn.nodes>();
  for (const node of drawn.nodes) {
    const key = `${part.get(node.id)}/${node.layer}`;
    columns.set(key, [...(columns.get(key) ?? []), node]);
  }
  for (const column of columns.values()) {
    const sorted = [...column].sort((a, b) => a.order - b.order);
    sorted.forEach((node, i) => {
      assert.equal(node.x, sorted[0]!.x, 'one layer, one column');
      if (i > 0) assert.ok(node.y >= sorted[i - 1]!.y + sorted[i - 1]!.height + DEFAULT_LAYOUT_OPTIONS.nodeGap - 1e-6, `${node.id} clears the node above`);
    });
  }
  // No two boxes overlap anywhere (sweep by x keeps this fast on big graphs).
  const byX = [...drawn.nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < byX.length; i++) {
    for (let j = i + 1; j < byX.length && byX[j]!.x < byX[i]!.x + byX[i]!.width; j++) {
      const [a, b] = [byX[i]!, byX[j]!];
      assert.ok(a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} and ${b.id} overlap`);
    }
  }
  // The drawn edges are the input edges between known nodes, in input order.
  assert.deepEqual(
    drawn.edges.map((routed) => `${routed.from}>${routed.to}`),
    input.edges.filter((e) => byId.has(e.from) && byId.has(e.to)).map((e) => `${e.from}>${e.to}`),
  );
}

/** Connected part of every node (by the input's edges), named by its first node's id. */
function componentsOf(input: { nodes: LayoutNodeInput[]; edges: LayoutEdgeInput[] }): Map<string, string> {
  const part = new Map(input.nodes.map((node) => [node.id, node.id]));
  const root = (id: string): string => {
    while (part.get(id) !== id) id = part.get(id)!;
    return id;
  };
  for (const e of input.edges) {
    if (!part.has(e.from) || !part.has(e.to)) continue;
    const [a, b] = [root(e.from), root(e.to)];
    if (a !== b) part.set(b, a);
  }
  return new Map(input.nodes.map((node) => [node.id, root(node.id)]));
}

describe('graph: layered layout', () => {
  it('puts every node one layer right of its furthest dependency (longest path)', () => {
    const input = { nodes: nodesOf('a', 'b', 'c', 'd', 'e'), edges: [edge('a', 'b'), edge('b', 'c'), edge('a', 'c'), edge('c', 'd'), edge('e', 'd')] };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    assert.deepEqual(
      drawn.nodes.map((node) => [node.id, node.layer]),
      [['a', 0], ['b', 1], ['c', 2], ['d', 3], ['e', 0]],
    );
    assert.equal(drawn.layerCount, 4);
    assert.ok(drawn.edges.every((routed) => !routed.reversed));
  });

  it('routes edges from the right side of the dependency to the left side of the dependent', () => {
    const drawn = layoutGraph(nodesOf('a', 'b'), [edge('a', 'b')]);
    const [a, b] = drawn.nodes;
    const [route] = drawn.edges;
    assert.deepEqual(route!.points[0], { x: a!.x + a!.width, y: a!.y + a!.height / 2 });
    assert.deepEqual(route!.points.at(-1), { x: b!.x, y: b!.y + b!.height / 2 });
  });

  it('bends a long edge through the columns it crosses instead of cutting through them', () => {
    const input = { nodes: nodesOf('a', 'b', 'c', 'd'), edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('a', 'd')] };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    const long = drawn.edges.find((routed) => routed.from === 'a' && routed.to === 'd')!;
    // Two points per column crossed (layers 1 and 2), plus both ends.
    assert.equal(long.points.length, 6);
    const middle = drawn.nodes.filter((node) => node.id === 'b' || node.id === 'c');
    for (const node of middle) {
      const through = long.points.filter((point) => point.x >= node.x && point.x <= node.x + node.width);
      for (const point of through) assert.ok(point.y < node.y || point.y > node.y + node.height, `the edge passes ${node.id} outside its box`);
    }
  });

  it('breaks cycles at a back edge and draws it running backwards', () => {
    const input = { nodes: nodesOf('a', 'b', 'c'), edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')] };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    assert.deepEqual(
      drawn.edges.map((routed) => routed.reversed),
      [false, false, true],
    );
    const back = drawn.edges[2]!;
    const [c, a] = [drawn.nodes[2]!, drawn.nodes[0]!];
    // It leaves c on its left side and enters a on its right side, below the middle where forward edges run.
    assert.equal(back.points[0]!.x, c.x);
    assert.equal(back.points.at(-1)!.x, a.x + a.width);
    for (const [end, node] of [[back.points[0]!, c], [back.points.at(-1)!, a]] as const) {
      assert.ok(end.y > node.y + node.height / 2 && end.y < node.y + node.height);
    }
  });

  it('survives self-references, mutual dependencies and complete graphs', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `n${i}`);
    const edges = ids.flatMap((from) => ids.map((to) => edge(from, to)));
    const input = { nodes: nodesOf(...ids), edges };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    assert.equal(drawn.edges.filter((routed) => routed.loop).length, 30);
    const loop = drawn.edges.find((routed) => routed.loop)!;
    assert.ok(loop.points.every((point) => point.y >= 0), 'a self-loop stays inside the drawing');
  });

  it('orders a layer so that edges do not cross when they need not', () => {
    // Input order puts c above d, which would cross a→d and b→c.
    const drawn = layoutGraph(nodesOf('r', 'a', 'b', 'c', 'd'), [edge('r', 'a'), edge('r', 'b'), edge('a', 'd'), edge('b', 'c')]);
    const y = new Map(drawn.nodes.map((node) => [node.id, node.y]));
    assert.equal(new Set(drawn.nodes.filter((node) => node.layer === 2).map((node) => node.x)).size, 1, 'c and d share a column');
    assert.equal(y.get('a')! < y.get('b')!, y.get('d')! < y.get('c')!, 'a and d on the same side of b and c');
  });

  it('drops edges that name unknown nodes and draws an empty graph as an empty page', () => {
    const input = { nodes: nodesOf('a'), edges: [edge('a', 'zz'), edge('zz', 'a')] };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    assert.equal(drawn.edges.length, 0);
    const empty = layoutGraph([], []);
    assert.deepEqual([empty.nodes, empty.edges, empty.layerCount], [[], [], 0]);
  });

  it('stacks unconnected parts top to bottom in input order, each starting at the left', () => {
    const input = { nodes: nodesOf('a1', 'b1', 'a2', 'b2'), edges: [edge('a1', 'a2'), edge('b1', 'b2')] };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    const [a1, b1, a2, b2] = drawn.nodes;
    assert.equal(a1!.x, b1!.x);
    assert.ok(Math.max(a1!.y, a2!.y) + a1!.height <= Math.min(b1!.y, b2!.y), 'the a-part stands above the b-part');
    assert.equal(a1!.y, a2!.y, 'a chain runs level');
  });

  it('puts phases without any dependency in a grid, not one endless column', () => {
    const loners = Array.from({ length: 120 }, (_, i) => `solo${i}`);
    const input = { nodes: nodesOf('a', 'b', 'c', 'd', ...loners), edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'd')] };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    const chainBottom = Math.max(...drawn.nodes.slice(0, 4).map((node) => node.y + node.height));
    const solos = drawn.nodes.slice(4);
    assert.ok(solos.every((node) => node.y > chainBottom), 'below the connected parts');
    const columns = new Set(solos.map((node) => node.x)).size;
    assert.ok(columns >= 4, `${columns} columns`);
    assert.ok(drawn.height < 40 * (DEFAULT_LAYOUT_OPTIONS.nodeHeight + DEFAULT_LAYOUT_OPTIONS.nodeGap), `${drawn.height} px tall`);
    // Row by row in input order.
    assert.ok(solos[0]!.y === solos[1]!.y && solos[0]!.x < solos[1]!.x);
  });

  it('lays out a chain far deeper than any call stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `c${i}`);
    const edges = ids.slice(1).map((id, i) => edge(ids[i]!, id));
    edges.push(edge(ids.at(-1)!, ids[0]!));
    const drawn = layoutGraph(nodesOf(...ids), edges);
    assert.equal(drawn.layerCount, ids.length);
    assert.equal(drawn.edges.filter((routed) => routed.reversed).length, 1);
  });

  it('lays out 1,000 phases with cycles and long edges, every invariant holding', () => {
    const next = random(42);
    const ids = Array.from({ length: 1000 }, (_, i) => `p${i}`);
    const edges: LayoutEdgeInput[] = [];
    ids.forEach((id, i) => {
      const count = Math.floor(next() * 4);
      for (let k = 0; k < count && i > 0; k++) edges.push(edge(ids[Math.floor(next() * i)]!, id));
      // A few references run the other way, closing cycles.
      if (next() < 0.02 && i > 0) edges.push(edge(id, ids[Math.floor(next() * i)]!));
    });
    const input = { nodes: nodesOf(...ids), edges };
    const drawn = layoutGraph(input.nodes, input.edges);
    assertWellFormed(drawn, input);
    assert.ok(drawn.edges.some((routed) => routed.reversed), 'the generated graph has cycles to break');
  });

  it('keeps the number of bend points bounded on a graph built to explode it', () => {
    // A chain of 400 plus an edge from its head to every member: ~80,000 dummy points unbounded.
    const ids = Array.from({ length: 400 }, (_, i) => `c${i}`);
    const edges = [...ids.slice(1).map((id, i) => edge(ids[i]!, id)), ...ids.slice(2).map((id) => edge(ids[0]!, id))];
    const input = { nodes: nodesOf(...ids), edges };
    const drawn = layoutGraph(input.nodes, input.edges, { maxDummies: 5000 });
    assertWellFormed(drawn, input);
    const bends = drawn.edges.reduce((sum, routed) => sum + routed.points.length - 2, 0);
    assert.ok(bends <= 2 * 5000, `${bends} bend points`);
  });

  it('gives the same drawing for the same input', () => {
    const next = random(7);
    const ids = Array.from({ length: 200 }, (_, i) => `p${i}`);
    const edges = ids.flatMap((id, i) => (i === 0 ? [] : [edge(ids[Math.floor(next() * i)]!, id), edge(id, ids[Math.floor(next() * 200)]!)]));
    assert.deepEqual(layoutGraph(nodesOf(...ids), edges), layoutGraph(nodesOf(...ids), edges));
  });

  it('holds its invariants on any small graph', () => {
    const graphs = fc
      .integer({ min: 0, max: 12 })
      .chain((count) =>
        fc.record({
          count: fc.constant(count),
          pairs: fc.array(fc.tuple(fc.integer({ min: 0, max: Math.max(0, count) }), fc.integer({ min: 0, max: Math.max(0, count) })), { maxLength: 30 }),
        }),
      );
    fc.assert(
      fc.property(graphs, ({ count, pairs }) => {
        // Index `count` names no node: those edges must be dropped.
        const input = { nodes: Array.from({ length: count }, (_, i) => ({ id: `n${i}` })), edges: pairs.map(([a, b]) => edge(`n${a}`, `n${b}`)) };
        assertWellFormed(layoutGraph(input.nodes, input.edges), input);
      }),
    );
  });
});

describe('graph: spacedNearest', () => {
  it('keeps positions that already respect the gaps', () => {
    assert.deepEqual(spacedNearest([0, 50, 200], [1, 1, 1], [0, 40, 40]), [0, 50, 200]);
  });

  it('spreads positions that crowd together around their mean', () => {
    assert.deepEqual(spacedNearest([10, 10, 10], [1, 1, 1], [0, 20, 20]), [-10, 10, 30]);
  });

  it('lets heavier positions move less', () => {
    const [a, b] = spacedNearest([0, 0], [3, 1], [0, 40]);
    assert.equal(b! - a!, 40);
    assert.equal(a, -10);
  });
});
