import * as vscode from 'vscode';

const SHOWN_KEY = 'phaselens.launchHintShown';
export const CONFIGURE_LAUNCH = 'Configure Launch';

/**
 * Once per user (not per workspace): starting a phase can also start the work, if a launch
 * command is set. Not awaited, so the Start command finishes while the notification stands.
 */
export function offerLaunchHint(globalState: vscode.Memento, phaseName: string): void {
  if (globalState.get<boolean>(SHOWN_KEY)) return;
  void globalState.update(SHOWN_KEY, true);
  void vscode.window
    .showInformationMessage(`${phaseName} is in progress. PhaseLens can also start the work when you start a phase: set a launch command such as "claude \${prompt}", or have it open the chat or copy the prompt (launch action).`, CONFIGURE_LAUNCH)
    .then((choice) => {
      if (choice === CONFIGURE_LAUNCH) void vscode.commands.executeCommand('workbench.action.openSettings', 'phaselens.launch');
    });
}
