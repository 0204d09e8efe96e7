#!/usr/bin/env node
// The standard path, for machines that can download VS Code: @vscode/test-electron fetches the desktop VS Code
// pinned in versions.env (VSCODE_DESKTOP_VERSION, or $PHASELENS_VSCODE_VERSION) into ./.vscode-test/ and runs
// the same test entry as run.mjs, with the same arguments. On Linux it needs a display: `xvfb-run -a node ...`.
//
//   node scripts/vscode-test/run-electron.mjs --extensionDevelopmentPath=. \
//     --extensionTestsPath=./dist/test/integration/index.js --workspace=PATH [--timeout=SECONDS(300)]
//
// Exit code: the tests' own (0 = passed), 2 = bad arguments or no display, 4 = timeout, 5 = VS Code could
// not be downloaded or started. --screenshot-dir is accepted but takes no pictures (no browser to drive).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { parseRunnerArgs, usageError } from './args.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { extensionDevelopmentPath, extensionTestsPath, workspace, screenshotDir, timeoutSeconds, keep } =
  parseRunnerArgs('run-electron.mjs', process.argv.slice(2));
const say = (...a) => console.error('[vscode-test electron]', ...a);

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  usageError('run-electron.mjs', 'desktop VS Code needs a display: run this under `xvfb-run -a`, or use run.mjs (code-server, headless)');
}
if (screenshotDir) say('--screenshot-dir is ignored here: only run.mjs (code-server + Chromium) can take screenshots');

const pinned = /^VSCODE_DESKTOP_VERSION=(\S+)/m.exec(fs.readFileSync(path.join(HERE, 'versions.env'), 'utf8'))?.[1];
const version = process.env.PHASELENS_VSCODE_VERSION || pinned;
if (!version) usageError('run-electron.mjs', 'versions.env has no VSCODE_DESKTOP_VERSION');

// Fresh profile and extensions folders per run, as run.mjs does, so no state leaks between runs.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-vscode-electron-'));
const userDataDir = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'security.workspace.trust.enabled': false,
}, null, 2));

/** runTests does not hand out its VS Code process; on timeout, kill whatever this process started. */
function killChildren() {
  if (!fs.existsSync('/proc')) return;
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (ppid === process.pid) process.kill(Number(entry), 'SIGKILL');
    } catch { /* gone */ }
  }
}
const done = (code, message) => {
  if (message) say(message);
  killChildren();
  if (code === 0 && !keep) fs.rmSync(tmp, { recursive: true, force: true });
  else say(`kept ${tmp} (user-data/logs)`);
  say(code === 0 ? 'PASSED (exit code 0)' : `FAILED (exit code ${code})`);
  process.exit(code);
};
setTimeout(() => done(4, `TIMEOUT after ${timeoutSeconds} s (VS Code ${version})`), timeoutSeconds * 1000).unref();

try {
  say(`VS Code ${version}; opening ${workspace ?? 'an empty window'}`);
  const code = await runTests({
    version,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: { PHASELENS_VSCODE_TEST: 'electron' },
    launchArgs: [
      ...(workspace ? [workspace] : []),
      '--user-data-dir', userDataDir,
      '--extensions-dir', path.join(tmp, 'extensions'),
      '--disable-gpu',
    ],
  });
  done(code);
} catch (error) {
  if (error instanceof TestRunFailedError) done(error.code ?? 1);
  else done(5, `could not download or start VS Code ${version}: ${error?.stack ?? error}`);
}
