import * as vscode from 'vscode';

/**
 * Runs one command in a terminal and follows it to its end through shell integration: the
 * command's own exit code when the shell reports one, or the terminal's closing when there is
 * no integration (or the terminal is closed first). Reusable by anything that runs a command
 * and needs to know how it ended (agent runs, verify commands).
 */
export type CommandEnd =
  /** The command finished; `exitCode` is undefined when the shell did not report one. */
  | { kind: 'exit'; exitCode: number | undefined }
  /** The terminal closed before an end was seen; `exitCode` is the terminal's, if any. */
  | { kind: 'terminal-closed'; exitCode: number | undefined };

export interface TrackedCommand {
  readonly terminal: vscode.Terminal;
  /** Shell integration carried the command (so its exit code will be known). */
  readonly integrated: boolean;
  /** Settles once, when the command ends or the terminal closes. */
  readonly ended: Promise<CommandEnd>;
}

/** How long a new terminal is given to report shell integration before the command is typed in plainly. */
export const SHELL_INTEGRATION_WAIT_MS = 4_000;

function integrationOf(terminal: vscode.Terminal, waitMs: number): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
  return new Promise((resolve) => {
    const done = (value: vscode.TerminalShellIntegration | undefined) => {
      clearTimeout(timer);
      changed.dispose();
      closed.dispose();
      resolve(value);
    };
    const changed = vscode.window.onDidChangeTerminalShellIntegration((event) => event.terminal === terminal && done(event.shellIntegration));
    const closed = vscode.window.onDidCloseTerminal((gone) => gone === terminal && done(undefined));
    const timer = setTimeout(() => done(terminal.shellIntegration), waitMs);
  });
}

/**
 * Sends `command` to `terminal` (through `shellIntegration.executeCommand` when the shell has
 * integration, else as typed text) and returns at once with a promise of its end. Without
 * integration at first, the first execution the terminal reports afterwards is taken as the
 * command's (integration can arrive late); failing that, only the terminal's closing ends it.
 */
export async function runTrackedCommand(terminal: vscode.Terminal, command: string, waitMs = SHELL_INTEGRATION_WAIT_MS): Promise<TrackedCommand> {
  const integration = await integrationOf(terminal, waitMs);
  let execution: vscode.TerminalShellExecution | undefined;
  const subscriptions: vscode.Disposable[] = [];
  let settle!: (end: CommandEnd) => void;
  const ended = new Promise<CommandEnd>((resolve) => {
    settle = (end) => {
      for (const subscription of subscriptions.splice(0)) subscription.dispose();
      resolve(end);
    };
  });
  subscriptions.push(
    vscode.window.onDidStartTerminalShellExecution((event) => {
      if (event.terminal === terminal && !execution) execution = event.execution;
    }),
    vscode.window.onDidEndTerminalShellExecution((event) => {
      if (event.terminal === terminal && event.execution === execution) settle({ kind: 'exit', exitCode: event.exitCode });
    }),
    vscode.window.onDidCloseTerminal((gone) => {
      if (gone === terminal) settle({ kind: 'terminal-closed', exitCode: gone.exitStatus?.code });
    }),
  );
  if (integration) execution = integration.executeCommand(command);
  else terminal.sendText(command, true);
  return { terminal, integrated: integration !== undefined, ended };
}
