import * as vscode from 'vscode';
import { type EndReason, endRun, latestRunOf, readRuns, reconcileRuns, type Run, runsToStore } from '../../core/api';
import type { PhaseTarget } from '../shared/phaseTarget';
import { runTrackedCommand, type CommandEnd } from './terminalCommand';

const STATE_KEY = 'phaselens.runs';

/**
 * The runs of this workspace: phases launched in a terminal, followed to their end, kept in
 * workspace state so a reload shows them (a run whose terminal did not come back is ended).
 *
 * API (small on purpose):
 * - `start(target, name, terminal, command)` runs `command` in `terminal` as the phase's run;
 * - `runs()` every known run, `running()` the live ones, `runOf(target)` what a phase shows;
 * - `terminalOf(run)` its terminal while it is open;
 * - `onDidChange` after any change, `onDidEnd` with each run that ends.
 */
export class RunTracker implements vscode.Disposable {
  private list: Run[];
  private readonly terminals = new Map<string, vscode.Terminal>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly endedEmitter = new vscode.EventEmitter<Run>();
  readonly onDidChange = this.changed.event;
  readonly onDidEnd = this.endedEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Runs found again after a reload, whose command's execution object is not known. */
  private readonly reattached = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {
    this.list = readRuns(state.get(STATE_KEY));
    this.reattach();
  }

  runs(): readonly Run[] {
    return this.list;
  }

  running(): Run[] {
    return this.list.filter((run) => run.state === 'running');
  }

  runOf(target: Pick<PhaseTarget, 'uri' | 'key'>): Run | undefined {
    return latestRunOf(this.list, target.uri, target.key);
  }

  terminalOf(run: Run): vscode.Terminal | undefined {
    const terminal = this.terminals.get(run.id);
    return terminal && vscode.window.terminals.includes(terminal) ? terminal : undefined;
  }

  /** Runs `command` in `terminal` as a run of the phase; a run of it still going is ended as replaced. */
  async start(target: PhaseTarget, name: string, terminal: vscode.Terminal, command: string): Promise<Run> {
    for (const old of this.list) if (old.state === 'running' && old.uri === target.uri && old.key === target.key) this.end(old.id, 'replaced');
    const run: Run = {
      id: `${this.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      uri: target.uri,
      key: target.key,
      line: target.line,
      name,
      terminalName: terminal.name,
      startedAt: this.now(),
      state: 'running',
    };
    this.terminals.set(run.id, terminal);
    this.list = [...this.list, run];
    this.save();
    void Promise.resolve(terminal.processId).then((processId) => processId !== undefined && this.update(run.id, (current) => ({ ...current, processId })));
    const tracked = await runTrackedCommand(terminal, command);
    void tracked.ended.then((end) => this.onCommandEnd(run.id, end));
    return this.list.find((candidate) => candidate.id === run.id) ?? run;
  }

  private onCommandEnd(id: string, end: CommandEnd): void {
    this.end(id, end.kind === 'exit' ? 'exit' : 'terminal-closed', end.exitCode);
  }

  private end(id: string, reason: EndReason, exitCode?: number): void {
    const before = this.list.find((run) => run.id === id);
    if (!before || before.state === 'ended') return;
    const ended = endRun(before, reason, this.now(), exitCode);
    this.update(id, () => ended);
    if (reason !== 'replaced') this.endedEmitter.fire(ended);
  }

  private update(id: string, change: (run: Run) => Run): void {
    this.list = this.list.map((run) => (run.id === id ? change(run) : run));
    this.save();
  }

  private save(): void {
    this.list = runsToStore(this.list);
    void this.state.update(STATE_KEY, this.list);
    this.changed.fire();
  }

  /**
   * After a reload: a running run finds its terminal again by name and shell process; it then
   * ends when that terminal closes or reports the end of a command. Without its terminal it ended.
   */
  private reattach(): void {
    const open = vscode.window.terminals;
    const byName = (run: Run) => open.find((terminal) => terminal.name === run.terminalName);
    const reconciled = reconcileRuns(this.list, (run) => byName(run) !== undefined, this.now());
    const changed = reconciled.some((run, i) => run !== this.list[i]);
    this.list = reconciled;
    for (const run of this.running()) {
      const terminal = byName(run)!;
      this.terminals.set(run.id, terminal);
      // A terminal of the same name may be another one: its shell process says.
      void Promise.resolve(terminal.processId).then((processId) => {
        if (run.processId !== undefined && processId !== undefined && processId !== run.processId) this.end(run.id, 'terminal-gone');
      });
    }
    this.subscriptions.push(
      vscode.window.onDidCloseTerminal((terminal) => {
        for (const [id, owned] of this.terminals) if (owned === terminal) this.end(id, 'terminal-closed', terminal.exitStatus?.code);
      }),
      vscode.window.onDidEndTerminalShellExecution((event) => {
        for (const run of this.running()) if (this.reattached.has(run.id) && this.terminals.get(run.id) === event.terminal) this.end(run.id, 'exit', event.exitCode);
      }),
    );
    for (const run of this.running()) this.reattached.add(run.id);
    if (changed) this.save();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.endedEmitter.dispose();
  }
}
