import type { Criterion, DependencyRef, Phase, PhaseStatus, Task } from '../../core/api';
import type { PhaseTarget } from '../shared/phaseTarget';

/**
 * The Phases tree's elements: plain model nodes, references-view style. A provider turns them
 * into TreeItems; every node knows its parent so `getParent` (and with it `reveal`) works.
 * Nodes never import `vscode`, so building them is unit-testable.
 */

/** A phase's status as the tree shows it: a planned phase with an unfinished dependency is waiting. */
export type DisplayStatus = PhaseStatus | 'waiting';

/** One plan file. The same object stands for the plan across refreshes, so it can be refreshed alone. */
export interface PlanNode {
  readonly kind: 'plan';
  readonly id: string;
  /** `Uri.toString()` of the plan. */
  readonly uri: string;
  readonly parent?: undefined;
}

/** Where a node's text stands, for clicking through to it. */
export interface NodeLocation {
  uri: string;
  /** 1-based. */
  line: number;
}

/** A command argument that names a line of a plan (a `NodeLocation`), as the tree's menus pass one. */
export function isNodeLocation(value: unknown): value is NodeLocation {
  const candidate = value as NodeLocation | undefined;
  return !!candidate && typeof candidate.uri === 'string' && typeof candidate.line === 'number';
}

interface ChildNodeBase {
  readonly id: string;
  /** `Uri.toString()` of the plan the node belongs to. */
  readonly uri: string;
  /** Document version the node was built from; undefined when the plan was read from disk. */
  readonly version: number | undefined;
}

/** A phase that another phase depends on, as shown beside the dependent. */
export interface PhaseSummary {
  uri: string;
  phase: Phase;
  status: DisplayStatus;
}

export interface PhaseNode extends ChildNodeBase {
  readonly kind: 'phase';
  readonly parent: PlanNode | PhaseNode;
  readonly phase: Phase;
  /** What Start / Complete / Reopen / Copy prompt act on. */
  readonly target: PhaseTarget;
  readonly status: DisplayStatus;
  /** Unfinished dependencies, in reference order. */
  readonly waitingOn: readonly PhaseSummary[];
  readonly children: readonly PhaseChildNode[];
  /** Set when the phase is shown from another copy of its plan (a worktree's): where, in words. */
  readonly progressFrom?: string;
  /** From a provisional plan, read from its headings while its parse runs: nothing acts on it yet. */
  readonly provisional?: true;
}

export interface TaskNode extends ChildNodeBase {
  readonly kind: 'task';
  readonly parent: PhaseNode | TaskNode;
  readonly task: Task;
  readonly children: readonly TaskNode[];
}

export interface CriteriaNode extends ChildNodeBase {
  readonly kind: 'criteria';
  readonly parent: PhaseNode;
  readonly criteria: readonly Criterion[];
  /** Name of the phase the criteria are inherited from ("Phase 1"), or "the plan"; undefined for the phase's own. */
  readonly inheritedFrom?: string;
  readonly children: readonly CriterionNode[];
}

export interface CriterionNode extends ChildNodeBase {
  readonly kind: 'criterion';
  readonly parent: CriteriaNode;
  readonly criterion: Criterion;
}

export interface DependenciesNode extends ChildNodeBase {
  readonly kind: 'dependencies';
  readonly parent: PhaseNode;
  readonly children: readonly DependencyNode[];
}

export interface DependencyNode extends ChildNodeBase {
  readonly kind: 'dependency';
  readonly parent: DependenciesNode;
  readonly ref: DependencyRef;
  /** The phase the reference resolves to; undefined when no phase answers to it. */
  readonly resolved?: PhaseSummary;
}

export type PhaseChildNode = DependenciesNode | CriteriaNode | TaskNode | PhaseNode;
export type TreeNode = PlanNode | PhaseNode | TaskNode | CriteriaNode | CriterionNode | DependenciesNode | DependencyNode;

/** The children a node shows (plans are filled in by the provider). */
export function childrenOf(node: Exclude<TreeNode, PlanNode>): readonly TreeNode[] {
  return node.kind === 'criterion' || node.kind === 'dependency' ? [] : node.children;
}

/** Where clicking the node goes: its heading, task, criterion or reference line. */
export function locationOf(node: Exclude<TreeNode, PlanNode>): NodeLocation {
  switch (node.kind) {
    case 'phase':
      return { uri: node.uri, line: node.phase.line };
    case 'task':
      return { uri: node.uri, line: node.task.line };
    case 'criterion':
      return { uri: node.uri, line: node.criterion.line };
    case 'dependency':
      return node.resolved ? { uri: node.resolved.uri, line: node.resolved.phase.line } : { uri: node.uri, line: node.ref.line };
    case 'criteria':
      return { uri: node.uri, line: node.criteria[0]?.line ?? node.parent.phase.line };
    case 'dependencies':
      return { uri: node.uri, line: node.children[0]?.ref.line ?? node.parent.phase.line };
  }
}
