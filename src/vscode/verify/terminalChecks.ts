import { spawn } from 'node:child_process';
import * as vscode from 'vscode';
import { type CheckOutcome, platformShell, type VerifyCheck } from '../../core/api';

/** How long the terminal may take to open before output is written anyway (it is kept until shown). */
const OPEN_WAIT_MS = 10_000;

export interface TerminalCheckRun {
  outcomes: CheckOutcome[];
  terminal: vscode.Terminal;
}

/**
 * Runs a phase's verify commands one after the other in ONE visible PhaseLens terminal, in
 * `cwd`: each check is the platform shell's own process (`sh -c CMD`, `cmd /d /s /c "CMD"`),
 * exactly as `phaselens verify` runs it in CI, its output shown in the terminal and its exit code
 * read from the process. Only each check's code span runs; nothing else from the plan does.
 *
 * Why not type the commands into the user's shell and read exit codes through shell integration:
 * bash's integration reports no execution at all for a command that starts with a subshell
 * (`(cd web && npm test)`, `(exit 3)`), seen in a real VS Code, so Complete would wait forever;
 * and an interactive shell's aliases and options would make the editor's answer differ from CI's.
 */
export async function runChecksInTerminal(name: string, cwd: vscode.Uri | undefined, checks: readonly VerifyCheck[]): Promise<TerminalCheckRun> {
  const writer = new vscode.EventEmitter<string>();
  const closer = new vscode.EventEmitter<void>();
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  let closed = false;
  const pty: vscode.Pseudoterminal = {
    onDidWrite: writer.event,
    onDidClose: closer.event,
    open: () => opened(),
    close: () => {
      closed = true;
    },
  };
  const terminal = vscode.window.createTerminal({ name, pty });
  terminal.show(true);
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, OPEN_WAIT_MS))]);
  const write = (text: string) => writer.fire(text.replace(/\r?\n/g, '\r\n'));
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    // Closing the terminal stops the checks: the rest count as not passed.
    if (closed) {
      outcomes.push({ command: check.command, line: check.line, passed: false });
      continue;
    }
    write(`\x1b[1m$ ${check.command}\x1b[0m\n`);
    const exitCode = await runProcess(check.command, cwd?.fsPath, write);
    write(exitCode === 0 ? '\x1b[32mpassed\x1b[0m\n\n' : `\x1b[31mfailed${exitCode === undefined ? '' : ` (exit code ${exitCode})`}\x1b[0m\n\n`);
    outcomes.push({ command: check.command, line: check.line, passed: exitCode === 0, ...(exitCode === undefined ? {} : { exitCode }) });
  }
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  write(`${passed} of ${outcomes.length} ${outcomes.length === 1 ? 'check' : 'checks'} passed.\n`);
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
