import * as vscode from 'vscode';
import { registerCodeLens } from './codeLens';
import { registerPhaseCommands } from './commands';
import type { PlanStore } from './planStore';

/** The start / complete / reopen feature: lenses above phase headings and the commands they (and the tree) run. */
export function registerPhaseActions(context: vscode.ExtensionContext, store: PlanStore): vscode.Disposable {
  return vscode.Disposable.from(registerPhaseCommands({ store, globalState: context.globalState, storage: context.globalStorageUri }), registerCodeLens(store));
}
