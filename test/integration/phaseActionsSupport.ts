// Helpers shared by the CodeLens and phase-command suites: open a fixture plan, read its lenses,
// stand in for a dialog, and put a fixture file back exactly as it was.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PhaseLensApi } from '../../src/vscode/api';

export async function api(): Promise<PhaseLensApi> {
  const extension = vscode.extensions.getExtension<PhaseLensApi>('phaselens.phaselens');
  assert.ok(extension, 'phaselens.phaselens is not loaded');
  return extension.activate();
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, 'codelens', name);
}

export interface OpenPlan {
  document: vscode.TextDocument;
  editor: vscode.TextEditor;
  /** The file's text when the test opened it. */
  original: string;
  /** Puts document and file back to `original` (saved), whatever the test did. */
  restore(): Promise<void>;
}

export async function openPlan(name: string): Promise<OpenPlan> {
  const uri = fixtureUri(name);
  const original = fs.readFileSync(uri.fsPath, 'utf8');
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  assert.equal(document.getText(), original, `${name} is open with unsaved changes from an earlier test`);
  return {
    document,
    editor,
    original,
    async restore() {
      if (document.getText() !== original) {
        const whole = new vscode.Range(0, 0, document.lineCount, 0);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, whole, original);
        assert.ok(await vscode.workspace.applyEdit(edit), `could not restore ${name}`);
      }
      if (document.isDirty) await document.save();
      if (fs.readFileSync(uri.fsPath, 'utf8') !== original) fs.writeFileSync(uri.fsPath, original);
    },
  };
}

export interface LensView {
  line: number;
  title: string;
  command: string;
  arguments: unknown[];
}

/** The lenses VS Code shows for a document, in order, with 1-based lines. */
export async function lensesOf(uri: vscode.Uri): Promise<LensView[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses
    .filter((lens) => lens.command)
    .map((lens) => ({ line: lens.range.start.line + 1, title: lens.command!.title, command: lens.command!.command, arguments: lens.command!.arguments ?? [] }))
    .sort((a, b) => a.line - b.line);
}

export function titlesByLine(lenses: readonly LensView[]): Record<number, string[]> {
  const byLine: Record<number, string[]> = {};
  for (const lens of lenses) (byLine[lens.line] ??= []).push(lens.title);
  return byLine;
}

type WindowFunction = 'showWarningMessage' | 'showInformationMessage' | 'showErrorMessage';

export interface DialogCall {
  message: string;
  options: vscode.MessageOptions | undefined;
  items: string[];
}

/**
 * Replaces one `vscode.window` message function while `run` runs: each call is recorded and
 * answered by `answer` (which may also act, e.g. edit the document "while the dialog is open").
 */
export async function withDialog<T>(name: WindowFunction, answer: (call: DialogCall) => Promise<string | undefined> | string | undefined, run: (calls: DialogCall[]) => Promise<T>): Promise<T> {
  const window = vscode.window as unknown as Record<WindowFunction, unknown>;
  const original = window[name];
  const calls: DialogCall[] = [];
  window[name] = async (message: string, ...rest: unknown[]) => {
    const options = rest[0] && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? (rest.shift() as vscode.MessageOptions) : undefined;
    const call = { message, options, items: rest.map((item) => (typeof item === 'string' ? item : (item as vscode.MessageItem).title)) };
    calls.push(call);
    return answer(call);
  };
  try {
    return await run(calls);
  } finally {
    window[name] = original;
  }
}

/** Lines of `after` that are not at the same index in `before`, for edits that keep the line count. */
export function changedLines(before: string, after: string): Array<[number, string]> {
  const old = before.split('\n');
  return after
    .split('\n')
    .map((line, index): [number, string] => [index + 1, line])
    .filter(([line, text]) => old[line - 1] !== text);
}

/** Polls for a file another process writes (a terminal command), failing after `timeoutMs`. */
/**
 * The text of a file another process writes, once it has some: a shell's `> file` creates the file
 * empty before the command writes, and a loaded machine can show a reader that moment.
 */
export async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!(fs.existsSync(file) && fs.statSync(file).size > 0)) {
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} was not written within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return fs.readFileSync(file, 'utf8');
}

export function lineOf(document: vscode.TextDocument, text: string): number {
  const index = document.getText().split('\n').indexOf(text);
  assert.ok(index >= 0, `no line "${text}" in ${path.basename(document.uri.fsPath)}`);
  return index + 1;
}

/**
 * Sets `phaselens.*` values in the workspace settings and returns what puts them back; a
 * `.vscode/settings.json` that this created is removed again, so the fixture tree stays as it was.
 */
export async function setWorkspaceSettings(values: Record<string, unknown>): Promise<() => Promise<void>> {
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const settingsFile = path.join(folder, '.vscode', 'settings.json');
  const existed = fs.existsSync(settingsFile);
  const config = vscode.workspace.getConfiguration('phaselens');
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, config.inspect(key)?.workspaceValue]));
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  return async () => {
    for (const [key, value] of Object.entries(before)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    if (!existed && fs.existsSync(settingsFile) && /^\s*\{\s*\}\s*$/.test(fs.readFileSync(settingsFile, 'utf8'))) {
      fs.rmSync(settingsFile);
      if (fs.readdirSync(path.dirname(settingsFile)).length === 0) fs.rmdirSync(path.dirname(settingsFile));
    }
  };
}
