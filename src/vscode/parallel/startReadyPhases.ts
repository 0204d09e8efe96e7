import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { allPhases, applyEdits, capitalizedPhaseName, describeNoneReady, nextReadyPhase, parsePlan, phaseName, type PhaseRef, readyPhases, setStatusEdits, worktreeTargetFor } from '../../core/api';
import { writePhase } from '../commands/writePhase';
import { launchOptionsOf, type CommandServices, type PhaseCommand, type PhaseCommandResult } from '../commands/phaseCommand';
import { SECTION } from '../shared/config';
import { launchPhase, type LaunchResult } from '../launch/launcher';
import { planOf } from '../commands/startNextReadyPhase';
import { displayPath } from '../shared/displayPath';
import { targetOf, type PhaseTarget } from '../shared/phaseTarget';
import type { PlanEntry } from '../planStore';
import { runGit } from './runGit';
import { prepareWorktree, repositoryOf } from './worktrees';

export const START_ANYWAY = 'Start Anyway';
const OPEN_SETTING = 'Open Setting';
const DEFAULT_MAX_PARALLEL = 3;

export interface StartedPhase {
  target: PhaseTarget;
  /** The phase as people name it ("Phase 2"). */
  name: string;
  launch: LaunchResult;
  worktree?: { path: string; branch: string; kind: 'created' | 'reused' };
}

export interface StartReadyResult extends PhaseCommandResult {
  started: StartedPhase[];
  /** What stopped single phases (a worktree path that is not ours, git's refusal). */
  problems: string[];
}

/**
 * Start Ready Phases: every phase that can start now (planned, dependencies done, not already
 * running in a worktree), up to `phaselens.launch.maxParallel`, each launched in its own
 * terminal. With `phaselens.launch.worktree` each gets its own git worktree on its own branch
 * (created or reused), its status is written in that worktree's copy of the plan, and its agent
 * works there; the Phases view then reads its progress from that copy.
 */
export function startReadyPhasesCommand(services: CommandServices): PhaseCommand {
  const { store } = services;
  return {
    id: 'phaselens.startReadyPhases',
    async execute(argument): Promise<StartReadyResult> {
      const nothing = (outcome: PhaseCommandResult['outcome'], problems: string[] = []): StartReadyResult => ({ outcome, started: [], problems });
      await store.ensureIndexed();
      for (const document of vscode.workspace.textDocuments) store.entryFor(document);
      const planUri = planOf(argument);
      const entries = store.plans();
      const scoped = planUri ? entries.find((entry) => entry.uri.toString() === planUri) : undefined;
      if (planUri && !scoped) return nothing('no-phase');
      const where = scoped ? `in ${displayPath(scoped.uri)}` : 'in the workspace';
      const entryOf = (ref: PhaseRef) => entries.find((entry) => entry.plan === ref.plan);
      const running = (ref: PhaseRef) => !!services.worktreeRuns.find(entryOf(ref)?.uri.toString() ?? '', ref.phase.key);
      const within = (ref: PhaseRef) => (!scoped || ref.plan === scoped.plan) && !running(ref);
      const ready = readyPhases(store.index(), within);
      if (ready.length === 0) {
        const none = nextReadyPhase(store.index(), within);
        if (none.kind === 'none') void vscode.window.showInformationMessage(describeNoneReady(none, where));
        return nothing('no-phase');
      }

      const config = vscode.workspace.getConfiguration(SECTION, scoped?.uri);
      const limit = Math.max(1, Math.floor(config.get<number>('launch.maxParallel', DEFAULT_MAX_PARALLEL)));
      const chosen = ready.slice(0, limit);
      const worktreeTemplate = config.get<string>('launch.worktree', '').trim();
      const started: StartedPhase[] = [];
      const problems: string[] = [];

      if (!worktreeTemplate) {
        for (const ref of chosen) {
          const entry = entryOf(ref);
          if (!entry) continue;
          const target = targetOf(entry, ref.phase);
          const name = capitalizedPhaseName(ref.phase);
          const written = await writePhase(store, target, name, ({ entry: now, phase }) => (phase.status === 'in-progress' ? [] : setStatusEdits(now.plan, phase, 'in-progress', now.text)));
          if (written.outcome !== 'applied' && written.outcome !== 'unchanged') {
            problems.push(`${name} was not started: its plan could not be changed.`);
            continue;
          }
          started.push({ target, name: phaseName(ref.phase), launch: await launchPhase(store, written.resolved, services.globalState, launchOptionsOf(services)) });
        }
      } else {
        if (!vscode.workspace.isTrusted) {
          void vscode.window.showWarningMessage('PhaseLens did not start the ready phases: it creates git worktrees only in trusted workspaces.');
          return nothing('refused');
        }
        const prepared = await startInWorktrees(services, chosen, entryOf, worktreeTemplate, config.get<string>('launch.branch', ''), started, problems);
        if (prepared !== 'ok') return nothing(prepared);
      }

      report(started, problems, ready.length - chosen.length, limit);
      return { outcome: started.length > 0 ? 'applied' : 'refused', started, problems };
    },
  };
}

async function startInWorktrees(
  services: CommandServices,
  chosen: readonly PhaseRef[],
  entryOf: (ref: PhaseRef) => PlanEntry | undefined,
  template: string,
  branchTemplate: string,
  started: StartedPhase[],
  problems: string[],
): Promise<'ok' | 'cancelled' | 'refused'> {
  const first = entryOf(chosen[0]!);
  if (!first || first.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('PhaseLens did not start the ready phases in worktrees: the plan is not a file on this machine.');
    return 'refused';
  }
  const repository = await repositoryOf(path.dirname(first.uri.fsPath));
  if (!repository.ok) {
    void vscode.window
      .showWarningMessage(`PhaseLens did not start the ready phases: ${repository.message}. Worktrees (phaselens.launch.worktree) need a git repository with a commit.`, OPEN_SETTING)
      .then((choice) => choice && vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.launch.worktree`));
    return 'refused';
  }
  const { root } = repository;
  if (repository.dirty > 0) {
    const files = repository.dirty === 1 ? '1 file' : `${repository.dirty} files`;
    const choice = await vscode.window.showWarningMessage(
      `The repository ${path.basename(root)} has uncommitted changes (${files}).`,
      { modal: true, detail: 'New worktrees start from the last commit (HEAD) and will not have these changes. Commit them first, or start anyway.' },
      START_ANYWAY,
    );
    if (choice !== START_ANYWAY) return 'cancelled';
  }

  for (const ref of chosen) {
    const entry = entryOf(ref);
    if (!entry) continue;
    const name = capitalizedPhaseName(ref.phase);
    const relativePlan = path.relative(root, entry.uri.fsPath);
    if (relativePlan.startsWith('..') || !(await runGit(['cat-file', '-e', `HEAD:${relativePlan.split(path.sep).join('/')}`], root)).ok) {
      problems.push(`${name} was not started: ${displayPath(entry.uri)} is not committed, so a worktree would have no copy of it.`);
      continue;
    }
    const target = worktreeTargetFor(template, branchTemplate, { repo: path.basename(root), phaseId: ref.phase.id, phaseTitle: ref.phase.title, planTitle: entry.plan.title });
    if (!target.path) {
      problems.push(`${name} was not started: the worktree template "${template}" gives no usable folder for it.`);
      continue;
    }
    const absolute = path.resolve(root, target.path);
    const worktree = await prepareWorktree(root, absolute, target.branch);
    if (!worktree.ok) {
      problems.push(`${name} was not started: ${worktree.message}.`);
      continue;
    }
    const planCopy = path.join(absolute, relativePlan);
    const marked = markInProgress(planCopy, ref.phase.key, ref.phase.line);
    if (marked) {
      problems.push(`${name} started in ${absolute}, but its status could not be written there: ${marked}.`);
    }
    await services.worktreeRuns.add({
      planUri: entry.uri.toString(),
      phaseKey: ref.phase.key,
      worktree: absolute,
      branch: target.branch,
      planCopy,
      root,
      startCommit: repository.head,
      startedAt: Date.now(),
    });
    const resolved = { entry, phase: ref.phase };
    const launch = await launchPhase(services.store, resolved, services.globalState, { ...launchOptionsOf(services), place: { cwd: vscode.Uri.file(absolute), file: planCopy } });
    started.push({ target: targetOf(entry, ref.phase), name: phaseName(ref.phase), launch, worktree: { path: absolute, branch: target.branch, kind: worktree.kind } });
  }
  return 'ok';
}

/** Writes "in progress" into the worktree's copy of the plan, in its own style; an error message, or undefined when done. */
function markInProgress(file: string, key: string, line: number): string | undefined {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
    const text = raw.slice(bom.length);
    const plan = parsePlan(text, file);
    const candidates = allPhases(plan).filter((phase) => phase.key === key);
    if (candidates.length === 0) return 'the phase is not in that copy of the plan';
    const phase = candidates.reduce((best, candidate) => (Math.abs(candidate.line - line) < Math.abs(best.line - line) ? candidate : best));
    if (phase.status === 'in-progress') return undefined;
    const edits = setStatusEdits(plan, phase, 'in-progress', text);
    if (edits.length > 0) fs.writeFileSync(file, bom + applyEdits(text, edits));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function report(started: readonly StartedPhase[], problems: readonly string[], left: number, limit: number): void {
  if (started.length > 0) {
    const each = started.map((phase) => (phase.worktree ? `${phase.name} in ${phase.worktree.path} (${phase.worktree.branch})` : phase.name));
    const more = left > 0 ? ` ${left} more ${left === 1 ? 'is' : 'are'} ready (phaselens.launch.maxParallel is ${limit}).` : '';
    void vscode.window.showInformationMessage(`Started ${each.join(', ')}.${more}`);
  }
  if (problems.length > 0) void vscode.window.showWarningMessage(problems.join(' '));
}
