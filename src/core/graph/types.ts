import type { DependencyRef, Phase, Plan } from '../model';

/** One phase together with the plan (file) it stands in. */
export interface PhaseRef {
  plan: Plan;
  phase: Phase;
}

/** `from` declares the dependency on `to`: `from` builds on `to`. `ref` is the written reference. */
export interface DependencyEdge {
  from: PhaseRef;
  to: PhaseRef;
  ref: DependencyRef;
}

/** A reference no phase in the workspace answers to. */
export interface UnresolvedReference {
  from: PhaseRef;
  ref: DependencyRef;
  /** The closest existing id of the same kind ("did you mean 2B?"), when one is a single edit away. */
  suggestion?: PhaseRef;
}

/**
 * A closed dependency path: `members[0]` depends on `members[1]`, …, the last depends on
 * `members[0]`; `edges[i]` goes from `members[i]` to the next member. Rotated so that the
 * member earliest in workspace order comes first.
 */
export interface Cycle {
  members: PhaseRef[];
  edges: DependencyEdge[];
}

export interface Readiness {
  /** Every resolved dependency is done. */
  ready: boolean;
  /** The resolved dependencies that are not done yet, in reference order, each once. */
  waitingOn: PhaseRef[];
}

/** The parts of a workspace index that concern one file (what the lint rules of that file read). */
export interface FileView {
  /** Edges from the file's phases, in workspace order. */
  readonly edges: readonly DependencyEdge[];
  readonly unresolved: readonly UnresolvedReference[];
  /** Cycles with a member in the file, in the order of `cycles`. */
  readonly cycles: readonly Cycle[];
}

export interface WorkspaceIndex {
  readonly plans: readonly Plan[];
  /** Phases with this identity key, those in `fromFile` first, then in workspace order. */
  lookup(key: string, fromFile?: string): PhaseRef[];
  /** The phase a reference names: its own file first, then the first one in the workspace. */
  resolve(ref: DependencyRef, fromFile: string): PhaseRef | undefined;
  /** One edge per resolved reference, in workspace order (self-references included). */
  readonly edges: readonly DependencyEdge[];
  readonly unresolved: readonly UnresolvedReference[];
  /** Cycles of two or more phases; a self-reference is an edge, not a cycle. */
  readonly cycles: readonly Cycle[];
  /** Dependencies before dependents; ties and members of one cycle in workspace order. */
  readonly order: readonly PhaseRef[];
  dependenciesOf(target: PhaseRef): DependencyEdge[];
  dependentsOf(target: PhaseRef): DependencyEdge[];
  readiness(target: PhaseRef): Readiness;
  /** The innermost phase whose sections contain `line` (1-based) in `file`. */
  findPhase(file: string, line: number): PhaseRef | undefined;
  /** The edges, unresolved references and cycles of one file, without scanning the workspace. */
  forFile(file: string): FileView;
  /**
   * Files (other than `file`) with an edge or a "did you mean" suggestion into `file`: the plans
   * whose findings may change when `file` changes, cycles aside. Each once, in no set order.
   */
  filesReferringTo(file: string): readonly string[];
}
