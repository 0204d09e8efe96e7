/** One entry of `git worktree list --porcelain`. */
export interface WorktreeEntry {
  path: string;
  /** Short branch name (`phase-2-left`); undefined for a detached HEAD or a bare repository. */
  branch?: string;
}

/** Reads `git worktree list --porcelain` (records separated by blank lines; `-z` not needed for paths without newlines). */
export function parseWorktreeList(output: string): WorktreeEntry[] {
  const entries: WorktreeEntry[] = [];
  let current: WorktreeEntry | undefined;
  for (const line of output.split(/\r?\n/)) {
    if (line.startsWith('worktree ')) {
      current = { path: line.slice('worktree '.length) };
      entries.push(current);
    } else if (current && line.startsWith('branch ')) {
      current.branch = line.slice('branch '.length).replace(/^refs\/heads\//, '');
    }
  }
  return entries;
}

export type WorktreeStep =
  | { kind: 'reuse' }
  | { kind: 'add'; newBranch: boolean }
  | { kind: 'conflict'; reason: string };

/**
 * What to do for a phase's worktree at `path` on `branch`: reuse it when git already has that
 * worktree on that branch; add it when the path is free; otherwise say why not. `samePath`
 * compares paths the way the platform does (real paths, case on Windows).
 */
export function decideWorktreeStep(
  path: string,
  branch: string,
  state: { worktrees: readonly WorktreeEntry[]; pathExists: boolean; branchExists: boolean },
  samePath: (a: string, b: string) => boolean,
): WorktreeStep {
  const atPath = state.worktrees.find((entry) => samePath(entry.path, path));
  if (atPath) {
    if (atPath.branch === branch) return { kind: 'reuse' };
    return { kind: 'conflict', reason: `${path} is already a worktree of this repository, on ${atPath.branch ? `branch ${atPath.branch}` : 'a detached HEAD'}, not on ${branch}` };
  }
  if (state.pathExists) return { kind: 'conflict', reason: `${path} already exists and is not a worktree of this repository` };
  const elsewhere = state.worktrees.find((entry) => entry.branch === branch);
  if (elsewhere) return { kind: 'conflict', reason: `branch ${branch} is already checked out in ${elsewhere.path}` };
  return { kind: 'add', newBranch: !state.branchExists };
}
