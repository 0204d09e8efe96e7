import * as vscode from 'vscode';

/** A phase started in a worktree of its own: where its agent works, and where its progress is read. */
export interface WorktreeRun {
  /** The plan in the main working tree (`Uri.toString()`). */
  planUri: string;
  phaseKey: string;
  /** Absolute path of the worktree. */
  worktree: string;
  branch: string;
  /** The worktree's copy of the plan (absolute path). */
  planCopy: string;
  /** The main repository's root, where merges are judged. */
  root: string;
  /** HEAD when the worktree was made: the branch counts as merged only once it moved past it. */
  startCommit: string;
  startedAt: number;
}

const STATE_KEY = 'phaselens.parallel.worktreeRuns';

/**
 * The phases running in worktrees, kept in workspace state so the Phases view keeps following
 * them after a reload. A run is dropped once its branch is merged back (the main copy is the
 * truth again) or its worktree is gone.
 */
export class WorktreeRuns implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  all(): WorktreeRun[] {
    return this.state.get<WorktreeRun[]>(STATE_KEY) ?? [];
  }

  find(planUri: string, phaseKey: string): WorktreeRun | undefined {
    return this.all().find((run) => run.planUri === planUri && run.phaseKey === phaseKey);
  }

  async add(run: WorktreeRun): Promise<void> {
    await this.state.update(STATE_KEY, [...this.all().filter((known) => !(known.planUri === run.planUri && known.phaseKey === run.phaseKey)), run]);
    this.emitter.fire();
  }

  async remove(ended: readonly WorktreeRun[]): Promise<void> {
    if (ended.length === 0) return;
    await this.state.update(STATE_KEY, this.all().filter((run) => !ended.includes(run) && !ended.some((gone) => gone.planUri === run.planUri && gone.phaseKey === run.phaseKey)));
    this.emitter.fire();
  }

  dispose() {
    this.emitter.dispose();
  }
}
