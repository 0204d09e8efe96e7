import type { DependencyRef, Phase, Plan } from '../model';
import { partitionPoint } from '../partitionPoint';
import { allPhases, phaseAtLine } from '../phases';
import { runToEnd, type Steps } from '../steps';
import { coveringCycles } from './cycles';
import { digraphFromPairs, stronglyConnected } from './digraph';
import { EMPTY_VIEW } from './fileViews';
import { keysOneEditAway, type Suggestion } from './suggest';
import { topologicalOrder } from './topologicalOrder';
import { readinessOf } from './workspaceIndex';
import type { Cycle, DependencyEdge, FileView, PhaseRef, UnresolvedReference, WorkspaceIndex } from './types';

/**
 * The workspace graph kept up to date plan by plan: what `buildWorkspaceIndex` computes over
 * all plans at once, but an edit to one plan costs what that plan touches, not the workspace.
 *
 * Changing the plan of file f re-resolves the references of:
 * - f itself;
 * - the files with an edge or a "did you mean" suggestion into f (their targets are f's new phases);
 * - the files naming a key whose holders changed (f gained or lost an id): the first phase in
 *   workspace order with that key may be another one now;
 * - the files with an unresolved reference one edit away from such a key (their suggestion).
 * Cycles are searched again only among the phases reachable from the re-resolved files (every
 * cycle that can have changed passes through one of them) and from the members of the cycles
 * this drops (an edit that breaks a large loop can leave a smaller one standing out of its
 * reach, which the dropped cycle was all that covered); the rest are kept. Readiness is
 * read from the edges when asked, so it follows. The topological order, and the whole-workspace
 * lists `edges`/`unresolved`, are assembled only when someone reads them.
 *
 * Each `index` is a snapshot: later updates never change what an earlier snapshot answers
 * (the diagnostics compare the index before and after a change). Updates copy the top-level
 * tables they change when a snapshot shares them, one pointer per file or key.
 *
 * Plans are told apart by `plan.file`: one plan per file. Workspace order is the order of
 * `compareFiles` over the files (the caller's sort), then each plan's phases depth first;
 * `buildWorkspaceIndex` over the plans in that order gives the same answers (the property test).
 */
export interface GraphChange {
  /** Plans added or changed (one per file). */
  set?: readonly Plan[];
  /** Files whose plans are gone. */
  remove?: readonly string[];
}

/** Plans catalogued or re-resolved between two pauses of `updateInSteps`. */
const FILES_PER_STEP = 100;

/** Missing keys whose neighbours are remembered at most (typing an id names a new one per keystroke). */
const MAX_NEAR_KEYS = 10_000;

export class WorkspaceGraph {
  private state: GraphState;
  private shared = false;
  private snapshot: WorkspaceIndex | undefined;

  constructor(
    plans: readonly Plan[] = [],
    private readonly compareFiles: (a: string, b: string) => number = compareStrings,
  ) {
    this.state = emptyState();
    if (plans.length > 0) this.update({ set: plans });
  }

  /** The graph as it is now; the same object until the next update. */
  get index(): WorkspaceIndex {
    if (!this.snapshot) {
      this.snapshot = snapshotOf(this.state, this.compareFiles);
      this.shared = true;
    }
    return this.snapshot;
  }

  /** Number of files whose references the last update resolved again (for tests and the bench). */
  lastRelinked = 0;

  /**
   * Sets the plans of some files (added or changed) and removes others. Returns the files whose
   * findings may differ: those re-resolved and the members of cycles found or lost.
   */
  update(change: GraphChange): Set<string> {
    return runToEnd(this.updateInSteps(change));
  }

  /**
   * `update`, pausing every hundred plans catalogued or re-resolved (see steps.ts): the first
   * update after indexing adds the whole workspace. The graph must not be read or updated
   * until the steps have run to their end.
   */
  *updateInSteps(change: GraphChange): Steps<Set<string>> {
    const changes = (change.set ?? []).some((plan) => this.state.files.get(plan.file)?.plan !== plan) || (change.remove ?? []).some((file) => this.state.files.has(file));
    if (!changes) return new Set();
    if (this.shared) {
      this.state = copyState(this.state);
      this.shared = false;
    }
    this.snapshot = undefined;
    const state = this.state;
    const changedFiles = new Set<string>();
    const changedKeys = new Set<string>();
    for (const file of change.remove ?? []) {
      if (this.removeEntry(file, changedKeys)) changedFiles.add(file);
    }
    for (const plan of change.set ?? []) {
      const old = state.files.get(plan.file);
      if (old?.plan === plan) continue;
      this.setEntry(plan, changedKeys);
      changedFiles.add(plan.file);
      if (changedFiles.size % FILES_PER_STEP === 0) yield;
    }

    // Whose references may resolve (or be suggested) differently now.
    const relink = new Set<string>();
    for (const file of changedFiles) {
      if (state.files.has(file)) relink.add(file);
      for (const from of state.referring.get(file) ?? []) relink.add(from);
    }
    for (const key of changedKeys) {
      // A file with a phase of that key resolves it at home, whoever else gains or loses it.
      for (const from of state.naming.get(key) ?? []) if (!state.files.get(from)?.byKey.has(key)) relink.add(from);
      const colon = key.indexOf(':');
      for (const [missingKey, files] of state.missing) {
        if (!missingKey.startsWith(key.slice(0, colon + 1)) || !oneEditApart(missingKey, key)) continue;
        for (const from of files) relink.add(from);
      }
    }
    for (const file of relink) if (!state.files.has(file)) relink.delete(file);
    this.lastRelinked = relink.size;

    // The keys near a missing key change only with the catalog's keys: a keystroke that keeps
    // every id keeps them, and its plan's broken references need no new search.
    if (changedKeys.size > 0 || this.nearKeys.size > MAX_NEAR_KEYS) this.nearKeys = new Map();
    let done = 0;
    for (const file of relink) {
      this.relink(file);
      if (++done % FILES_PER_STEP === 0) yield;
    }
    yield;
    const affected = new Set([...changedFiles, ...relink]);
    for (const file of this.recomputeCycles(relink, changedFiles)) affected.add(file);
    return affected;
  }

  private removeEntry(file: string, changedKeys: Set<string>): boolean {
    const state = this.state;
    const entry = state.files.get(file);
    if (!entry) return false;
    writable(state, 'files').delete(file);
    writable(state, 'order').splice(this.positionOfFile(file), 1);
    for (const key of entry.byKey.keys()) this.dropHolder(key, file, changedKeys);
    this.unlink(file);
    return true;
  }

  /** Adds or replaces the plan of `plan.file`; only keys it gains or loses change holders. */
  private setEntry(plan: Plan, changedKeys: Set<string>) {
    const state = this.state;
    const entry = catalogPlan(plan);
    const old = state.files.get(plan.file);
    writable(state, 'files').set(plan.file, entry);
    if (!old) writable(state, 'order').splice(this.insertionPoint(plan.file), 0, plan.file);
    for (const key of old?.byKey.keys() ?? []) if (!entry.byKey.has(key)) this.dropHolder(key, plan.file, changedKeys);
    for (const key of entry.byKey.keys()) {
      if (old?.byKey.has(key)) continue;
      const holders = state.holders.get(key);
      if (!holders) {
        writable(state, 'holders').set(key, [plan.file]);
        countKey(state, key, 1);
      } else {
        const at = partitionPoint(holders.length, (i) => this.compareFiles(holders[i]!, plan.file) < 0);
        writable(state, 'holders').set(key, [...holders.slice(0, at), plan.file, ...holders.slice(at)]);
      }
      changedKeys.add(key);
    }
  }

  private dropHolder(key: string, file: string, changedKeys: Set<string>) {
    const state = this.state;
    const holders = state.holders.get(key)!.filter((holder) => holder !== file);
    if (holders.length > 0) writable(state, 'holders').set(key, holders);
    else {
      writable(state, 'holders').delete(key);
      countKey(state, key, -1);
    }
    changedKeys.add(key);
  }

  /** Forgets the links of `file` and its entries in the reverse tables. */
  private unlink(file: string) {
    const state = this.state;
    const links = state.links.get(file);
    if (!links) return;
    writable(state, 'links').delete(file);
    this.reindexLinks('referring', file, links.targetFiles);
    this.reindexLinks('naming', file, links.namedKeys);
    this.reindexLinks('missing', file, links.missingKeys);
  }

  /** Resolves the references of `file` against the current catalog. */
  private relink(file: string) {
    const state = this.state;
    const old = state.links.get(file);
    const entry = state.files.get(file)!;
    const edges: DependencyEdge[] = [];
    const edgeStart = new Int32Array(entry.refs.length + 1);
    const unresolved: UnresolvedReference[] = [];
    const targetFiles = new Set<string>();
    const namedKeys = new Set<string>();
    const missingKeys = new Set<string>();
    entry.refs.forEach((from, node) => {
      edgeStart[node] = edges.length;
      for (const ref of from.phase.dependsOn) {
        namedKeys.add(ref.key);
        const to = resolveIn(state, ref.key, file);
        if (to) {
          edges.push({ from, to, ref });
          if (to.plan.file !== file) targetFiles.add(to.plan.file);
          continue;
        }
        missingKeys.add(ref.key);
        const suggestion = this.suggest(ref.key, file);
        if (suggestion && suggestion.plan.file !== file) targetFiles.add(suggestion.plan.file);
        unresolved.push(suggestion ? { from, ref, suggestion } : { from, ref });
      }
    });
    edgeStart[entry.refs.length] = edges.length;
    writable(state, 'links').set(file, { edges, edgeStart, unresolved, targetFiles, namedKeys, missingKeys });
    // Only what changed: a key named by every plan has a set of a thousand files, copied on its first edit after a snapshot.
    this.reindexLinks('referring', file, old?.targetFiles, targetFiles);
    this.reindexLinks('naming', file, old?.namedKeys, namedKeys);
    this.reindexLinks('missing', file, old?.missingKeys, missingKeys);
  }

  /** Moves `file` in a reverse table from the sets under `before` to those under `after`. */
  private reindexLinks(table: ReverseTable, file: string, before: ReadonlySet<string> = new Set(), after: ReadonlySet<string> = new Set()) {
    for (const key of before) if (!after.has(key)) editSet(this.state, table, key, (files) => files.delete(file));
    for (const key of after) if (!before.has(key)) editSet(this.state, table, key, (files) => files.add(file));
  }

  /** The existing keys near each missing key, until the catalog's keys change (the same id tends to be missing many times). */
  private nearKeys = new Map<string, Suggestion[]>();

  /** "Did you mean": as `catalogPhases`' suggest, over the current catalog. */
  private suggest(missingKey: string, fromFile: string): PhaseRef | undefined {
    const state = this.state;
    let near = this.nearKeys.get(missingKey);
    if (!near) {
      const colon = missingKey.indexOf(':');
      const alphabet = colon > 0 ? state.alphabets.get(missingKey.slice(0, colon)) : undefined;
      near = alphabet ? keysOneEditAway(missingKey, new Set(alphabet.keys()), (key) => state.holders.has(key)) : [];
      this.nearKeys.set(missingKey, near);
    }
    if (near.length === 0) return undefined;
    const own = state.files.get(fromFile)!;
    const ranked = near
      .map(({ key, gap }) => ({ ref: resolveIn(state, key, fromFile)!, own: own.byKey.has(key) ? 0 : 1, gap }))
      .sort((a, b) => a.own - b.own || a.gap - b.gap || this.comparePositions(a.ref, b.ref));
    return ranked[0]?.ref;
  }

  /**
   * Drops the cycles through re-resolved or changed files and searches again among the phases
   * reachable from the re-resolved files and from the surviving members of the cycles dropped.
   * Returns the files of the cycles dropped and found.
   */
  private recomputeCycles(relinked: ReadonlySet<string>, changedFiles: ReadonlySet<string>): Set<string> {
    const state = this.state;
    // Every phase reachable from a re-resolved file: a cycle that changed passes through one of them.
    // A dropped cycle may have been all that covered a loop which still stands apart from the
    // edit (the edit split its component), so what its members reach is searched again too.
    const reachable = new Set<PhaseRef>();
    const stack: PhaseRef[] = [];
    const reach = () => {
      while (stack.length > 0) {
        const ref = stack.pop()!;
        if (reachable.has(ref)) continue;
        reachable.add(ref);
        for (const edge of edgesOf(state, ref)) if (!reachable.has(edge.to)) stack.push(edge.to);
      }
    };
    for (const file of relinked) for (const ref of state.files.get(file)!.refs) stack.push(ref);
    reach();
    const touched = new Set<string>();
    let kept = state.cycles;
    for (let dropped = true; dropped; ) {
      dropped = false;
      kept = kept.filter(({ cycle }) => {
        const stale = cycle.members.some((member) => changedFiles.has(member.plan.file) || relinked.has(member.plan.file) || reachable.has(member));
        if (!stale) return true;
        dropped = true;
        for (const member of cycle.members) {
          touched.add(member.plan.file);
          // Members of changed files are gone or re-resolved (already searched from).
          if (!changedFiles.has(member.plan.file) && !relinked.has(member.plan.file)) stack.push(member);
        }
        return false;
      });
      reach();
    }

    // Strongly connected components of the reachable part are those of the whole graph: a
    // cycle through a reachable phase stays within what that phase reaches.
    const nodes = this.inWorkspaceOrder(reachable);
    const graph = digraphOver(state, nodes);
    const { component, count } = stronglyConnected(graph);
    for (const { start, path } of coveringCycles(graph, component, count)) {
      const members = path.map((node) => nodes[node]!);
      const edges = members.map((member, i) => {
        const next = members[(i + 1) % members.length]!;
        return edgesOf(state, member).find((edge) => edge.to === next)!;
      });
      kept.push({ start: nodes[start]!, cycle: { members, edges } });
      for (const member of members) touched.add(member.plan.file);
    }
    state.cycles = kept.sort((a, b) => this.comparePositions(a.start, b.start));
    return touched;
  }

  /** Sorted by file (one comparison per pair of files, however many phases), then by position in the plan. */
  private inWorkspaceOrder(refs: ReadonlySet<PhaseRef>): PhaseRef[] {
    const byFile = new Map<string, PhaseRef[]>();
    for (const ref of refs) {
      const list = byFile.get(ref.plan.file);
      if (list) list.push(ref);
      else byFile.set(ref.plan.file, [ref]);
    }
    return [...byFile.keys()].sort(this.compareFiles).flatMap((file) => {
      const refOf = this.state.files.get(file)!.refOf;
      return byFile.get(file)!.sort((a, b) => refOf.get(a.phase)! - refOf.get(b.phase)!);
    });
  }

  private comparePositions(a: PhaseRef, b: PhaseRef): number {
    if (a.plan.file !== b.plan.file) return this.compareFiles(a.plan.file, b.plan.file);
    const entry = this.state.files.get(a.plan.file)!;
    return entry.refOf.get(a.phase)! - entry.refOf.get(b.phase)!;
  }

  private positionOfFile(file: string): number {
    const order = this.state.order;
    const at = this.insertionPoint(file);
    if (order[at] !== file) throw new Error(`not in the graph: ${file}`);
    return at;
  }

  private insertionPoint(file: string): number {
    const order = this.state.order;
    return partitionPoint(order.length, (i) => this.compareFiles(order[i]!, file) < 0);
  }
}

/** One plan's phases, numbered depth first, with the lookups resolution needs. */
interface FileEntry {
  readonly plan: Plan;
  readonly refs: readonly PhaseRef[];
  readonly refOf: ReadonlyMap<Phase, number>;
  /** The phases with each key, in order. */
  readonly byKey: ReadonlyMap<string, readonly PhaseRef[]>;
}

/** One plan's references, resolved against the rest of the workspace. */
interface FileLinks {
  /** In phase order; the edges of phase i are edges[edgeStart[i] … edgeStart[i + 1]). */
  readonly edges: readonly DependencyEdge[];
  readonly edgeStart: Int32Array;
  readonly unresolved: readonly UnresolvedReference[];
  /** Other files that an edge or a suggestion points into. */
  readonly targetFiles: ReadonlySet<string>;
  readonly namedKeys: ReadonlySet<string>;
  readonly missingKeys: ReadonlySet<string>;
}

interface GraphState {
  files: Map<string, FileEntry>;
  /** The files in workspace order. */
  order: string[];
  links: Map<string, FileLinks>;
  /** Per key, the files with a phase of that key, in workspace order (replaced, never edited). */
  holders: Map<string, readonly string[]>;
  /** Per kind, how many distinct keys use each character of their numbers (replaced, never edited). */
  alphabets: Map<string, ReadonlyMap<string, number>>;
  /** Per file, the files pointing into it (edges and suggestions). */
  referring: Map<string, Set<string>>;
  /** Per key, the files whose references name it. */
  naming: Map<string, Set<string>>;
  /** Per unresolved key, the files with a reference to it. */
  missing: Map<string, Set<string>>;
  /** With the node each cycle's search started from (the order `buildWorkspaceIndex` gives them in; replaced, never edited). */
  cycles: Array<{ start: PhaseRef; cycle: Cycle }>;
  /** Tables copied since this state was copied: no snapshot sees them, so they may be edited in place. */
  ownTables: Set<Table>;
  /** Sets created since this state was copied: no snapshot sees them, so they may be edited in place. */
  ownSets: WeakSet<Set<string>>;
}

/** The tables an update edits in place, each copied on its first edit after a snapshot. */
type Table = 'files' | 'order' | 'links' | 'holders' | 'alphabets' | ReverseTable;
type ReverseTable = 'referring' | 'naming' | 'missing';
const TABLES: readonly Table[] = ['files', 'order', 'links', 'holders', 'alphabets', 'referring', 'naming', 'missing'];

function emptyState(): GraphState {
  return {
    files: new Map(),
    order: [],
    links: new Map(),
    holders: new Map(),
    alphabets: new Map(),
    referring: new Map(),
    naming: new Map(),
    missing: new Map(),
    cycles: [],
    ownTables: new Set(TABLES),
    ownSets: new WeakSet(),
  };
}

/**
 * A state to edit while a snapshot keeps the old one. Nothing is copied yet: each table is
 * copied when an update first edits it (`writable`), and each set in the reverse tables when
 * first edited (`editSet`). A keystroke that keeps the plan's ids copies two tables of one
 * entry per file, not all eight; copying every table made megabytes per keystroke in a
 * workspace of a thousand plans, all of it promoted to the old generation for the next GC.
 */
function copyState(state: GraphState): GraphState {
  return { ...state, ownTables: new Set(), ownSets: new WeakSet() };
}

/** A table of `state` that may be edited: copied first if a snapshot may see it. */
function writable<T extends Table>(state: GraphState, table: T): GraphState[T] {
  if (!state.ownTables.has(table)) {
    const current = state[table];
    (state[table] as unknown) = Array.isArray(current) ? [...current] : new Map(current as Map<string, unknown>);
    state.ownTables.add(table);
  }
  return state[table];
}

/** Edits the set under `key` in one of the state's reverse tables, copying it first if a snapshot may see it. */
function editSet(state: GraphState, name: ReverseTable, key: string, edit: (files: Set<string>) => void) {
  const current = state[name].get(key);
  const files = current && state.ownSets.has(current) ? current : new Set(current);
  state.ownSets.add(files);
  edit(files);
  if (files.size > 0) writable(state, name).set(key, files);
  else writable(state, name).delete(key);
}

function countKey(state: GraphState, key: string, delta: 1 | -1) {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const counts = new Map(state.alphabets.get(kind));
  for (const char of new Set(key.slice(colon + 1))) {
    const next = (counts.get(char) ?? 0) + delta;
    if (next > 0) counts.set(char, next);
    else counts.delete(char);
  }
  if (counts.size > 0) writable(state, 'alphabets').set(kind, counts);
  else writable(state, 'alphabets').delete(kind);
}

function catalogPlan(plan: Plan): FileEntry {
  const refs: PhaseRef[] = [];
  const refOf = new Map<Phase, number>();
  const byKey = new Map<string, PhaseRef[]>();
  for (const phase of allPhases(plan)) {
    if (refOf.has(phase)) continue;
    const ref = { plan, phase };
    refOf.set(phase, refs.length);
    refs.push(ref);
    const same = byKey.get(phase.key);
    if (same) same.push(ref);
    else byKey.set(phase.key, [ref]);
  }
  return { plan, refs, refOf, byKey };
}

function resolveIn(state: GraphState, key: string, fromFile: string): PhaseRef | undefined {
  const own = state.files.get(fromFile)?.byKey.get(key)?.[0];
  if (own) return own;
  const first = state.holders.get(key)?.[0];
  return first === undefined ? undefined : state.files.get(first)!.byKey.get(key)![0];
}

function edgesOf(state: GraphState, ref: PhaseRef): readonly DependencyEdge[] {
  const entry = state.files.get(ref.plan.file);
  const node = entry?.plan === ref.plan ? entry.refOf.get(ref.phase) : undefined;
  const links = state.links.get(ref.plan.file);
  if (node === undefined || !links) return [];
  return links.edges.slice(links.edgeStart[node]!, links.edgeStart[node + 1]!);
}

/** Whether `keysOneEditAway(missing, …)` can name `existing`: the same relation, tested directly. */
function oneEditApart(missing: string, existing: string): boolean {
  const colon = missing.indexOf(':');
  if (existing.slice(0, colon + 1) !== missing.slice(0, colon + 1)) return false;
  return keysOneEditAway(missing, new Set(existing.slice(colon + 1)), (key) => key === existing).length > 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A read-only view of one state; the whole-workspace lists are assembled on first use. */
function snapshotOf(state: GraphState, compareFiles: (a: string, b: string) => number): WorkspaceIndex {
  let plans: Plan[] | undefined;
  let edges: DependencyEdge[] | undefined;
  let unresolved: UnresolvedReference[] | undefined;
  let cycles: Cycle[] | undefined;
  let order: PhaseRef[] | undefined;
  let cyclesByFile: Map<string, Cycle[]> | undefined;
  const views = new Map<string, FileView>();

  const refFor = (target: PhaseRef): PhaseRef | undefined => {
    const entry = state.files.get(target.plan.file);
    const node = entry?.refOf.get(target.phase);
    return node === undefined ? undefined : entry!.refs[node];
  };
  const dependenciesOf = (target: PhaseRef): DependencyEdge[] => {
    const ref = refFor(target);
    return ref ? [...edgesOf(state, ref)] : [];
  };

  return {
    get plans() {
      return (plans ??= state.order.map((file) => state.files.get(file)!.plan));
    },
    get edges() {
      return (edges ??= state.order.flatMap((file) => state.links.get(file)?.edges ?? []));
    },
    get unresolved() {
      return (unresolved ??= state.order.flatMap((file) => state.links.get(file)?.unresolved ?? []));
    },
    get cycles() {
      return (cycles ??= state.cycles.map(({ cycle }) => cycle));
    },
    get order() {
      return (order ??= wholeOrder(state, state.order.map((file) => state.files.get(file)!)));
    },
    lookup: (key, fromFile) => {
      const lower = key.toLowerCase();
      const all = (state.holders.get(lower) ?? []).flatMap((file) => state.files.get(file)!.byKey.get(lower)!);
      if (fromFile === undefined) return all;
      return [...all.filter((ref) => ref.plan.file === fromFile), ...all.filter((ref) => ref.plan.file !== fromFile)];
    },
    resolve: (ref: DependencyRef, fromFile: string) => resolveIn(state, ref.key, fromFile),
    dependenciesOf,
    dependentsOf: (target) => {
      const ref = refFor(target);
      if (!ref) return [];
      const files = [ref.plan.file, ...(state.referring.get(ref.plan.file) ?? [])].sort(compareFiles);
      return files.flatMap((file) => (state.links.get(file)?.edges ?? []).filter((edge) => edge.to === ref));
    },
    readiness: (target) => readinessOf(target, dependenciesOf(target)),
    findPhase: (file, line) => {
      const entry = state.files.get(file);
      const phase = entry ? phaseAtLine(entry.plan, line) : undefined;
      return phase ? entry!.refs[entry!.refOf.get(phase)!] : undefined;
    },
    forFile: (file) => {
      let view = views.get(file);
      if (!view) {
        const links = state.links.get(file);
        if (!links) return EMPTY_VIEW;
        cyclesByFile ??= groupCycles(state.cycles.map(({ cycle }) => cycle));
        view = { edges: links.edges, unresolved: links.unresolved, cycles: cyclesByFile.get(file) ?? [] };
        views.set(file, view);
      }
      return view;
    },
    filesReferringTo: (file) => [...(state.referring.get(file) ?? [])],
  };
}

function groupCycles(cycles: readonly Cycle[]): Map<string, Cycle[]> {
  const byFile = new Map<string, Cycle[]>();
  for (const cycle of cycles) {
    for (const file of new Set(cycle.members.map((member) => member.plan.file))) {
      const list = byFile.get(file);
      if (list) list.push(cycle);
      else byFile.set(file, [cycle]);
    }
  }
  return byFile;
}

/** The dependency edges among `nodes` as a digraph over their positions; every edge's target must be among them. */
function digraphOver(state: GraphState, nodes: readonly PhaseRef[]): ReturnType<typeof digraphFromPairs> {
  const number = new Map<PhaseRef, number>(nodes.map((ref, i) => [ref, i]));
  const from: number[] = [];
  const to: number[] = [];
  nodes.forEach((ref, u) => {
    for (const edge of edgesOf(state, ref)) {
      from.push(u);
      to.push(number.get(edge.to)!);
    }
  });
  return digraphFromPairs(nodes.length, from, to);
}

/** Dependencies before dependents over the whole workspace (read rarely: "next ready phase", ids). */
function wholeOrder(state: GraphState, entries: readonly FileEntry[]): PhaseRef[] {
  const nodes = entries.flatMap((entry) => entry.refs);
  const graph = digraphOver(state, nodes);
  const { component, count } = stronglyConnected(graph);
  return Array.from(topologicalOrder(graph, component, count), (node) => nodes[node]!);
}
