import * as vscode from 'vscode';
import { type TextEdit, toggleTaskEdits } from '../../core/api';
import { applyEdits } from '../shared/applyEdits';
import type { PlanStore } from '../planStore';
import { isNodeLocation, type TaskNode } from '../tree/nodes';
import { findCurrentTask, type TaskRef } from '../tree/taskRef';
import type { Command } from './command';

export interface TaskChange {
  task: TaskRef;
  done: boolean;
}

function taskRefOf(node: TaskNode): TaskRef {
  return { uri: node.uri, line: node.task.line, text: node.task.text };
}

/**
 * Checks or unchecks tasks in their markdown: one WorkspaceEdit per plan (one undo step), computed
 * from the document's current version. VS Code refuses the edit if the document moves on before
 * it lands, so nothing is ever written over text this did not see. Returns whether every change
 * was written (or was already so).
 */
export async function setTasksDone(store: PlanStore, changes: readonly TaskChange[]): Promise<boolean> {
  const byPlan = new Map<string, TaskChange[]>();
  for (const change of changes) byPlan.set(change.task.uri, [...(byPlan.get(change.task.uri) ?? []), change]);
  let allWritten = true;
  for (const [uri, planChanges] of byPlan) {
    if (!(await writePlanChanges(store, vscode.Uri.parse(uri), planChanges))) allWritten = false;
  }
  return allWritten;
}

async function writePlanChanges(store: PlanStore, uri: vscode.Uri, changes: readonly TaskChange[]): Promise<boolean> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(`PhaseLens: could not open ${vscode.workspace.asRelativePath(uri)} to update the task.`);
    return false;
  }
  const entry = store.entryFor(document);
  if (!entry) return false;
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const change of changes) {
    const task = findCurrentTask(entry.plan, change.task);
    if (!task) missing.push(change.task.text ?? `line ${change.task.line}`);
    else edits.push(...toggleTaskEdits(task, change.done));
  }
  if (missing.length > 0) {
    void vscode.window.showWarningMessage(`PhaseLens: the plan changed and no longer has the task "${missing[0]}". Nothing was changed.`);
    return false;
  }
  if (edits.length === 0) return true;
  // A plan nobody has open would otherwise sit unsaved in the background after a tick in the tree.
  if (!(await applyEdits(document, edits, { saveVisible: false }))) {
    void vscode.window.showWarningMessage('PhaseLens: the plan changed while the task was being updated. Nothing was changed; try again.');
    return false;
  }
  return true;
}

export function isTaskNode(value: unknown): value is TaskNode {
  const node = value as TaskNode | undefined;
  return !!node && node.kind === 'task' && typeof node.uri === 'string' && !!node.task;
}

/** Checkbox clicks in the tree: the tree's new state goes into the markdown. */
export function onCheckboxChange(store: PlanStore, refreshTree: () => void) {
  return async (event: vscode.TreeCheckboxChangeEvent<unknown>): Promise<boolean> => {
    const changes = event.items.flatMap(([node, state]) => (isTaskNode(node) ? [{ task: taskRefOf(node), done: state === vscode.TreeItemCheckboxState.Checked }] : []));
    const written = await setTasksDone(store, changes);
    // A refused change leaves the box as the user clicked it: redraw it from the plan.
    if (!written) refreshTree();
    return written;
  };
}

/** `phaselens.toggleTask`: flips a task given as a tree node or `{ uri, line }`. */
export function toggleTaskCommand(store: PlanStore): Command {
  return {
    id: 'phaselens.toggleTask',
    async execute(arg: unknown) {
      const ref: TaskRef | undefined = isTaskNode(arg) ? taskRefOf(arg) : isNodeLocation(arg) ? { uri: arg.uri, line: arg.line } : undefined;
      if (!ref) return false;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
      const entry = store.entryFor(document);
      const task = entry && findCurrentTask(entry.plan, ref);
      if (!task) return false;
      return setTasksDone(store, [{ task: ref, done: !task.done }]);
    },
  };
}
