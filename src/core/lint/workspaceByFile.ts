import type { FileView, WorkspaceIndex } from '../graph';

export type { FileView };

/**
 * The parts of the workspace index that concern one file. Rules run once per plan; the index
 * answers per file (grouped once per index, or kept per file by the incremental graph), so
 * linting never scans every edge of a 1,000-plan workspace for each plan.
 */
export function workspaceFor(workspace: WorkspaceIndex, file: string): FileView {
  return workspace.forFile(file);
}
