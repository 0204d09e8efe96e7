import * as vscode from 'vscode';
import { isPhaseTarget, resolveTarget, type PhaseTarget } from '../shared/phaseTarget';
import type { PlanStore } from '../planStore';
import { isNodeLocation, locationOf, type NodeLocation, type TreeNode } from '../tree/nodes';
import type { Command } from './command';

export const REVEAL_COMMAND = 'phaselens.revealPhase';

export interface RevealOptions {
  /** Keep the focus where it is (a tree click); the context menu's "Reveal in Editor" moves it to the editor. */
  preserveFocus?: boolean;
  preview?: boolean;
}

function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as TreeNode).kind === 'string' && typeof (value as TreeNode).id === 'string';
}

/** What an argument points at: a phase (re-found in the current text) or a fixed line. */
function pointOf(arg: unknown): PhaseTarget | NodeLocation | undefined {
  if (isTreeNode(arg)) {
    if (arg.kind === 'plan') return { uri: arg.uri, line: 1 };
    return arg.kind === 'phase' ? arg.target : locationOf(arg);
  }
  if (isPhaseTarget(arg) || isNodeLocation(arg)) return arg;
  return undefined;
}

/** The line a point names now: a phase's heading as the document reads today. */
async function currentLine(store: PlanStore, point: PhaseTarget | NodeLocation): Promise<number> {
  if (!isPhaseTarget(point)) return point.line;
  const resolved = await resolveTarget(store, point);
  return resolved?.phase.line ?? point.line;
}

/** Opens the plan with the cursor on the line, scrolled into view. */
export async function revealLine(uri: string, line: number, options: RevealOptions = {}): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const clamped = Math.min(Math.max(line, 1), document.lineCount) - 1;
  const position = new vscode.Position(clamped, document.lineAt(clamped).firstNonWhitespaceCharacterIndex);
  const editor = await vscode.window.showTextDocument(document, {
    selection: new vscode.Range(position, position),
    preserveFocus: options.preserveFocus ?? false,
    preview: options.preview ?? false,
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/**
 * `phaselens.revealPhase`: the tree's click and its "Reveal in Editor" menu. Takes a tree node
 * (menus pass the element), a PhaseTarget or a `{ uri, line }`.
 */
export function revealPhaseCommand(store: PlanStore): Command {
  return {
    id: REVEAL_COMMAND,
    async execute(arg: unknown, options?: unknown) {
      const point = pointOf(arg);
      if (!point) return undefined;
      // Menus pass the selection as the second argument; only a click passes options.
      const revealOptions = options && typeof options === 'object' && !Array.isArray(options) ? (options as RevealOptions) : {};
      return revealLine(point.uri, await currentLine(store, point), revealOptions);
    },
  };
}
