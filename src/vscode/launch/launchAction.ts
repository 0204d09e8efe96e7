import { decideLaunch, type LaunchDecision, type LaunchSettingValues } from './launchDecision';

/**
 * What starting a phase does after the status change (`phaselens.launch.action`), and what
 * workspace trust allows of it. No `vscode` here: the rules are unit-tested in Node.
 *
 * - `terminal` (the default) runs `phaselens.launch.command`; with no command set, starting only
 *   changes the status and offers the one-time hint, as before this setting existed. The command
 *   follows decideLaunch: never run in an untrusted workspace.
 * - `chat` puts the prompt into VS Code's chat input, `clipboard` copies it: both hand over text
 *   only, which the user reads before anything acts on it, so both are allowed in an untrusted
 *   workspace (where the action itself may come from workspace settings).
 * - `none`: the status change alone, no hint.
 */
export const LAUNCH_ACTIONS = ['terminal', 'chat', 'clipboard', 'none'] as const;
export type LaunchAction = (typeof LAUNCH_ACTIONS)[number];
export const DEFAULT_LAUNCH_ACTION: LaunchAction = 'terminal';

export type LaunchPlan = { action: 'terminal'; decision: LaunchDecision } | { action: 'chat' | 'clipboard' | 'none' };

/** An unknown value (a typo in settings.json) falls back to the default rather than to nothing. */
export function launchActionOf(value: unknown): LaunchAction {
  return typeof value === 'string' && (LAUNCH_ACTIONS as readonly string[]).includes(value) ? (value as LaunchAction) : DEFAULT_LAUNCH_ACTION;
}

export function decideLaunchAction(trusted: boolean, action: unknown, command: LaunchSettingValues): LaunchPlan {
  const chosen = launchActionOf(action);
  return chosen === 'terminal' ? { action: 'terminal', decision: decideLaunch(trusted, command) } : { action: chosen };
}

/**
 * Chat is there when VS Code has the command to open it and AI features are not switched off
 * (`chat.disableAIFeatures`, which keeps the command but hides the chat).
 */
export function chatAvailable(commands: readonly string[], aiFeaturesDisabled: boolean): boolean {
  return !aiFeaturesDisabled && commands.includes(CHAT_OPEN_COMMAND);
}

export const CHAT_OPEN_COMMAND = 'workbench.action.chat.open';
