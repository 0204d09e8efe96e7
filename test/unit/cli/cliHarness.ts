// Builds the CLI bundle once into a temporary directory (so parallel builds of dist/ by other
// tasks cannot interfere) and runs it as a user would: `node cli.js …` in a chosen directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixtures = path.join(repoRoot, 'test/fixtures/cli/plans');
export const sharedSeeds = path.resolve(repoRoot, '../shared/seeds');

const created: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `phaselens-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes every directory `tempDir` and `buildCli` made; call from an `after` hook. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export async function buildCli(): Promise<string> {
  const outDir = tempDir('cli-build');
  const outfile = path.join(outDir, 'cli.js');
  // The options of scripts/build.mjs that matter for behaviour: one CommonJS bundle for Node 20 with a shebang.
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'silent',
  });
  return outfile;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cli: string, args: readonly string[], cwd = repoRoot, env: Record<string, string> = {}): CliResult {
  const cleanEnv = { ...process.env };
  delete cleanEnv.FORCE_COLOR;
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...cleanEnv, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `files` (relative path → text) under `root`, creating directories. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(fixtures, name), 'utf8');
}
