import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from './measure';
import type { Figure } from './report';

/**
 * The CLI against markdownlint-cli2 on the same corpus files: each a fresh process, as a user
 * (or CI) runs them, interleaved, median of the rounds. markdownlint-cli2 is not a dependency:
 * it is installed once into ~/.cache/phaselens-bench (or taken from $PHASELENS_MARKDOWNLINT).
 */

/** Issue 13's budget against markdownlint-cli2. */
const LINT_RATIO = 0.5;
const SECTION = '7. CLI vs markdownlint-cli2 (whole corpus, one process each)';
const INSTALL_DIR = path.join(os.homedir(), '.cache/phaselens-bench/markdownlint');

function notMeasured(reason: string): Figure[] {
  return [{ section: SECTION, label: 'phaselens lint / markdownlint-cli2', value: NaN, unit: 'ms', detail: `not measured: ${reason}`, budget: { text: `ratio ≤ ${LINT_RATIO}`, met: undefined } }];
}

function findMarkdownlint(install: boolean): { bin?: string; reason?: string } {
  const fromEnv = process.env.PHASELENS_MARKDOWNLINT;
  if (fromEnv) return existsSync(fromEnv) ? { bin: fromEnv } : { reason: `$PHASELENS_MARKDOWNLINT (${fromEnv}) does not exist` };
  const bin = path.join(INSTALL_DIR, 'node_modules/.bin/markdownlint-cli2');
  if (existsSync(bin)) return { bin };
  if (!install) return { reason: `markdownlint-cli2 is not installed in ${INSTALL_DIR} and --no-install was given` };
  mkdirSync(INSTALL_DIR, { recursive: true });
  const result = spawnSync('npm', ['install', '--prefix', INSTALL_DIR, '--no-audit', '--no-fund', '--loglevel=error', 'markdownlint-cli2'], { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0 || !existsSync(bin)) return { reason: `npm could not install markdownlint-cli2: ${(result.stderr || result.error?.message || '').trim().split('\n').slice(-3).join(' ')}` };
  return { bin };
}

export function compareWithMarkdownlint(repoRoot: string, corpusFiles: readonly string[], options: { rounds: number; install: boolean }): Figure[] {
  if (corpusFiles.length === 0) return notMeasured('the corpus is absent');
  const cli = path.join(repoRoot, 'dist/cli.js');
  if (!existsSync(cli)) return notMeasured('dist/cli.js is not built');
  const found = findMarkdownlint(options.install);
  if (!found.bin) return notMeasured(found.reason!);
  // Same directory, same file names for both; no configuration file is there for either.
  const cwd = path.dirname(corpusFiles[0]!);
  const names = corpusFiles.map((file) => path.basename(file));
  const run = (command: string, commandArgs: string[]) => {
    const start = performance.now();
    const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const elapsed = performance.now() - start;
    // Both exit 1 when they find problems; 2 or a signal is a failure.
    if (result.status === null || result.status > 1) throw new Error(`${command} ${commandArgs[0]} failed: ${result.stderr.slice(-500)}`);
    return { elapsed, stdout: result.stdout, output: result.stdout + result.stderr };
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  let findings = { ours: 0, theirs: 0 };
  try {
    for (let round = 0; round < options.rounds + 1; round++) {
      const a = run(process.execPath, [cli, 'lint', '--format', 'json', ...names]);
      const b = run(found.bin, names);
      if (round === 0) {
        findings = { ours: (JSON.parse(a.stdout) as unknown[]).length, theirs: b.output.split('\n').filter((line) => /:\d+(?::\d+)? /.test(line)).length };
        continue; // warm-up: page cache, npm's first start
      }
      ours.push(a.elapsed);
      theirs.push(b.elapsed);
    }
  } catch (error) {
    return notMeasured(String(error));
  }
  const oursMs = median(ours);
  const theirsMs = median(theirs);
  return [
    {
      section: SECTION,
      label: `phaselens lint, ${corpusFiles.length} files`,
      value: oursMs,
      unit: 'ms',
      detail: `markdownlint-cli2 ${theirsMs.toFixed(0)} ms on the same files; ${findings.ours} phaselens findings, ${findings.theirs} markdownlint findings; median of ${ours.length}, node startup included for both`,
      ratio: oursMs / theirsMs,
      budget: { text: `ratio ≤ ${LINT_RATIO} (issue 13: both cores)`, met: oursMs / theirsMs <= LINT_RATIO },
    },
  ];
}
