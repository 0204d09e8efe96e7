import path from 'node:path';
import { buildWorkspaceIndex, capitalizedPhaseName, type CheckRun, findPhasesById, type Phase, phaseName, planChecks, runCheck, type VerifyCheck } from '../../core/api';
import { integerOption, parseArgs } from '../args';
import { CliError } from '../errors';
import { warn, type CliIo } from '../io';
import { loadPlans } from '../workspace';

interface PlannedCheck {
  file: string;
  phase: Phase;
  check: VerifyCheck;
}

/**
 * `phaselens verify`: runs the verify commands of one phase (`--phase`) or of every phase that
 * has them, from the current directory, one after the other. Exit 0 when all pass, 1 when any
 * fails, 2 for usage errors (an unknown phase among them).
 */
export function runVerify(argv: readonly string[], io: CliIo): number {
  const { options, positionals } = parseArgs(
    argv,
    [
      { name: 'phase', takesValue: true },
      { name: 'format', takesValue: true, choices: ['text', 'json'] },
      { name: 'timeout', takesValue: true },
    ],
    'verify',
  );
  const timeoutSeconds = integerOption(options.get('timeout'), 'timeout', 1, 'verify');
  const loaded = loadPlans(positionals, io, 'verify');
  const wanted = options.get('phase');
  let chosen: Set<Phase> | undefined;
  if (typeof wanted === 'string') {
    const found = findPhasesById(buildWorkspaceIndex(loaded.map((entry) => entry.plan)), wanted);
    if (found.length === 0) throw new CliError(`no phase '${wanted}' in ${positionals.join(', ')}`, 'verify');
    if (found.length > 1) {
      const where = found.map((ref) => `${ref.plan.file}:${ref.phase.line}`).join(', ');
      throw new CliError(`phase '${wanted}' is in more than one plan (${where}); name one plan file`, 'verify');
    }
    chosen = new Set([found[0]!.phase]);
  }

  const planned: PlannedCheck[] = [];
  for (const { plan, text } of loaded) {
    for (const { phase, checks } of planChecks(plan, text)) {
      if (chosen && !chosen.has(phase)) continue;
      for (const check of checks) planned.push({ file: plan.file, phase, check });
    }
  }
  const json = options.get('format') === 'json';
  if (planned.length === 0) {
    const what = chosen ? `${capitalizedPhaseName([...chosen][0]!)} has no verify commands` : 'no phase has verify commands';
    if (json) io.stdout(`${JSON.stringify({ checks: [], passed: 0, failed: 0 }, null, 2)}\n`);
    else warn(io, `${what} (write one as: - Tests pass (verify: \`npm test\`))`);
    return 0;
  }

  const timeoutMs = timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000;
  const results: Array<PlannedCheck & { run: CheckRun }> = [];
  for (const entry of planned) {
    const run = runCheck(entry.check.command, io.cwd, timeoutMs);
    results.push({ ...entry, run });
    if (!json) io.stdout(checkLine(entry, run, io.color));
    if (!json && !run.passed) io.stderr(failureDetail(run));
  }
  const failed = results.filter((result) => !result.run.passed).length;
  if (json) {
    io.stdout(`${JSON.stringify({ checks: results.map(jsonCheck), passed: results.length - failed, failed }, null, 2)}\n`);
  } else {
    const summary = `${results.length} ${results.length === 1 ? 'check' : 'checks'}: ${results.length - failed} passed, ${failed} failed`;
    io.stdout(`${summary}\n`);
  }
  return failed > 0 ? 1 : 0;
}

function checkLine({ file, phase, check }: PlannedCheck, run: CheckRun, color: boolean): string {
  const verdict = run.passed ? paint(color, '32', 'PASS') : paint(color, '31', 'FAIL');
  const where = `${file.split(path.sep).join('/')}:${check.line}`;
  return `${verdict}  ${where}  ${oneLine(phaseName(phase))}  ${oneLine(check.label)}  \`${oneLine(check.command)}\`  ${seconds(run.durationMs)}\n`;
}

function failureDetail(run: CheckRun): string {
  const why = run.error ?? (run.timedOut ? 'timed out' : run.signal ? `killed by ${run.signal}` : `exit code ${run.exitCode}`);
  const tail = run.output.trimEnd().split(/\r?\n/).slice(-20);
  const shown = tail.length === 1 && tail[0] === '' ? [] : tail.map((line) => `      ${line}`);
  return [`      ${why}`, ...shown, ''].join('\n');
}

function jsonCheck({ file, phase, check, run }: PlannedCheck & { run: CheckRun }) {
  return {
    file,
    line: check.line,
    phase: phase.id,
    phaseTitle: phase.title,
    criterion: check.label,
    command: check.command,
    passed: run.passed,
    exitCode: run.exitCode,
    signal: run.signal,
    timedOut: run.timedOut,
    durationMs: run.durationMs,
    ...(run.passed ? {} : { output: run.output }),
    ...(run.error ? { error: run.error } : {}),
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Plan text is shown, never run: one line, control characters made visible. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function paint(color: boolean, code: string, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}
