import * as fs from 'node:fs/promises';
import * as nodePath from 'node:path';
import type * as vscode from 'vscode';

/**
 * `${promptFile}`: the prompt written to a file in the extension's storage, for programs that read
 * a prompt from a file and for prompts too long to pass as text. One file per phase id, rewritten
 * at each start, so the folder never grows past the plan's phases; readable by the user only,
 * since a prompt carries the plan's text.
 */
export function promptFilePath(storage: vscode.Uri | undefined, phaseId: string): string | undefined {
  if (!storage || storage.scheme !== 'file') return undefined;
  const name = `prompt-${phaseId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.-]+/, '') || 'phase'}.md`;
  return nodePath.join(storage.fsPath, 'prompts', name);
}

export async function writePromptFile(path: string, prompt: string): Promise<void> {
  await fs.mkdir(nodePath.dirname(path), { recursive: true, mode: 0o700 });
  await fs.writeFile(path, prompt, { encoding: 'utf8', mode: 0o600 });
}
