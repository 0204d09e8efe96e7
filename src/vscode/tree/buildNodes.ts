import { allPhases, ancestorsOf, type Criterion, type Phase, phaseName, type PhaseRef, type Plan, type Task, type WorkspaceIndex } from '../../core/api';
import { isPhaseVisible, type TreeFilter } from './filter';
import type { CriteriaNode, CriterionNode, DependenciesNode, DependencyNode, DisplayStatus, PhaseChildNode, PhaseNode, PhaseSummary, PlanNode, TaskNode } from './nodes';

/** The plan a tree is built from, as the store holds it. */
export interface TreePlan {
  /** `Uri.toString()`; also the plan's `file` in the workspace index. */
  uri: string;
  plan: Plan;
  version: number | undefined;
  /** A provisional plan (see `PlanEntry.provisional`): its phases are shown, not acted on. */
  provisional?: boolean;
}

/** A planned phase whose dependencies are not all done is waiting; every other status stands as parsed. */
export function displayStatus(ref: PhaseRef, index: WorkspaceIndex): DisplayStatus {
  if (ref.phase.status !== 'planned') return ref.phase.status;
  return index.readiness(ref).ready ? 'planned' : 'waiting';
}

function summaryOf(ref: PhaseRef, index: WorkspaceIndex): PhaseSummary {
  return { uri: ref.plan.file, phase: ref.phase, status: displayStatus(ref, index) };
}

/**
 * Node ids name a phase by its identity key, numbered when a key repeats in the file, so they
 * stay the same while the text around them changes: VS Code keeps expansion and selection by id.
 */
function phaseIds(plan: Plan, planId: string): Map<Phase, string> {
  const ids = new Map<Phase, string>();
  const seen = new Map<string, number>();
  for (const phase of allPhases(plan)) {
    const count = (seen.get(phase.key) ?? 0) + 1;
    seen.set(phase.key, count);
    ids.set(phase, `${planId}/${phase.key}${count > 1 ? `~${count}` : ''}`);
  }
  return ids;
}

/**
 * A phase whose work happens elsewhere (in a git worktree of its own): the tree shows that copy
 * of the phase, and says where it comes from.
 */
export interface PhaseCopy {
  source: TreePlan;
  phase: Phase;
  /** Where the progress is read, as the tree says it ("worktree ../shop-phase-2 (phase-2)"). */
  from: string;
}

/**
 * The phases of one plan as tree nodes (nested as in the document), with the filter applied.
 * `copyOf` names phases to show from another copy of the plan (a worktree's): that phase, its
 * tasks and sub-phases come from the copy and act on it; readiness is judged in the workspace.
 */
export function buildPhaseNodes(source: TreePlan, index: WorkspaceIndex, filter: TreeFilter, parent: PlanNode, copyOf?: (phase: Phase) => PhaseCopy | undefined): PhaseNode[] {
  const ids = phaseIds(source.plan, parent.id);

  const buildPhase = (phase: Phase, parentNode: PlanNode | PhaseNode, from: TreePlan, id: string, progressFrom?: string): PhaseNode => {
    const copy = from === source ? copyOf?.(phase) : undefined;
    if (copy) return buildPhase(copy.phase, parentNode, copy.source, id, copy.from);
    const { uri, version, plan } = from;
    const mainRef: PhaseRef = from === source ? { plan, phase } : { plan: source.plan, phase: allPhases(source.plan).find((candidate) => candidate.key === phase.key) ?? phase };
    const children: PhaseChildNode[] = [];
    const status = phase.status !== 'planned' ? phase.status : displayStatus(mainRef, index);
    const node: PhaseNode = {
      kind: 'phase',
      id,
      uri,
      version,
      parent: parentNode,
      phase,
      target: { uri, key: phase.key, line: phase.line },
      status,
      waitingOn: index.readiness(mainRef).waitingOn.map((waiting) => summaryOf(waiting, index)),
      children,
      ...(progressFrom ? { progressFrom } : {}),
      ...(from.provisional ? { provisional: true as const } : {}),
    };
    if (phase.dependsOn.length > 0) children.push(buildDependencies(node, plan, index));
    const criteria = buildCriteria(node, plan);
    if (criteria) children.push(criteria);
    children.push(...phase.tasks.map((task, i) => buildTask(task, node, `${node.id}/t${i}`, from)));
    for (const child of phase.children) if (isPhaseVisible(child, filter)) children.push(buildPhase(child, node, from, from === source ? ids.get(child)! : `${id}/${child.key}`, progressFrom));
    return node;
  };

  const buildTask = (task: Task, parentNode: PhaseNode | TaskNode, id: string, from: TreePlan): TaskNode => {
    const children: TaskNode[] = [];
    const node: TaskNode = { kind: 'task', id, uri: from.uri, version: from.version, parent: parentNode, task, children };
    task.children.forEach((child, i) => children.push(buildTask(child, node, `${id}.${i}`, from)));
    return node;
  };

  return source.plan.phases.filter((phase) => isPhaseVisible(phase, filter)).map((phase) => buildPhase(phase, parent, source, ids.get(phase)!));
}

/** The phase's own criteria, else the nearest ancestor's, else the plan's: what a sub-phase inherits. */
function effectiveCriteria(plan: Plan, phase: Phase): { criteria: readonly Criterion[]; inheritedFrom?: string } {
  if (phase.successCriteria.length > 0) return { criteria: phase.successCriteria };
  const ancestor = ancestorsOf(plan, phase)
    .reverse()
    .find((candidate) => candidate.successCriteria.length > 0);
  if (ancestor) return { criteria: ancestor.successCriteria, inheritedFrom: phaseName(ancestor) };
  if (plan.successCriteria.length > 0) return { criteria: plan.successCriteria, inheritedFrom: 'the plan' };
  return { criteria: [] };
}

function buildCriteria(phaseNode: PhaseNode, plan: Plan): CriteriaNode | undefined {
  const { criteria, inheritedFrom } = effectiveCriteria(plan, phaseNode.phase);
  if (criteria.length === 0) return undefined;
  const children: CriterionNode[] = [];
  const id = `${phaseNode.id}/criteria`;
  const group: CriteriaNode = { kind: 'criteria', id, uri: phaseNode.uri, version: phaseNode.version, parent: phaseNode, criteria, children, ...(inheritedFrom ? { inheritedFrom } : {}) };
  criteria.forEach((criterion, i) => children.push({ kind: 'criterion', id: `${id}/${i}`, uri: phaseNode.uri, version: phaseNode.version, parent: group, criterion }));
  return group;
}

function buildDependencies(phaseNode: PhaseNode, plan: Plan, index: WorkspaceIndex): DependenciesNode {
  const children: DependencyNode[] = [];
  const id = `${phaseNode.id}/deps`;
  const group: DependenciesNode = { kind: 'dependencies', id, uri: phaseNode.uri, version: phaseNode.version, parent: phaseNode, children };
  phaseNode.phase.dependsOn.forEach((ref, i) => {
    const resolved = index.resolve(ref, plan.file);
    children.push({
      kind: 'dependency',
      id: `${id}/${i}`,
      uri: phaseNode.uri,
      version: phaseNode.version,
      parent: group,
      ref,
      ...(resolved ? { resolved: summaryOf(resolved, index) } : {}),
    });
  });
  return group;
}

/** Every phase node under `nodes`, depth first. */
export function* walkPhaseNodes(nodes: readonly PhaseChildNode[] | readonly PhaseNode[]): Generator<PhaseNode> {
  for (const node of nodes) {
    if (node.kind !== 'phase') continue;
    yield node;
    yield* walkPhaseNodes(node.children);
  }
}
