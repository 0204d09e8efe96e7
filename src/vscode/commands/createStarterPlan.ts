import * as vscode from 'vscode';
import { DEFAULT_PLAN_NAME, freePlanName, starterPlanText } from './starterPlanTemplate';
import type { Command } from './command';

/** Lets a caller (a test, another command) skip the questions. */
export interface StarterPlanRequest {
  /** Workspace folder (or any folder) to create the plan in. */
  folder?: vscode.Uri | string;
  /** File name, or a path relative to the folder. */
  name?: string;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isRequest(value: unknown): value is StarterPlanRequest {
  return typeof value === 'object' && value !== null && ('folder' in value || 'name' in value);
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage('PhaseLens: open a folder first; the starter plan is created inside it.');
    return undefined;
  }
  if (folders.length === 1) return folders[0]!.uri;
  const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the starter plan in' });
  return folder?.uri;
}

/** A name the user typed, kept inside the folder: no absolute paths, no climbing out with `..`. */
function safeRelativePath(name: string): string | undefined {
  const parts = name.trim().replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0 || parts.some((part) => part === '..')) return undefined;
  return parts.join('/');
}

/**
 * `phaselens.createStarterPlan` (the Phases view's welcome button): asks for a file name
 * (`PHASE_1_PLAN.md` in the first workspace folder by default), writes the starter plan there
 * without ever overwriting a file, and opens it.
 */
export function createStarterPlanCommand(): Command {
  return {
    id: 'phaselens.createStarterPlan',
    async execute(arg: unknown): Promise<vscode.Uri | undefined> {
      const request = isRequest(arg) ? arg : {};
      const folder = request.folder ? (typeof request.folder === 'string' ? vscode.Uri.parse(request.folder) : request.folder) : await pickFolder();
      if (!folder) return undefined;

      let name = request.name;
      if (name === undefined) {
        const suggested = await freePlanName(DEFAULT_PLAN_NAME, (candidate) => exists(vscode.Uri.joinPath(folder, candidate)));
        name = await vscode.window.showInputBox({
          title: 'Create Starter Plan',
          prompt: `File name for the new plan, relative to ${vscode.workspace.asRelativePath(folder, true) || folder.path}`,
          value: suggested,
          valueSelection: [0, suggested.lastIndexOf('.')],
          validateInput: async (value) => {
            const relative = safeRelativePath(value);
            if (!relative) return 'Enter a file name inside the folder, such as PHASE_1_PLAN.md.';
            const withExtension = /\.(md|markdown)$/i.test(relative) ? relative : `${relative}.md`;
            return (await exists(vscode.Uri.joinPath(folder, withExtension))) ? `${withExtension} already exists; a starter plan never overwrites a file.` : undefined;
          },
        });
        if (name === undefined) return undefined;
      }
      const relative = safeRelativePath(name);
      if (!relative) {
        void vscode.window.showWarningMessage(`PhaseLens: "${name}" is not a file name inside the folder.`);
        return undefined;
      }
      // Checked again right before writing: the file may have appeared since the question.
      const free = await freePlanName(relative, (candidate) => exists(vscode.Uri.joinPath(folder, candidate)));
      const uri = vscode.Uri.joinPath(folder, free);
      const project = vscode.workspace.getWorkspaceFolder(folder)?.name ?? folder.path.split('/').filter(Boolean).pop() ?? 'My Project';
      const text = starterPlanText({ project, date: new Date().toISOString().slice(0, 10) });
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      return uri;
    },
  };
}
