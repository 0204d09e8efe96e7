// The command line shared by run.mjs (code-server) and run-electron.mjs (desktop VS Code). Bad input
// exits with code 2 and the usage, before anything is started.
import fs from 'node:fs';
import path from 'node:path';

export const USAGE_EXIT_CODE = 2;
const KNOWN = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'workspace', 'screenshot-dir', 'timeout', 'verbose', 'keep']);

export function usageError(script, message) {
  console.error(`[vscode-test] ${message}`);
  console.error(`usage: node scripts/vscode-test/${script} --extensionDevelopmentPath=DIR --extensionTestsPath=FILE.js ` +
    '[--workspace=FOLDER|FILE.code-workspace] [--screenshot-dir=DIR] [--timeout=SECONDS(1800)] [--verbose] [--keep]');
  process.exit(USAGE_EXIT_CODE);
}

/** Parses `--name=value` arguments; paths come back absolute and checked to exist. */
export function parseRunnerArgs(script, argv) {
  const fail = (message) => usageError(script, message);
  const raw = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!m || !KNOWN.has(m[1])) fail(`unknown argument: ${arg}`);
    raw[m[1]] = m[2] ?? 'true';
  }
  const existing = (name) => {
    if (!raw[name]) fail(`missing --${name}`);
    const p = path.resolve(raw[name]);
    if (!fs.existsSync(p)) fail(`--${name}: ${p} does not exist`);
    return p;
  };
  const extensionDevelopmentPath = existing('extensionDevelopmentPath');
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) fail(`--extensionDevelopmentPath: no package.json in ${extensionDevelopmentPath}`);
  const extensionTestsPath = existing('extensionTestsPath');
  const workspace = raw.workspace ? existing('workspace') : undefined;
  const isWorkspaceFile = workspace !== undefined && fs.statSync(workspace).isFile();
  if (isWorkspaceFile && !workspace.endsWith('.code-workspace')) fail(`--workspace: ${workspace} is a file but not a .code-workspace`);
  const timeoutSeconds = Number(raw.timeout ?? 1800);
  if (!(timeoutSeconds > 0)) fail(`--timeout must be a positive number of seconds, got ${raw.timeout}`);
  return {
    extensionDevelopmentPath,
    extensionTestsPath,
    workspace,
    isWorkspaceFile,
    screenshotDir: raw['screenshot-dir'] ? path.resolve(raw['screenshot-dir']) : undefined,
    timeoutSeconds,
    verbose: raw.verbose === 'true',
    keep: raw.keep === 'true',
  };
}
