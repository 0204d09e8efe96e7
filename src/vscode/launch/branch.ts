import * as vscode from 'vscode';
import { BRANCH_VARIABLES, capitalizedPhaseName, phaseName } from '../../core/api';
import { SECTION } from '../shared/config';
import type { ResolvedPhase } from '../shared/phaseTarget';
import { decideBranchIntent, decideBranchStep } from './branchDecision';
import { gitApi } from './git';
import type { GitRepository } from './gitApi';

export type BranchResult =
  | { kind: 'off' | 'untrusted' | 'unusable-name' | 'no-git' | 'no-repository' | 'cancelled' }
  | { kind: 'already-on' | 'created' | 'switched'; branch: string }
  /** The start went on without switching: the user chose so over uncommitted changes, or git refused. */
  | { kind: 'kept'; branch: string; reason: 'changes' | 'git-refused' };

export const SWITCH_ANYWAY = 'Switch Anyway';
export const START_WITHOUT_SWITCHING = 'Start Without Switching';
const OPEN_SETTING = 'Open Setting';
const SETTLE_TIMEOUT_MS = 3000;

/** Branch templates whose unknown `${names}` were already reported this session. */
const reportedTemplates = new Set<string>();

/**
 * Before a phase is started: create its branch, or switch to it, as `phaselens.launch.branch`
 * asks. Everything that stands in the way is said in a message (modal only where the user has a
 * choice to make); only "cancelled" stops the start.
 */
export async function prepareBranch(resolved: ResolvedPhase): Promise<BranchResult> {
  const { entry, phase } = resolved;
  const template = vscode.workspace.getConfiguration(SECTION, entry.uri).get<string>('launch.branch');
  const intent = decideBranchIntent(vscode.workspace.isTrusted, template, { phaseId: phase.id, phaseTitle: phase.title, planTitle: entry.plan.title });
  const name = phaseName(phase);
  switch (intent.kind) {
    case 'off':
      return { kind: 'off' };
    case 'untrusted':
      inform(`PhaseLens did not switch to a branch for ${name}: it takes git actions only in trusted workspaces.`);
      return { kind: 'untrusted' };
    case 'unusable':
      void vscode.window
        .showWarningMessage(`PhaseLens did not switch to a branch for ${name}: the branch template "${intent.template}" gives no name git accepts for it.`, OPEN_SETTING)
        .then((choice) => choice && vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.launch.branch`));
      return { kind: 'unusable-name' };
    case 'branch':
      break;
  }
  reportUnknown(intent.template, intent.unknown);

  const git = await gitApi();
  if (!git.ok) {
    inform(`PhaseLens did not switch to a branch for ${name}: ${git.reason === 'disabled' ? 'Git is switched off in VS Code (git.enabled)' : 'the Git extension is not available'}.`);
    return { kind: 'no-git' };
  }
  const repository = git.api.getRepository(entry.uri);
  if (!repository) {
    inform(`PhaseLens did not switch to a branch for ${name}: ${vscode.workspace.asRelativePath(entry.uri)} is not in a Git repository that VS Code has open.`);
    return { kind: 'no-repository' };
  }
  return switchTo(repository, intent.name, resolved);
}

async function switchTo(repository: GitRepository, branch: string, resolved: ResolvedPhase): Promise<BranchResult> {
  const name = capitalizedPhaseName(resolved.phase);
  try {
    await repository.status();
    const branches = await repository.getBranches({ remote: false });
    const { state } = repository;
    const step = decideBranchStep(branch, {
      head: state.HEAD?.name,
      exists: branches.some((candidate) => candidate.name === branch),
      changedFiles: new Set([...state.workingTreeChanges, ...state.indexChanges, ...state.mergeChanges].map((change) => change.uri.toString())).size,
    });
    if (step.kind === 'already-on') return { kind: 'already-on', branch };
    if (step.kind === 'ask') {
      const files = step.changedFiles === 1 ? '1 file' : `${step.changedFiles} files`;
      const choice = await vscode.window.showWarningMessage(
        `The repository ${repository.rootUri.path.split('/').filter(Boolean).pop() ?? ''} has uncommitted changes (${files}). Switch to ${step.create ? 'a new ' : ''}branch ${branch} for ${name} anyway?`,
        { modal: true, detail: 'Git carries the changes over to the branch, or refuses to switch if they conflict with it.' },
        SWITCH_ANYWAY,
        START_WITHOUT_SWITCHING,
      );
      if (choice === START_WITHOUT_SWITCHING) return { kind: 'kept', branch, reason: 'changes' };
      if (choice !== SWITCH_ANYWAY) return { kind: 'cancelled' };
    }
    const create = step.create;
    if (create) await repository.createBranch(branch, true);
    else await repository.checkout(branch);
    if (!create) await settle(resolved.entry.uri);
    vscode.window.setStatusBarMessage(`$(git-branch) ${create ? 'Created' : 'Switched to'} ${branch}`, 5000);
    return { kind: create ? 'created' : 'switched', branch };
  } catch (error) {
    const reason = gitMessage(error);
    const choice = await vscode.window.showWarningMessage(`Git did not switch to branch ${branch}${reason ? `: ${reason}` : ''}. Start ${name} without switching?`, { modal: true }, START_WITHOUT_SWITCHING);
    return choice === START_WITHOUT_SWITCHING ? { kind: 'kept', branch, reason: 'git-refused' } : { kind: 'cancelled' };
  }
}

/** Git's own words (its stderr) when it refused, trimmed to what fits in a message. */
function gitMessage(error: unknown): string {
  const details = error as { stderr?: unknown; message?: unknown } | undefined;
  const text = typeof details?.stderr === 'string' && details.stderr.trim() ? details.stderr : typeof details?.message === 'string' ? details.message : '';
  const line =
    text
      .split('\n')
      .map((part) => part.replace(/^(error|fatal):\s*/, '').replace(/:\s*$/, '').trim())
      .find(Boolean) ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * After checking out another branch, an open plan without unsaved changes is reloaded from
 * disk by VS Code a moment later; the status edit must be computed from that text, not from
 * the old branch's.
 */
async function settle(uri: vscode.Uri): Promise<void> {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  if (!document || document.isDirty || document.isClosed) return;
  const matchesDisk = async () => {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) === document.getText();
    } catch {
      return true; // gone on this branch: nothing to wait for
    }
  };
  if (await matchesDisk()) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, SETTLE_TIMEOUT_MS);
    const listener = vscode.workspace.onDidChangeTextDocument(async (event) => {
      if (event.document === document && (await matchesDisk())) done();
    });
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

function inform(message: string): void {
  void vscode.window.showInformationMessage(message);
}

function reportUnknown(template: string, unknown: readonly string[]): void {
  if (unknown.length === 0 || reportedTemplates.has(template)) return;
  reportedTemplates.add(template);
  const known = BRANCH_VARIABLES.map((variable) => `\${${variable}}`).join(' ');
  void vscode.window.showWarningMessage(`The branch template "${template}" uses ${unknown.map((variable) => `\${${variable}}`).join(', ')}, which PhaseLens does not know; it is left as written. Variables: ${known}`);
}
