import * as vscode from 'vscode';
import { fileSettings } from './shared/config';
import { matchesAny } from './glob';

/**
 * Which files may be plans: markdown files under `phaselens.files.include`, outside
 * `phaselens.files.exclude` and `files.exclude`, never inside `node_modules`. A markdown file
 * outside every workspace folder (opened on its own) is always a candidate.
 */
export interface PlanDiscovery {
  accepts(uri: vscode.Uri): boolean;
  findPlanCandidates(): Promise<vscode.Uri[]>;
}

const ALWAYS_EXCLUDED = ['**/node_modules/**'];

function excludes(folder: vscode.WorkspaceFolder): string[] {
  const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, boolean>>('exclude', {});
  const fromFiles = Object.entries(filesExclude)
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
  return [...ALWAYS_EXCLUDED, ...fileSettings(folder).exclude, ...fromFiles];
}

/** A folder pattern such as `**\/dist` excludes what is under it too. */
function withContents(patterns: readonly string[]): string[] {
  return patterns.flatMap((pattern) => (pattern.endsWith('/**') ? [pattern] : [pattern, `${pattern}/**`]));
}

export function planDiscovery(): PlanDiscovery {
  return {
    accepts(uri) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) return /\.(md|markdown)$/i.test(uri.path) || uri.scheme === 'untitled';
      const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
      if (relative.split('/').includes('node_modules')) return false;
      const { include } = fileSettings(folder);
      return matchesAny(relative, include) && !matchesAny(relative, withContents(excludes(folder)));
    },
    async findPlanCandidates() {
      const found: vscode.Uri[] = [];
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const { include } = fileSettings(folder);
        if (include.length === 0) continue;
        const pattern = new vscode.RelativePattern(folder, include.length === 1 ? include[0]! : `{${include.join(',')}}`);
        const exclude = `{${withContents(excludes(folder)).join(',')}}`;
        found.push(...(await vscode.workspace.findFiles(pattern, exclude)));
      }
      return found.sort((a, b) => a.toString().localeCompare(b.toString()));
    },
  };
}
