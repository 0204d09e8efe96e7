/**
 * Whether starting a phase may run `phaselens.launch.command`, and which one. No `vscode` here:
 * the workspace-trust rule is unit-tested in Node.
 *
 * In an untrusted workspace nothing is run at all: VS Code already hides the workspace's value
 * of this restricted setting, and a command from the user's own settings would still run inside
 * a folder whose plans (titles, prompts) and scripts come from someone else.
 */
export interface LaunchSettingValues {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type LaunchDecision =
  | { kind: 'run'; template: string }
  | { kind: 'not-configured' }
  /** `configured`: some settings level holds a command, so the user expects one to run and is told why not. */
  | { kind: 'untrusted'; configured: boolean };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function decideLaunch(trusted: boolean, values: LaunchSettingValues): LaunchDecision {
  if (!trusted) {
    const configured = [values.globalValue, values.workspaceValue, values.workspaceFolderValue].some((value) => !!text(value)?.trim());
    return { kind: 'untrusted', configured };
  }
  // The most specific level that sets the value wins, even when it sets it empty: a workspace may switch launching off.
  const template = (text(values.workspaceFolderValue) ?? text(values.workspaceValue) ?? text(values.globalValue) ?? '').trim();
  return template ? { kind: 'run', template } : { kind: 'not-configured' };
}
