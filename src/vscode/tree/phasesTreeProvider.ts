import * as vscode from 'vscode';
import type { Phase, WorkspaceIndex } from '../../core/api';
import type { PhaseTarget } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import { buildPhaseNodes, walkPhaseNodes, type PhaseCopy } from './buildNodes';
import { isPhaseVisible, type TreeFilter } from './filter';
import { childrenOf, type PhaseNode, type PlanNode, type TreeNode } from './nodes';
import { childTreeItem, planTreeItem } from './treeItems';
import { displayPath } from '../shared/displayPath';

/**
 * The tree shows provisional plans too (a cold index's first look: headings only, until the
 * parse arrives); they are not in the graph, so their phases wait on nothing and no action is
 * offered on them (see `phaseTreeItem`).
 */
const SHOWN = { includeProvisional: true } as const;

/** With more plans than this, plans start collapsed so the view stays readable. */
const EXPANDED_PLANS = 5;

/** Phases shown from another copy of their plan (a worktree's), and when those copies change. */
export interface PhaseCopies {
  copyOf(planUri: string, phase: Phase): PhaseCopy | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * The Phases tree's data: plan files → phases → tasks, criteria and dependencies. Plan nodes are
 * one object per file for the provider's lifetime, so a change to one plan refreshes just that
 * plan (and plans that depend on it); the nodes below a plan are rebuilt from the store's parse.
 */
export class PhasesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly rootsEmitter = new vscode.EventEmitter<{ shown: number; total: number }>();
  /** After each listing of the plans: how many show, out of how many the filter chose from. */
  readonly onDidListRoots = this.rootsEmitter.event;

  private readonly planNodes = new Map<string, PlanNode>();
  private readonly phaseNodes = new Map<string, PhaseNode[]>();
  /** The plans the root showed last, to tell an edit from an added or removed plan. */
  private shownPlans: string[] = [];
  /** The index the cached nodes were built with: its cross-file edges say which plans a change reaches. */
  private builtIndex: WorkspaceIndex | undefined;
  private readonly subscription: vscode.Disposable;
  private runBadge: ((target: PhaseTarget) => string | undefined) | undefined;

  constructor(
    private readonly store: PlanStore,
    private readonly filter: () => TreeFilter,
    private readonly copies?: PhaseCopies,
  ) {
    this.subscription = vscode.Disposable.from(
      store.onDidChange((uris) => this.onStoreChange(uris)),
      ...(copies ? [copies.onDidChange(() => this.refreshAll())] : []),
    );
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      // The view's first look is what starts the workspace scan; activation stays cheap. On a cold
      // start it shows the plans' headings (provisional plans) while their full parses run.
      await this.store.ensureFirstLook();
      return this.rootNodes();
    }
    if (node.kind === 'plan') return this.phasesOf(node);
    return [...childrenOf(node)];
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'plan') return planTreeItem(node, this.store.get(vscode.Uri.parse(node.uri), SHOWN), this.shownPlans.length <= EXPANDED_PLANS);
    const item = childTreeItem(node);
    // A phase shown from its worktree's copy is still the main plan's phase to the run tracker.
    const badge = node.kind === 'phase' ? this.runBadge?.(node.progressFrom ? { ...node.target, uri: planNodeOf(node).uri } : node.target) : undefined;
    if (badge) item.description = [badge, item.description].filter(Boolean).join(' · ');
    return item;
  }

  /** Phases that run (or ran) in a terminal show it first in their description: `▶ running · 12 min · 3/7`. */
  showRuns(badge: (target: PhaseTarget) => string | undefined, changes: vscode.Event<void>): vscode.Disposable {
    this.runBadge = badge;
    this.emitter.fire(undefined);
    return changes(() => this.emitter.fire(undefined));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Re-reads everything (after a filter change or a manual refresh). */
  refreshAll(): void {
    this.phaseNodes.clear();
    this.builtIndex = undefined;
    this.emitter.fire(undefined);
  }

  /** The node of a phase as the tree currently shows it; undefined when the filter hides it. */
  findPhaseNode(target: PhaseTarget): PhaseNode | undefined {
    const plan = this.planNode(target.uri);
    let best: PhaseNode | undefined;
    for (const node of walkPhaseNodes(this.phasesOf(plan))) {
      if (node.phase.key !== target.key) continue;
      if (!best || Math.abs(node.phase.line - target.line) < Math.abs(best.phase.line - target.line)) best = node;
    }
    return best;
  }

  private rootNodes(): PlanNode[] {
    const filter = this.filter();
    const entries = this.store.plans(SHOWN).filter((entry) => entry.plan.phases.some((phase) => isPhaseVisible(phase, filter)));
    entries.sort((a, b) => displayPath(a.uri.toString()).localeCompare(displayPath(b.uri.toString())));
    this.shownPlans = entries.map((entry) => entry.uri.toString());
    this.rootsEmitter.fire({ shown: entries.length, total: this.store.plans(SHOWN).length });
    return this.shownPlans.map((uri) => this.planNode(uri));
  }

  private planNode(uri: string): PlanNode {
    let node = this.planNodes.get(uri);
    if (!node) {
      node = { kind: 'plan', id: `plan:${uri}`, uri };
      this.planNodes.set(uri, node);
    }
    return node;
  }

  private phasesOf(plan: PlanNode): PhaseNode[] {
    const cached = this.phaseNodes.get(plan.uri);
    if (cached) return cached;
    const entry = this.store.get(vscode.Uri.parse(plan.uri), SHOWN);
    if (!entry) return [];
    const index = this.store.index();
    if (this.builtIndex !== index) {
      // Nodes built with an older index may show stale waiting states; start over with this one.
      this.phaseNodes.clear();
      this.builtIndex = index;
    }
    const copies = this.copies;
    const nodes = buildPhaseNodes({ uri: plan.uri, plan: entry.plan, version: entry.version, provisional: entry.provisional }, index, this.filter(), plan, copies && ((phase) => copies.copyOf(plan.uri, phase)));
    this.phaseNodes.set(plan.uri, nodes);
    return nodes;
  }

  private onStoreChange(uris: readonly vscode.Uri[]) {
    const changed = new Set(uris.map((uri) => uri.toString()));
    const previousIndex = this.builtIndex;
    this.phaseNodes.clear();
    this.builtIndex = undefined;

    const filter = this.filter();
    const now = this.store
      .plans(SHOWN)
      .filter((entry) => entry.plan.phases.some((phase) => isPhaseVisible(phase, filter)))
      .map((entry) => entry.uri.toString());
    const sameRoots = now.length === this.shownPlans.length && now.every((uri) => this.shownPlans.includes(uri));
    if (!sameRoots) {
      this.emitter.fire(undefined);
      return;
    }
    const affected = new Set([...changed].filter((uri) => this.shownPlans.includes(uri)));
    // A plan whose phases wait on a changed plan shows new waiting states too.
    for (const index of [previousIndex, this.store.index()]) {
      for (const edge of index?.edges ?? []) {
        if (edge.from.plan.file !== edge.to.plan.file && changed.has(edge.to.plan.file)) affected.add(edge.from.plan.file);
      }
    }
    const nodes = [...affected].filter((uri) => this.shownPlans.includes(uri)).map((uri) => this.planNode(uri));
    if (nodes.length > 0) this.emitter.fire(nodes);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.rootsEmitter.dispose();
  }
}

function planNodeOf(node: TreeNode): PlanNode {
  let current: TreeNode = node;
  while (current.kind !== 'plan') current = current.parent;
  return current;
}
