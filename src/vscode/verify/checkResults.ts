import * as vscode from 'vscode';
import type { RecordedChecks } from '../../core/api';

const STATE_KEY = 'phaselens.verify.lastRuns';

/**
 * The last run of each phase's verify commands, kept in workspace state so the lens
 * (`checks 2/3`) and the diagnostic on a done phase whose checks failed survive a reload.
 * Keyed by plan URI and phase identity key.
 */
export class CheckResults implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with the plan URI whose results changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  get(uri: string, phaseKey: string): RecordedChecks | undefined {
    return this.all()[keyOf(uri, phaseKey)];
  }

  async record(uri: string, phaseKey: string, recorded: RecordedChecks): Promise<void> {
    await this.state.update(STATE_KEY, { ...this.all(), [keyOf(uri, phaseKey)]: recorded });
    this.emitter.fire(uri);
  }

  private all(): Record<string, RecordedChecks> {
    return this.state.get<Record<string, RecordedChecks>>(STATE_KEY) ?? {};
  }

  dispose() {
    this.emitter.dispose();
  }
}

function keyOf(uri: string, phaseKey: string): string {
  return `${uri}#${phaseKey}`;
}
