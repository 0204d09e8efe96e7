import type * as vscode from 'vscode';

/**
 * The small part of the built-in Git extension's API (`vscode.git`, `getAPI(1)`, declared in
 * its `src/api/git.d.ts`) that branch-per-phase uses. Typed here rather than depended on: the
 * extension is built into VS Code, and these members have been stable in API version 1 for years.
 */
export interface GitExtension {
  /** False when the user switched Git off (`git.enabled`); `getAPI` then throws. */
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export type GitApiState = 'uninitialized' | 'initialized';

export interface GitApi {
  readonly state: GitApiState;
  readonly onDidChangeState: vscode.Event<GitApiState>;
  readonly repositories: readonly GitRepository[];
  /** The innermost open repository containing `uri`, or null. */
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitBranch {
  /** Short name (`main`); undefined for a detached HEAD. */
  readonly name?: string;
}

export interface GitChange {
  readonly uri: vscode.Uri;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly workingTreeChanges: readonly GitChange[];
  readonly indexChanges: readonly GitChange[];
  readonly mergeChanges: readonly GitChange[];
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: GitRepositoryState;
  /** Refreshes `state` from `git status`. */
  status(): Promise<void>;
  /** Local branches with `remote: false`. */
  getBranches(query: { remote?: boolean }): Promise<GitBranch[]>;
  /** `git branch name` (and `git checkout name` with `checkout`), from HEAD. */
  createBranch(name: string, checkout: boolean): Promise<void>;
  checkout(treeish: string): Promise<void>;
}
