import { branchNameFor, type BranchNameInput } from '../../core/api';

/**
 * Branch per phase (`phaselens.launch.branch`), decided without `vscode` so the rules are
 * unit-tested in Node. Two steps: what the settings ask for (before Git is asked anything), then
 * what to do in the repository as it is.
 *
 * Switching branches is a git action on the user's files, and runs git with the repository's own
 * configuration (hooks included), so it happens only in trusted workspaces; VS Code's Git
 * extension does not run in untrusted ones either. The start itself goes on without a branch.
 */
export type BranchIntent =
  | { kind: 'off' }
  | { kind: 'untrusted' }
  /** The template gives nothing git accepts (`${slug}` of a title with no letters, say). */
  | { kind: 'unusable'; template: string }
  | { kind: 'branch'; name: string; template: string; unknown: string[] };

export function decideBranchIntent(trusted: boolean, template: unknown, input: BranchNameInput): BranchIntent {
  const written = typeof template === 'string' ? template.trim() : '';
  if (!written || written.toLowerCase() === 'off') return { kind: 'off' };
  if (!trusted) return { kind: 'untrusted' };
  const { name, unknown } = branchNameFor(written, input);
  return name ? { kind: 'branch', name, template: written, unknown } : { kind: 'unusable', template: written };
}

export interface RepositoryFacts {
  /** The checked-out branch; undefined on a detached HEAD. */
  head: string | undefined;
  /** A local branch of that name exists. */
  exists: boolean;
  /** Files with staged, unstaged or unmerged changes. */
  changedFiles: number;
}

export type BranchStep =
  | { kind: 'already-on' }
  /** `create`: make the branch from HEAD; otherwise check out the existing one. */
  | { kind: 'switch'; create: boolean }
  /** Uncommitted changes: the user chooses to switch anyway, start without switching, or cancel. */
  | { kind: 'ask'; create: boolean; changedFiles: number };

export function decideBranchStep(name: string, facts: RepositoryFacts): BranchStep {
  if (facts.head === name) return { kind: 'already-on' };
  const create = !facts.exists;
  return facts.changedFiles > 0 ? { kind: 'ask', create, changedFiles: facts.changedFiles } : { kind: 'switch', create };
}
