export { worktreeTargetFor, pathComponent, WORKTREE_VARIABLES, DEFAULT_WORKTREE_BRANCH, type WorktreeTarget, type WorktreeInput } from './worktreePath';
export { parseWorktreeList, decideWorktreeStep, type WorktreeEntry, type WorktreeStep } from './worktreeList';
