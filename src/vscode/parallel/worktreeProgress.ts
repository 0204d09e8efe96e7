import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { allPhases, parsePlan, type Phase } from '../../core/api';
import type { PlanStore } from '../planStore';
import type { PhaseCopy, TreePlan } from '../tree/buildNodes';
import { branchTip, isMerged } from './worktrees';
import type { WorktreeRun, WorktreeRuns } from './worktreeRuns';

/**
 * Where a running phase's progress is read: the copy of the plan in its worktree, where its
 * agent ticks tasks. Each copy is watched; the run ends (and the main copy is the truth again)
 * when its branch is merged back into the main worktree's HEAD, when its worktree is gone, or
 * when the main copy itself says the phase is done.
 */
export class WorktreeProgress implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a copy changed or a run began or ended. */
  readonly onDidChange = this.emitter.event;
  private readonly cache = new Map<string, { stamp: string; source: TreePlan }>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly runs: WorktreeRuns,
    private readonly store: PlanStore,
  ) {
    this.subscriptions = [
      this.emitter,
      runs.onDidChange(() => {
        this.watch();
        this.emitter.fire();
      }),
      store.onDidChange((uris) => {
        const copies = new Set(this.runs.all().map((run) => vscode.Uri.file(run.planCopy).toString()));
        if (uris.some((uri) => copies.has(uri.toString()))) this.emitter.fire();
        void this.endMergedRuns();
      }),
    ];
    this.watch();
    void this.endMergedRuns();
  }

  /** The phase as its worktree's copy of the plan has it, while it runs there. */
  copyOf(planUri: string, phase: Phase): PhaseCopy | undefined {
    if (phase.status === 'done') return undefined;
    const run = this.runs.find(planUri, phase.key);
    if (!run) return undefined;
    const source = this.read(run.planCopy);
    if (!source) return undefined;
    const candidates = allPhases(source.plan).filter((candidate) => candidate.key === phase.key);
    if (candidates.length === 0) return undefined;
    const copy = candidates.reduce((best, candidate) => (Math.abs(candidate.line - phase.line) < Math.abs(best.line - phase.line) ? candidate : best));
    return { source, phase: copy, from: `worktree ${describeWorktree(run)}` };
  }

  /** Ends the runs whose branch is merged back or whose worktree is gone. */
  async endMergedRuns(): Promise<void> {
    const ended: WorktreeRun[] = [];
    for (const run of this.runs.all()) {
      if (!fs.existsSync(run.worktree)) {
        ended.push(run);
        continue;
      }
      const tip = await branchTip(run.root, run.branch);
      if (tip && tip !== run.startCommit && (await isMerged(run.root, tip))) ended.push(run);
    }
    await this.runs.remove(ended);
  }

  private read(file: string): TreePlan | undefined {
    const uri = vscode.Uri.file(file);
    // Open in an editor (the user looks at the agent's copy): the store's parse of the document wins.
    const open = this.store.get(uri);
    if (open?.version !== undefined) return { uri: uri.toString(), plan: open.plan, version: open.version };
    let stamp: string;
    try {
      const stat = fs.statSync(file);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return undefined;
    }
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached.source;
    try {
      const text = fs.readFileSync(file, 'utf8');
      const source = { uri: uri.toString(), plan: parsePlan(text, uri.toString()), version: undefined };
      this.cache.set(file, { stamp, source });
      return source;
    } catch {
      return undefined;
    }
  }

  private watch(): void {
    const wanted = new Set(this.runs.all().map((run) => run.planCopy));
    for (const [file, watcher] of this.watchers) {
      if (wanted.has(file)) continue;
      watcher.dispose();
      this.watchers.delete(file);
      this.cache.delete(file);
    }
    for (const file of wanted) {
      if (this.watchers.has(file)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const changed = () => this.emitter.fire();
      this.watchers.set(file, vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)));
    }
  }

  dispose() {
    for (const watcher of this.watchers.values()) watcher.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** `../shop-phase-2-left` (relative to the repository when near it), else the absolute path. */
export function describeWorktree(run: Pick<WorktreeRun, 'root' | 'worktree'>): string {
  const relative = path.relative(run.root, run.worktree);
  return relative && !path.isAbsolute(relative) && relative.split(path.sep).filter((part) => part === '..').length <= 2 ? relative.split(path.sep).join('/') : run.worktree;
}
