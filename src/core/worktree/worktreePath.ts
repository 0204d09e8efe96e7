import { branchNameFor, slugify } from '../branchName';
import { fillTemplate } from '../promptTemplate';

/**
 * Where a phase's git worktree goes (`phaselens.launch.worktree`, e.g. `../${repo}-${branch}`),
 * relative to the repository's root. Every value is reduced to one safe path component before
 * it is put in (letters, digits, `.`, `_`, `-`; no separators, no `..`, never a leading `-` or
 * `.`), so a plan's title can neither climb out of the template's folder nor look like an option.
 */
export const WORKTREE_VARIABLES = ['repo', 'branch', 'phaseId', 'slug'] as const;

/** The branch a phase's worktree is on when `phaselens.launch.branch` is empty. */
export const DEFAULT_WORKTREE_BRANCH = 'phase-${phaseId}-${slug}';

export interface WorktreeTarget {
  /** '' when the template gives no usable path. */
  path: string;
  /** '' when the branch template gives no name git accepts. */
  branch: string;
  /** `${names}` in either template that are not variables. */
  unknown: string[];
}

export interface WorktreeInput {
  /** The repository folder's name. */
  repo: string;
  phaseId: string;
  phaseTitle: string;
  planTitle: string;
}

export function worktreeTargetFor(pathTemplate: string, branchTemplate: string, input: WorktreeInput): WorktreeTarget {
  const branch = branchNameFor(branchTemplate.trim() || DEFAULT_WORKTREE_BRANCH, { phaseId: input.phaseId, phaseTitle: input.phaseTitle, planTitle: input.planTitle });
  const values = { repo: pathComponent(input.repo), branch: pathComponent(branch.name), phaseId: pathComponent(input.phaseId), slug: slugify(input.phaseTitle) };
  const filled = fillTemplate(pathTemplate.trim(), values);
  const unknown = [...branch.unknown, ...filled.unknown];
  if (!branch.name) return { path: '', branch: '', unknown };
  return { path: usablePath(filled.text), branch: branch.name, unknown };
}

/** One path component from any text: `feature/ABC 12` → `feature-ABC-12`. */
export function pathComponent(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
}

/** The filled template, or '' when it names no folder of its own (empty, `.`, `..` alone). */
function usablePath(text: string): string {
  const trimmed = text.trim().replace(/[\\/]+$/, '');
  const last = trimmed.split(/[\\/]/).pop() ?? '';
  if (trimmed === '' || last === '' || last === '.' || last === '..') return '';
  return trimmed;
}
