import { runToEnd, type Steps } from '../steps';
import { componentMembers, groupBy, type Digraph } from './digraph';

/** Components placed between two pauses of `topologicalOrderInSteps`. */
const COMPONENTS_PER_STEP = 2_000;

/**
 * Dependencies before dependents. Edges go dependent → dependency. Among nodes that are free
 * to go, the one earliest in workspace order goes first, so the order reads like the documents;
 * the members of one cycle (strongly connected component) go together, in workspace order.
 */
export function topologicalOrder(graph: Digraph, component: Int32Array, componentCount: number): Int32Array {
  return runToEnd(topologicalOrderInSteps(graph, component, componentCount));
}

/**
 * `topologicalOrder`, pausing every two thousand components (see steps.ts): over the tens of
 * thousands of phases of a large workspace, the heap work takes tens of milliseconds before
 * the JIT has compiled it.
 */
export function* topologicalOrderInSteps(graph: Digraph, component: Int32Array, componentCount: number): Steps<Int32Array> {
  const { size, offsets, targets } = graph;
  const members = componentMembers(component, componentCount);

  // Component-level edges, dependency → dependent, counted with repeats on both sides.
  const waitingFor = new Int32Array(componentCount);
  const dependencyComponents: number[] = [];
  const dependentComponents: number[] = [];
  for (let u = 0; u < size; u++) {
    const cu = component[u]!;
    for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
      const cv = component[targets[e]!]!;
      if (cu === cv) continue;
      waitingFor[cu]!++;
      dependencyComponents.push(cv);
      dependentComponents.push(cu);
    }
  }
  const dependents = groupBy(componentCount, dependencyComponents, dependentComponents);

  // A component's place among ready ones is that of its first member.
  const firstMember = new Int32Array(componentCount);
  for (let c = 0; c < componentCount; c++) firstMember[c] = members.targets[members.offsets[c]!]!;
  const heap = new MinHeap(firstMember, componentCount);
  for (let c = 0; c < componentCount; c++) if (waitingFor[c] === 0) heap.push(c);
  yield;

  const order = new Int32Array(size);
  let placed = 0;
  for (let popped = 1; heap.size > 0; popped++) {
    if (popped % COMPONENTS_PER_STEP === 0) yield;
    const c = heap.pop();
    for (let m = members.offsets[c]!; m < members.offsets[c + 1]!; m++) order[placed++] = members.targets[m]!;
    for (let d = dependents.offsets[c]!; d < dependents.offsets[c + 1]!; d++) {
      const dependent = dependents.targets[d]!;
      if (--waitingFor[dependent]! === 0) heap.push(dependent);
    }
  }
  return order;
}

/** A binary min-heap of ids ordered by a fixed priority per id. */
class MinHeap {
  private readonly items: Int32Array;
  size = 0;

  constructor(
    private readonly priority: Int32Array,
    capacity: number,
  ) {
    this.items = new Int32Array(capacity);
  }

  push(id: number): void {
    const { items, priority } = this;
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (priority[items[up]!]! <= priority[id]!) break;
      items[i] = items[up]!;
      i = up;
    }
    items[i] = id;
  }

  pop(): number {
    const { items, priority } = this;
    const top = items[0]!;
    const last = items[--this.size]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && priority[items[right]!]! < priority[items[left]!]! ? right : left;
      if (priority[items[child]!]! >= priority[last]!) break;
      items[i] = items[child]!;
      i = child;
    }
    if (this.size > 0) items[i] = last;
    return top;
  }
}
