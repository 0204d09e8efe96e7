import * as vscode from 'vscode';
import { phaseAtCursor, targetOf, type PhaseTarget, type ResolvedPhase } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';

/** Moving the cursor fires many selection events; the phase is looked up once it rests. */
const SELECTION_DEBOUNCE_MS = 150;

export interface CursorPhaseChange {
  /** The phase under the cursor now, if any. */
  readonly current: ResolvedPhase | undefined;
  /** The cursor is in another phase than before (not just the same phase re-parsed). */
  readonly moved: boolean;
}

function sameTarget(a: PhaseTarget | undefined, b: PhaseTarget | undefined): boolean {
  return a?.uri === b?.uri && a?.key === b?.key && a?.line === b?.line;
}

/**
 * The phase under the active editor's cursor, for the status bar, "follow cursor" and the
 * `phaselens.cursorPhaseStatus` context key the editor menus use.
 */
export class CursorPhaseTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CursorPhaseChange>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private currentPhase: ResolvedPhase | undefined;
  private currentTarget: PhaseTarget | undefined;
  private contextStatus: string | undefined;

  constructor(private readonly store: PlanStore) {
    this.disposables.push(
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      // Any plan may hold a dependency of the phase at the cursor, so any change may change its state.
      store.onDidChange(() => this.update()),
    );
    // The first look parses the active plan: not inside activate(), which VS Code waits on.
    this.timer = setTimeout(() => this.update(), 0);
  }

  get current(): ResolvedPhase | undefined {
    return this.currentPhase;
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), SELECTION_DEBOUNCE_MS);
  }

  /** Looks the phase up now (also what the debounce ends in). */
  update(): void {
    clearTimeout(this.timer);
    const current = phaseAtCursor(this.store);
    const target = current && targetOf(current.entry, current.phase);
    const moved = !sameTarget(target, this.currentTarget);
    this.currentPhase = current;
    this.currentTarget = target;
    this.setContextStatus(current?.phase.status ?? '');
    this.emitter.fire({ current, moved });
  }

  private setContextStatus(status: string) {
    if (status === this.contextStatus) return;
    this.contextStatus = status;
    void vscode.commands.executeCommand('setContext', 'phaselens.cursorPhaseStatus', status);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
