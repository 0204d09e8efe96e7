import fs from 'node:fs';
import path from 'node:path';
import { decideWorktreeStep, parseWorktreeList } from '../../core/api';
import { gitComplaint, runGit } from './runGit';

export type RepositoryCheck =
  | { ok: true; root: string; head: string; dirty: number }
  | { ok: false; message: string };

/** The repository a plan lives in: its root, HEAD commit, and how many files have uncommitted changes. */
export async function repositoryOf(folder: string): Promise<RepositoryCheck> {
  const top = await runGit(['rev-parse', '--show-toplevel'], folder);
  if (top.missing) return { ok: false, message: 'git is not installed, or not on the PATH' };
  if (!top.ok) return { ok: false, message: `${folder} is not in a git repository` };
  const root = top.stdout.trim();
  const head = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], root);
  if (!head.ok) return { ok: false, message: `the repository at ${root} has no commit yet; worktrees start from one` };
  const status = await runGit(['status', '--porcelain', '--untracked-files=no'], root);
  const dirty = status.stdout.split('\n').filter(Boolean).length;
  return { ok: true, root, head: head.stdout.trim(), dirty };
}

export type WorktreeResult =
  | { ok: true; kind: 'created' | 'reused'; path: string; branch: string }
  | { ok: false; path: string; branch: string; message: string };

/**
 * The phase's worktree at `absolutePath` on `branch`: reused when git has exactly that, else
 * added from HEAD (a new branch) or on the existing branch. A path that exists and is not this
 * worktree is never touched.
 */
export async function prepareWorktree(root: string, absolutePath: string, branch: string): Promise<WorktreeResult> {
  const list = await runGit(['worktree', 'list', '--porcelain'], root);
  if (!list.ok) return { ok: false, path: absolutePath, branch, message: gitComplaint(list) };
  const branchExists = (await runGit(['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], root)).ok;
  const step = decideWorktreeStep(absolutePath, branch, { worktrees: parseWorktreeList(list.stdout), pathExists: fs.existsSync(absolutePath), branchExists }, samePath);
  if (step.kind === 'conflict') return { ok: false, path: absolutePath, branch, message: step.reason };
  if (step.kind === 'reuse') return { ok: true, kind: 'reused', path: absolutePath, branch };
  // The branch name is valid for git (never starts with `-`); the path is absolute; `--` ends the options anyway.
  const args = step.newBranch ? ['worktree', 'add', '-b', branch, '--', absolutePath, 'HEAD'] : ['worktree', 'add', '--', absolutePath, branch];
  const added = await runGit(args, root);
  if (!added.ok) return { ok: false, path: absolutePath, branch, message: gitComplaint(added) };
  return { ok: true, kind: 'created', path: absolutePath, branch };
}

/** The branch's tip commit, or undefined. */
export async function branchTip(root: string, branch: string): Promise<string | undefined> {
  const tip = await runGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], root);
  return tip.ok ? tip.stdout.trim() : undefined;
}

/** Whether `commit` is in the history of the main worktree's HEAD (the phase's branch was merged). */
export async function isMerged(root: string, commit: string): Promise<boolean> {
  return (await runGit(['merge-base', '--is-ancestor', commit, 'HEAD'], root)).ok;
}

function samePath(a: string, b: string): boolean {
  const real = (value: string) => {
    try {
      return fs.realpathSync.native(value);
    } catch {
      return path.resolve(value);
    }
  };
  const left = real(a);
  const right = real(b);
  return process.platform === 'win32' || process.platform === 'darwin' ? left.toLowerCase() === right.toLowerCase() : left === right;
}
