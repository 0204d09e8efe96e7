import { spawn } from 'node:child_process';
import * as vscode from 'vscode';
import { platformShell, type CheckOutcome, type VerifyCheck } from '../../core/verify';

/** How long a new terminal may take to report shell integration before the fallback is used. */
const INTEGRATION_WAIT_MS = 30_000;

export interface TerminalCheckRun {
  outcomes: CheckOutcome[];
  /** How exit codes were read: shell integration, or a terminal per check running the platform shell. */
  via: 'shell-integration' | 'shell-per-check';
  terminal: vscode.Terminal;
}

/**
 * Runs a phase's verify commands one after the other in ONE visible terminal, in `cwd`, and
 * reads each exit code back through shell integration. Only each check's code span is typed,
 * as the whole command line; nothing else from the plan reaches the terminal. Where the shell
 * offers no integration, each check runs as the platform shell's own process (`sh -c CMD`)
 * shown in a PhaseLens terminal, and its exit code is read from that process.
 */
export async function runChecksInTerminal(name: string, cwd: vscode.Uri | undefined, checks: readonly VerifyCheck[]): Promise<TerminalCheckRun> {
  const terminal = vscode.window.createTerminal({ name, ...(cwd ? { cwd } : {}) });
  terminal.show(true);
  const integration = await shellIntegrationOf(terminal);
  if (!integration) {
    terminal.dispose();
    return { ...(await runEachInOwnShell(name, cwd, checks)), via: 'shell-per-check' };
  }
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    const exitCode = await executeAndWait(terminal, integration, check.command);
    outcomes.push({ command: check.command, line: check.line, passed: exitCode === 0, ...(exitCode === undefined ? {} : { exitCode }) });
  }
  return { outcomes, via: 'shell-integration', terminal };
}

function shellIntegrationOf(terminal: vscode.Terminal): Promise<vscode.TerminalShellIntegration | undefined> {
  if (terminal.shellIntegration) return Promise.resolve(terminal.shellIntegration);
  return new Promise((resolve) => {
    const done = (value: vscode.TerminalShellIntegration | undefined) => {
      clearTimeout(timer);
      changed.dispose();
      closed.dispose();
      resolve(value);
    };
    const timer = setTimeout(() => done(terminal.shellIntegration), INTEGRATION_WAIT_MS);
    const changed = vscode.window.onDidChangeTerminalShellIntegration((event) => {
      if (event.terminal === terminal) done(event.shellIntegration);
    });
    const closed = vscode.window.onDidCloseTerminal((gone) => {
      if (gone === terminal) done(undefined);
    });
  });
}

/** The command's exit code; undefined when the shell did not report one or the terminal closed. */
function executeAndWait(terminal: vscode.Terminal, integration: vscode.TerminalShellIntegration, commandLine: string): Promise<number | undefined> {
  // An earlier check may have ended the shell itself (`exit 1`): later ones cannot run.
  if (terminal.exitStatus !== undefined) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const done = (code: number | undefined) => {
      ended.dispose();
      closed.dispose();
      resolve(code);
    };
    const ended = vscode.window.onDidEndTerminalShellExecution((event) => {
      if (event.execution === execution) done(event.exitCode);
    });
    const closed = vscode.window.onDidCloseTerminal((gone) => {
      if (gone === terminal) done(undefined);
    });
    const execution = integration.executeCommand(commandLine);
  });
}

/**
 * Without shell integration: each check runs as the platform shell's own process
 * (`sh -c CMD`, `cmd /d /s /c "CMD"`) whose output is shown in a PhaseLens terminal and whose
 * exit code is read from the process itself.
 */
async function runEachInOwnShell(name: string, cwd: vscode.Uri | undefined, checks: readonly VerifyCheck[]): Promise<{ outcomes: CheckOutcome[]; terminal: vscode.Terminal }> {
  const writer = new vscode.EventEmitter<string>();
  const closer = new vscode.EventEmitter<void>();
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const pty: vscode.Pseudoterminal = { onDidWrite: writer.event, onDidClose: closer.event, open: () => opened(), close: () => closer.fire() };
  const terminal = vscode.window.createTerminal({ name, pty });
  terminal.show(true);
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, INTEGRATION_WAIT_MS))]);
  const write = (text: string) => writer.fire(text.replace(/\r?\n/g, '\r\n'));
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    write(`\x1b[1m$ ${check.command}\x1b[0m\n`);
    const exitCode = await runProcess(check.command, cwd?.fsPath, write);
    write(exitCode === 0 ? 'passed\n\n' : `failed${exitCode === undefined ? '' : ` (exit code ${exitCode})`}\n\n`);
    outcomes.push({ command: check.command, line: check.line, passed: exitCode === 0, ...(exitCode === undefined ? {} : { exitCode }) });
  }
  return { outcomes, terminal };
}

function runProcess(command: string, cwd: string | undefined, write: (text: string) => void): Promise<number | undefined> {
  const shell = platformShell(command);
  return new Promise((resolve) => {
    const child = spawn(shell.file, shell.args, { cwd, windowsVerbatimArguments: shell.windowsVerbatimArguments, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => write(chunk.toString()));
    child.on('error', (error) => {
      write(`${shell.file}: ${error.message}\n`);
      resolve(undefined);
    });
    child.on('close', (code) => resolve(code ?? undefined));
  });
}
