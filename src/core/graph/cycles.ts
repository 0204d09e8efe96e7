import { componentMembers, type Digraph } from './digraph';

/**
 * Cycles worth reporting: for every node on a cycle, at least one shortest cycle through it.
 * Enumerating every elementary cycle can explode on a dense tangle; covering each node once
 * keeps the report proportional to the phases involved, and every reported cycle is a real,
 * shortest loop a reader can follow. Each cycle comes back rotated so its smallest node
 * (earliest in workspace order) is first, with the node its search started from (`start`):
 * cycles come in the order of their starts, which a graph updated piecewise needs to merge
 * cycles found in separate searches into the order one search would give.
 */
export function coveringCycles(graph: Digraph, component: Int32Array, componentCount: number): Array<{ start: number; path: number[] }> {
  const { size, offsets, targets } = graph;
  const members = componentMembers(component, componentCount);
  const covered = new Uint8Array(size);
  const visitedIn = new Int32Array(size).fill(-1);
  const parent = new Int32Array(size);
  const queue = new Int32Array(size);
  const cycles: Array<{ start: number; path: number[] }> = [];
  let search = 0;

  for (let start = 0; start < size; start++) {
    const own = component[start]!;
    if (covered[start] || members.offsets[own + 1]! - members.offsets[own]! < 2) continue;
    search++;
    // Breadth first from `start` inside its component until an edge leads back to it.
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    visitedIn[start] = search;
    let closing = -1;
    while (head < tail && closing === -1) {
      const u = queue[head++]!;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = targets[e]!;
        if (component[v] !== own) continue;
        if (v === start) {
          closing = u;
          break;
        }
        if (visitedIn[v] === search) continue;
        visitedIn[v] = search;
        parent[v] = u;
        queue[tail++] = v;
      }
    }
    // A component of two or more nodes always has a cycle through each of them.
    const path: number[] = [];
    for (let node = closing; node !== start; node = parent[node]!) path.push(node);
    path.push(start);
    path.reverse();
    for (const node of path) covered[node] = 1;
    cycles.push({ start, path: rotateToSmallest(path) });
  }
  return cycles;
}

function rotateToSmallest(path: number[]): number[] {
  let smallest = 0;
  for (let i = 1; i < path.length; i++) if (path[i]! < path[smallest]!) smallest = i;
  return [...path.slice(smallest), ...path.slice(0, smallest)];
}
