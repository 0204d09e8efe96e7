import * as fs from 'node:fs/promises';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { phasePrompt, PROMPT_VARIABLES, renderPromptTemplate, STARTER_PROMPT_TEMPLATE } from '../../core/api';
import { SECTION } from '../shared/config';
import { promptInputFor } from './promptInput';
import type { PlanStore } from '../planStore';
import type { ResolvedPhase } from '../shared/phaseTarget';
import { creationStaysInside, isInside, locateTemplate, MAX_TEMPLATE_BYTES, type TemplateLocation } from './templatePath';

const SETTING = 'launch.promptTemplate';
const OPEN_SETTING = 'Open Setting';
const OPEN_TEMPLATE = 'Open Template';
const CREATE_TEMPLATE = 'Create Template';

/** Unknown `${names}` already reported, per template file: a typo is said once a session, not at every start. */
const reportedUnknown = new Set<string>();

/**
 * The phase as a prompt, for every way it leaves PhaseLens (terminal `${prompt}`, chat,
 * clipboard, Copy Phase as Prompt): the team's template when `phaselens.launch.promptTemplate`
 * names one that can be read, else the built-in prompt. Problems with the template are said in
 * a message that does not wait for an answer; the prompt is always given.
 */
export async function phasePromptText(store: PlanStore, resolved: Pick<ResolvedPhase, 'entry' | 'phase'>): Promise<string> {
  const input = promptInputFor(store, resolved);
  const template = await readTemplate(resolved.entry.uri);
  if (!template) return phasePrompt(input);
  const rendered = renderPromptTemplate(template.text, input);
  reportUnknown(template.uri, rendered.unknown);
  return rendered.text;
}

interface TemplateText {
  uri: vscode.Uri;
  text: string;
}

async function readTemplate(planUri: vscode.Uri): Promise<TemplateText | undefined> {
  const setting = vscode.workspace.getConfiguration(SECTION, planUri).inspect<string>(SETTING) ?? {};
  const folder = vscode.workspace.getWorkspaceFolder(planUri);
  const local = !folder || folder.uri.scheme === 'file';
  const location = locateTemplate(setting, folder ? (local ? folder.uri.fsPath : folder.uri.path) : undefined, local ? nodePath : nodePath.posix);
  if (location.kind === 'default') return undefined;
  if (location.kind === 'outside-workspace') {
    say(`PhaseLens used its built-in prompt: the prompt template "${location.written}" from the workspace settings is outside the workspace folder, and a workspace may only name its own files.`);
    return undefined;
  }
  if (location.kind === 'no-folder') {
    say(`PhaseLens used its built-in prompt: the prompt template "${location.written}" is a relative path, and this plan is not in a workspace folder.`);
    return undefined;
  }
  const uri = local ? vscode.Uri.file(location.path) : folder!.uri.with({ path: location.path });
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (local && location.confined && !(await staysInside(location))) {
      say(`PhaseLens used its built-in prompt: the prompt template "${location.written}" leads outside the workspace folder through a symbolic link.`);
      return undefined;
    }
    if (stat.type & vscode.FileType.Directory) {
      say(`PhaseLens used its built-in prompt: the prompt template "${location.written}" is a folder, not a file.`);
      return undefined;
    }
    if (stat.size > MAX_TEMPLATE_BYTES) {
      say(`PhaseLens used its built-in prompt: the prompt template "${location.written}" is larger than ${MAX_TEMPLATE_BYTES / 1024} KB.`);
      return undefined;
    }
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return { uri, text };
  } catch (error) {
    const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
    if (missing) offerToCreate(location, uri);
    else say(`PhaseLens used its built-in prompt: it could not read the prompt template "${location.written}" (${error instanceof Error ? error.message : String(error)}).`);
    return undefined;
  }
}

/** The real path of the template (links followed) is still inside the real path of its folder. */
async function staysInside(location: Extract<TemplateLocation, { kind: 'file' }>): Promise<boolean> {
  if (!location.folder) return false;
  const [folder, file] = await Promise.all([fs.realpath(location.folder), fs.realpath(location.path)]);
  return isInside(folder, file);
}

function say(message: string): void {
  void vscode.window.showWarningMessage(message, OPEN_SETTING).then((choice) => {
    if (choice === OPEN_SETTING) void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${SETTING}`);
  });
}

/**
 * Creating a file is not offered in an untrusted workspace (its settings chose the path), and the
 * path is checked again with every symbolic link resolved just before writing.
 */
function offerToCreate(location: Extract<TemplateLocation, { kind: 'file' }>, uri: vscode.Uri): void {
  const actions = vscode.workspace.isTrusted ? [CREATE_TEMPLATE, OPEN_SETTING] : [OPEN_SETTING];
  void vscode.window
    .showWarningMessage(`PhaseLens used its built-in prompt: the prompt template "${location.written}" does not exist.`, ...actions)
    .then(async (choice) => {
      if (choice === OPEN_SETTING) return vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${SETTING}`);
      if (choice !== CREATE_TEMPLATE || !vscode.workspace.isTrusted) return;
      if (uri.scheme === 'file' && location.folder && !(await creationStaysInside(location.folder, location.path, fs.realpath).catch(() => false))) {
        void vscode.window.showErrorMessage(`PhaseLens did not create the prompt template "${location.written}": through a symbolic link it would be written outside the workspace folder.`);
        return;
      }
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(STARTER_PROMPT_TEMPLATE));
      await vscode.window.showTextDocument(uri);
    });
}

function reportUnknown(uri: vscode.Uri, unknown: readonly string[]): void {
  const fresh = unknown.filter((name) => !reportedUnknown.has(`${uri.toString()}\n${name}`));
  if (fresh.length === 0) return;
  for (const name of fresh) reportedUnknown.add(`${uri.toString()}\n${name}`);
  const written = fresh.map((name) => `\${${name}}`).join(', ');
  const known = PROMPT_VARIABLES.map((name) => `\${${name}}`).join(' ');
  void vscode.window
    .showWarningMessage(`The prompt template ${vscode.workspace.asRelativePath(uri)} uses ${written}, which PhaseLens does not know; it is left as written. Variables: ${known}`, OPEN_TEMPLATE)
    .then((choice) => {
      if (choice === OPEN_TEMPLATE) void vscode.window.showTextDocument(uri);
    });
}
