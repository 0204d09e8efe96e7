import * as vscode from 'vscode';
import { isTreeFilter, type TreeFilter } from './filter';

const FILTER_KEY = 'phaselens.filter';
const FOLLOW_KEY = 'phaselens.followCursor';

/**
 * The Phases view's own switches (filter, follow cursor): kept per workspace in
 * `workspaceState`, mirrored into context keys of the same names for the title-bar menus.
 */
export class PhasesViewState implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    void this.publish();
  }

  get filter(): TreeFilter {
    const value = this.memento.get<unknown>(FILTER_KEY, '');
    return isTreeFilter(value) ? value : '';
  }

  get followCursor(): boolean {
    return this.memento.get<boolean>(FOLLOW_KEY, false) === true;
  }

  async setFilter(filter: TreeFilter): Promise<void> {
    if (filter === this.filter) return;
    await this.memento.update(FILTER_KEY, filter);
    await this.publish();
    this.emitter.fire();
  }

  async setFollowCursor(on: boolean): Promise<void> {
    if (on === this.followCursor) return;
    await this.memento.update(FOLLOW_KEY, on);
    await this.publish();
    this.emitter.fire();
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', FILTER_KEY, this.filter);
    await vscode.commands.executeCommand('setContext', FOLLOW_KEY, this.followCursor);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
