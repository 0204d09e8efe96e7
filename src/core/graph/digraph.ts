/**
 * A directed graph over nodes 0..n-1 in compressed adjacency form, so that workspaces of
 * tens of thousands of phases stay in a few typed arrays.
 */
export interface Digraph {
  readonly size: number;
  /** Targets of node `u` are `targets[offsets[u]] … targets[offsets[u + 1] - 1]`. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/**
 * Builds a graph from parallel `from`/`to` lists; repeated pairs and self-loops are dropped.
 * Each node's targets keep the order of the input.
 */
export function digraphFromPairs(size: number, from: ArrayLike<number>, to: ArrayLike<number>): Digraph {
  const grouped = groupBy(size, from, to);
  // A node's repeated targets are adjacent in `grouped` only by chance; a stamp per target
  // (the last source that listed it) drops repeats without a set.
  const lastSource = new Int32Array(size).fill(-1);
  const offsets = new Int32Array(size + 1);
  const targets = new Int32Array(grouped.targets.length);
  let count = 0;
  for (let u = 0; u < size; u++) {
    offsets[u] = count;
    for (let e = grouped.offsets[u]!; e < grouped.offsets[u + 1]!; e++) {
      const v = grouped.targets[e]!;
      if (v === u || lastSource[v] === u) continue;
      lastSource[v] = u;
      targets[count++] = v;
    }
  }
  offsets[size] = count;
  return { size, offsets, targets: targets.subarray(0, count) };
}

/** Counting sort of `values` by `keys` into compressed form: the values of key k, in input order. */
export function groupBy(size: number, keys: ArrayLike<number>, values: ArrayLike<number>): Digraph {
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < keys.length; i++) offsets[keys[i]! + 1]!++;
  for (let k = 0; k < size; k++) offsets[k + 1]! += offsets[k]!;
  const fill = offsets.slice(0, size);
  const targets = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) targets[fill[keys[i]!]!++] = values[i]!;
  return { size, offsets, targets };
}

/**
 * Strongly connected components (Tarjan), iterative so that a 100,000-long chain cannot
 * overflow the stack. Returns the component number of every node.
 */
export function stronglyConnected(graph: Digraph): { component: Int32Array; count: number } {
  const { size, offsets, targets } = graph;
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const component = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size);
  let stackTop = 0;
  // The explicit call stack: the node and how far through its targets we are.
  const callNode = new Int32Array(size);
  const callEdge = new Int32Array(size);
  let nextIndex = 0;
  let count = 0;

  for (let root = 0; root < size; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root]!;
    index[root] = low[root] = nextIndex++;
    stack[stackTop++] = root;
    onStack[root] = 1;

    while (depth >= 0) {
      const u = callNode[depth]!;
      const edge = callEdge[depth]!;
      if (edge < offsets[u + 1]!) {
        callEdge[depth] = edge + 1;
        const v = targets[edge]!;
        if (index[v] === -1) {
          index[v] = low[v] = nextIndex++;
          stack[stackTop++] = v;
          onStack[v] = 1;
          depth++;
          callNode[depth] = v;
          callEdge[depth] = offsets[v]!;
        } else if (onStack[v]) {
          low[u] = Math.min(low[u]!, index[v]!);
        }
        continue;
      }
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = stack[--stackTop]!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== u);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[u]!);
      }
    }
  }
  return { component, count };
}

/** The nodes of each component, in node order. */
export function componentMembers(component: Int32Array, count: number): Digraph {
  const nodes = new Int32Array(component.length);
  for (let node = 0; node < nodes.length; node++) nodes[node] = node;
  return groupBy(count, component, nodes);
}
