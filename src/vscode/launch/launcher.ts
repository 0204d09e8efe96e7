import * as vscode from 'vscode';
import { detectShell, expandLaunchCommand, type LaunchValues, phaseName, wslEnvFor } from '../../core/api';
import { SECTION } from '../shared/config';
import type { PlanStore } from '../planStore';
import type { ResolvedPhase } from '../shared/phaseTarget';
import { openChatWith } from './chat';
import { decideLaunchAction } from './launchAction';
import type { LaunchDecision } from './launchDecision';
import { offerLaunchHint } from './launchHint';
import { promptFilePath, writePromptFile } from './promptFile';
import { phasePromptText } from './promptSource';
import { newPhaseTerminal, workingFolderFor } from './terminal';
import type { RunTracker } from '../runs/runTracker';
import { targetOf } from '../shared/phaseTarget';

export type LaunchResult =
  /** `run`: the id of the run that follows it, when runs are tracked. */
  | { kind: 'launched'; terminal: string; command: string; run?: string }
  | { kind: 'not-configured' }
  | { kind: 'untrusted' }
  | { kind: 'unsupported-shell'; shell: string }
  | { kind: 'invalid-template'; error: string }
  | { kind: 'chat' }
  /** `chatUnavailable`: the action was `chat`, and there was none to open. */
  | { kind: 'clipboard'; chatUnavailable?: boolean }
  | { kind: 'none' };

const OPEN_SETTING = 'Open Setting';
const MANAGE_TRUST = 'Manage Workspace Trust';

/** Where a launch runs when not in the plan's own folder: a phase's worktree, with its copy of the plan. */
export interface LaunchPlace {
  cwd: vscode.Uri;
  /** The copy of the plan the agent works on (`${file}`). */
  file: string;
}

/** Hands a phase that was just started on, as `phaselens.launch.action` says: terminal, chat, clipboard or nothing. */
/** How one launch is followed and where it runs. */
export interface LaunchOptions {
  /** Follows the terminal as a run; without it the launch is not followed. */
  runs?: RunTracker;
  /** A phase's own worktree, when it does not run in the plan's folder. */
  place?: LaunchPlace;
  /** The extension's storage folder, where `${promptFile}` is written. */
  storage?: vscode.Uri;
}

export async function launchPhase(store: PlanStore, resolved: ResolvedPhase, globalState: vscode.Memento, options: LaunchOptions = {}): Promise<LaunchResult> {
  const config = vscode.workspace.getConfiguration(SECTION, resolved.entry.uri);
  const plan = decideLaunchAction(vscode.workspace.isTrusted, config.get<string>('launch.action'), config.inspect<string>('launch.command') ?? {});
  const name = phaseName(resolved.phase);
  switch (plan.action) {
    case 'none':
      return { kind: 'none' };
    case 'clipboard':
      await vscode.env.clipboard.writeText(await phasePromptText(store, resolved));
      void vscode.window.showInformationMessage(`${name} is in progress. Its prompt is on the clipboard.`);
      return { kind: 'clipboard' };
    case 'chat': {
      const prompt = await phasePromptText(store, resolved);
      if (await openChatWith(prompt)) return { kind: 'chat' };
      await vscode.env.clipboard.writeText(prompt);
      void vscode.window.showInformationMessage(`${name} is in progress. There is no chat in this VS Code to open, so its prompt is on the clipboard instead.`);
      return { kind: 'clipboard', chatUnavailable: true };
    }
    case 'terminal':
      return runLaunchCommand(store, resolved, globalState, plan.decision, options);
  }
}

/** Runs `phaselens.launch.command`, if the user set one and may run it here. */
async function runLaunchCommand(store: PlanStore, resolved: ResolvedPhase, globalState: vscode.Memento, decision: LaunchDecision, { runs, place, storage }: LaunchOptions): Promise<LaunchResult> {
  const { entry, phase } = resolved;
  const name = phaseName(phase);

  if (decision.kind === 'not-configured') {
    offerLaunchHint(globalState, name);
    return { kind: 'not-configured' };
  }
  if (decision.kind === 'untrusted') {
    if (decision.configured) {
      void vscode.window
        .showWarningMessage(`${name} is in progress. PhaseLens did not run the launch command: it runs only in trusted workspaces, since the plans of this one decide what the command receives.`, MANAGE_TRUST)
        .then((choice) => choice && vscode.commands.executeCommand('workbench.trust.manage'));
    }
    return { kind: 'untrusted' };
  }

  const shell = detectShell(vscode.env.shell, process.platform);
  if (!shell.kind) {
    void vscode.window.showErrorMessage(`PhaseLens did not run the launch command: it cannot quote values safely for the shell "${shell.name}". Make bash, zsh, fish, PowerShell or cmd the default terminal profile.`);
    return { kind: 'unsupported-shell', shell: shell.name };
  }

  const values: LaunchValues = {
    phaseId: phase.id,
    phaseTitle: phase.title,
    file: place?.file ?? (entry.uri.scheme === 'file' ? entry.uri.fsPath : entry.uri.toString()),
    line: String(phase.line),
    prompt: await phasePromptText(store, resolved),
    promptFile: promptFilePath(storage, phase.id),
  };
  const expanded = expandLaunchCommand(decision.template, values, shell.kind, { platform: shell.wsl ? 'linux' : process.platform });
  if (!expanded.ok) {
    void vscode.window
      .showErrorMessage(`PhaseLens did not run the launch command: ${expanded.error}`, OPEN_SETTING)
      .then((choice) => choice && vscode.commands.executeCommand('workbench.action.openSettings', 'phaselens.launch.command'));
    return { kind: 'invalid-template', error: expanded.error };
  }
  if (expanded.usesPromptFile && values.promptFile) {
    try {
      await writePromptFile(values.promptFile, values.prompt);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`PhaseLens did not run the launch command: it could not write the prompt file (${reason}).`);
      return { kind: 'invalid-template', error: reason };
    }
  }
  for (const notice of expanded.notices) void vscode.window.showInformationMessage(notice);
  const env = shell.wsl ? { ...expanded.env, WSLENV: wslEnvFor(process.env.WSLENV) } : expanded.env;
  const terminal = newPhaseTerminal(`PhaseLens: ${name}`, env, place?.cwd ?? workingFolderFor(entry.uri));
  if (runs) {
    const run = await runs.start(targetOf(entry, phase), name, terminal, expanded.command);
    return { kind: 'launched', terminal: terminal.name, command: expanded.command, run: run.id };
  }
  terminal.sendText(expanded.command, true);
  return { kind: 'launched', terminal: terminal.name, command: expanded.command };
}
