import * as vscode from 'vscode';
import { buildWorkspaceIndex, type Plan, toMermaid } from '../../core/api';
import type { Command } from '../commands/command';
import type { PlanEntry, PlanStore } from '../planStore';
import { planUriOf } from './planArgument';
import { displayPath } from '../shared/displayPath';

export const EXPORT_MERMAID_COMMAND = 'phaselens.exportMermaid';

export type MermaidDestination = 'clipboard' | 'document';

/**
 * `phaselens.exportMermaid`: the workspace's graph (or one plan's, given a plan) as a ```mermaid
 * block, on the clipboard or in a new markdown document. The text is what `phaselens graph`
 * prints for the same files, named as the CLI names them when run from the workspace folder.
 * Keybindings and tests may pass `{ destination, uri }` to skip the question; the command returns
 * the new document, or the copied text.
 */
export function exportMermaidCommand(store: PlanStore): Command {
  return {
    id: EXPORT_MERMAID_COMMAND,
    async execute(arg: unknown) {
      const uri = planUriOf(arg);
      const entries = uri ? [await planEntry(store, uri)].filter((entry) => entry !== undefined) : await workspacePlans(store);
      if (entries.length === 0) {
        void vscode.window.showInformationMessage(uri ? `${displayPath(uri)} has no phases to draw.` : 'No phase plans found in this workspace.');
        return undefined;
      }
      const destination = destinationOf(arg) ?? (await askDestination());
      if (!destination) return undefined;
      const block = mermaidBlock(mermaidOf(entries));
      if (destination === 'clipboard') {
        await vscode.env.clipboard.writeText(block);
        void vscode.window.showInformationMessage(`Copied the dependency graph of ${describe(entries)} as Mermaid.`);
        return block;
      }
      const document = await newMarkdownDocument(block);
      await vscode.window.showTextDocument(document, { preview: false });
      return document;
    },
  };
}

/** The Mermaid text for these plans, as the CLI renders them (plans named and ordered by workspace path). */
export function mermaidOf(entries: readonly PlanEntry[]): string {
  const plans: Plan[] = entries
    .map((entry) => ({ ...entry.plan, file: displayPath(entry.uri) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return toMermaid(buildWorkspaceIndex(plans), { direction: 'LR' });
}

export function mermaidBlock(mermaid: string): string {
  return '```mermaid\n' + mermaid + '```\n';
}

/**
 * An untitled markdown document holding `text`. A new `Untitled-1` can come up with the text of
 * the `Untitled-1` just closed (an earlier export, discarded): then its text is replaced.
 */
async function newMarkdownDocument(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  if (document.getText() === text) return document;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, document.validateRange(new vscode.Range(0, 0, document.lineCount, 0)), text);
  await vscode.workspace.applyEdit(edit);
  return document;
}

async function workspacePlans(store: PlanStore): Promise<PlanEntry[]> {
  await store.ensureIndexed();
  return store.plans();
}

/** The plan as the editor holds it (unsaved edits included), else as the store read it. */
async function planEntry(store: PlanStore, uri: vscode.Uri): Promise<PlanEntry | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (!open && !store.get(uri)) await store.ensureIndexed();
  const entry = open ? store.entryFor(open) : store.get(uri);
  return entry && entry.plan.phases.length > 0 ? entry : undefined;
}

function destinationOf(arg: unknown): MermaidDestination | undefined {
  if (typeof arg !== 'object' || arg === null || !('destination' in arg)) return undefined;
  const destination = (arg as { destination: unknown }).destination;
  return destination === 'clipboard' || destination === 'document' ? destination : undefined;
}

async function askDestination(): Promise<MermaidDestination | undefined> {
  const items: Array<vscode.QuickPickItem & { destination: MermaidDestination }> = [
    { label: '$(clippy) Copy to clipboard', description: 'a ```mermaid block', destination: 'clipboard' },
    { label: '$(new-file) Open in new document', description: 'markdown, unsaved', destination: 'document' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Graph as Mermaid', placeHolder: 'Where should the graph go?' });
  return picked?.destination;
}

function describe(entries: readonly PlanEntry[]): string {
  return entries.length === 1 ? displayPath(entries[0]!.uri) : `${entries.length} plans`;
}
