#!/usr/bin/env node
// Runs the extension's integration tests inside a real VS Code without downloading one: the VS Code server
// and web workbench bundled in code-server (installed by setup.sh), the workbench page in headless Debian
// Chromium driven by playwright-core. VS Code's Node extension host loads the extension under development
// and calls the test entry's run(), exactly as @vscode/test-electron does on the desktop.
//
//   node scripts/vscode-test/run.mjs --extensionDevelopmentPath=. \
//     --extensionTestsPath=./dist/test/integration/index.js --workspace=PATH(.code-workspace or folder) \
//     [--screenshot-dir=DIR] [--timeout=SECONDS(1800)] [--verbose] [--keep]
//
// Test output goes to stdout, the runner's own messages to stderr. Exit code: the tests' own (0 = passed),
// 2 = bad arguments or no/stale setup, 3 = code-server died, 4 = timeout, 5 = browser or runner error,
// 128+N = stopped by signal N. Each run gets a fresh temporary user-data-dir, extensions-dir and browser
// profile; on failure they are kept with server.log, workbench.log and a screenshot of the page.
//
// Screenshots: a test that logs the line `[screenshot] PATH.png` gets a PNG of the whole page at PATH
// (relative paths resolve against --screenshot-dir, or the current directory). The file appears atomically,
// so the test can poll for it. With --screenshot-dir the runner also saves end.png when the tests finish.
// `[screenshot] PATH.png {"waitFor":"CSS"}` first waits (up to 10 s) until an element matching CSS is visible,
// for parts of the workbench the extension API cannot see (the suggest widget, a peek, the rename box).
//
// Keys: a test that logs `[keyboard] {"ack":"/abs/file","waitFor":"CSS","type":"text","press":["Shift+Enter"]}`
// gets, in order, the wait, the text typed and the keys pressed into the focused element of the page, as a
// user would (the rename box is an HTML input that no VS Code command types into). The runner then writes
// "ok" or the error to the ack file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseRunnerArgs, usageError, USAGE_EXIT_CODE } from './args.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXIT = { usage: USAGE_EXIT_CODE, serverDied: 3, timeout: 4, runnerError: 5 };
const t0 = Date.now();
const say = (...a) => console.error(`[vscode-test +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const usage = (message) => usageError('run.mjs', message);

const {
  extensionDevelopmentPath, extensionTestsPath, workspace, isWorkspaceFile, screenshotDir, timeoutSeconds, verbose, keep,
} = parseRunnerArgs('run.mjs', process.argv.slice(2));

// ---------- the installed pieces (setup.sh), refused when built for other versions than versions.env pins
const pinned = Object.fromEntries(fs.readFileSync(path.join(HERE, 'versions.env'), 'utf8').split('\n')
  .map((line) => /^([A-Z_]+)=(\S+)/.exec(line)).filter(Boolean).map((m) => [m[1], m[2]]));
const cacheDir = process.env.PHASELENS_VSCODE_TEST_HOME || path.join(os.homedir(), '.cache/phaselens-vscode-test');
const expectedStamp = `code-server=${pinned.CODE_SERVER_VERSION}\nnode=${pinned.CODE_SERVER_NODE_VERSION}\n` +
  `playwright-core=${pinned.PLAYWRIGHT_CORE_VERSION}\nlayout=${pinned.CACHE_LAYOUT}\n`;
const stampFile = path.join(cacheDir, 'stamp');
const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';
if (stamp !== expectedStamp) {
  usage(`${cacheDir} is ${stamp ? 'built for other versions' : 'missing or incomplete'}: run 'bash scripts/vscode-test/setup.sh' first`);
}
const installed = JSON.parse(fs.readFileSync(path.join(cacheDir, 'paths.json'), 'utf8'));
for (const key of ['node', 'codeServerEntry', 'playwrightCore', 'chromium']) {
  if (!fs.existsSync(installed[key])) usage(`${installed[key]} (${key}) is gone: run 'bash scripts/vscode-test/setup.sh' again`);
}
const { chromium } = createRequire(import.meta.url)(installed.playwrightCore);

// ---------- cleanup that runs on every way out
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-vscode-test-'));
let stage = 'starting code-server';
let finishing = false;
let server;
let context;

/** Kills every process this runner started (code-server and Chromium each lead their own process group). */
function killChildren() {
  if (server?.pid) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fields;
    try { fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' '); } catch { continue; }
    const [ppid, pgid] = [Number(fields[1]), Number(fields[2])];
    if (ppid !== process.pid) continue;
    try { process.kill(pgid === Number(entry) ? -pgid : Number(entry), 'SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killChildren);

const withTimeout = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  if (message) say(message);
  if (!fs.existsSync(path.join(tmp, 'config.yaml'))) {
    say(`WARNING: ${tmp} was deleted by another process during the run; failures may come from that, not from the tests`);
  }
  if (code !== 0) await saveScreenshot(path.join(tmp, 'workbench.png'), 'failure screenshot');
  await withTimeout(context?.close().catch(() => {}), 5000);
  if (server && server.exitCode === null) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    await withTimeout(new Promise((resolve) => server.once('exit', resolve)), 3000);
  }
  killChildren();
  if (code === 0 && !keep) fs.rmSync(tmp, { recursive: true, force: true });
  else say(`kept ${tmp} (server.log, workbench.log, workbench.png, user-data)`);
  say(code === 0 ? 'PASSED (exit code 0)' : `FAILED (exit code ${code})`);
  process.exit(code);
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const [signal, number] of Object.entries(SIGNALS)) process.on(signal, () => finish(128 + number, `stopped by ${signal} while ${stage}`));
process.on('uncaughtException', (error) => finish(EXIT.runnerError, `runner error while ${stage}: ${error?.stack ?? error}`));
process.on('unhandledRejection', (error) => finish(EXIT.runnerError, `runner error while ${stage}: ${error?.stack ?? error}`));
setTimeout(() => finish(EXIT.timeout, `TIMEOUT after ${timeoutSeconds} s while ${stage}`), timeoutSeconds * 1000).unref();

// ---------- screenshots
let page;
let screenshotQueue = Promise.resolve();
/** Writes a PNG of the page via a temporary name and a rename, so a polling test never reads half a file. */
function saveScreenshot(target, label, waitFor) {
  const take = async () => {
    if (!page || page.isClosed()) return;
    try {
      if (waitFor) await page.waitForSelector(waitFor, { state: 'visible', timeout: 60_000 });
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const partial = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
      fs.writeFileSync(partial, await page.screenshot({ timeout: 60_000 }));
      fs.renameSync(partial, target);
      say(`${label} -> ${target}`);
    } catch (error) {
      say(`${label} failed: ${error.message}`);
    }
  };
  screenshotQueue = screenshotQueue.then(take);
  return screenshotQueue;
}

/** Types and presses keys as a `[keyboard]` request asks (in the same queue as screenshots), then acknowledges. */
function useKeyboard(request) {
  const act = async () => {
    let outcome = 'ok';
    try {
      if (!page || page.isClosed()) throw new Error('the workbench page is closed');
      if (request.waitFor) await page.waitForSelector(request.waitFor, { state: 'visible', timeout: 60_000 });
      if (request.type) await page.keyboard.type(request.type);
      for (const key of request.press ?? []) await page.keyboard.press(key);
    } catch (error) {
      outcome = `keyboard request failed: ${error.message}`;
      say(outcome);
    }
    if (typeof request.ack === 'string' && path.isAbsolute(request.ack)) {
      const partial = `${request.ack}.${process.pid}.partial`;
      fs.writeFileSync(partial, outcome);
      fs.renameSync(partial, request.ack);
    }
  };
  screenshotQueue = screenshotQueue.then(act);
  return screenshotQueue;
}

// ---------- 1. code-server: loopback only, fresh state, test-driver hooks on
const freePort = () => new Promise((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
});
const port = await freePort();
const dirs = Object.fromEntries(['user-data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'chromium-profile']
  .map((d) => [d, path.join(tmp, d)]));
for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
fs.writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
// Quiet, offline-friendly user settings: nothing phones home or opens a welcome page over the tests.
fs.writeFileSync(path.join(dirs['user-data/User'], 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // an empty chat panel would take a third of screenshots
  // Web VS Code saves after a 1 s delay by default: on a loaded machine a test's edit reached the fixture
  // on disk before the test reverted it, and the next tests read the damaged file. Tests save explicitly.
  'files.autoSave': 'off',
}, null, 2));

const serverLog = fs.createWriteStream(path.join(tmp, 'server.log'));
const workbenchLog = fs.createWriteStream(path.join(tmp, 'workbench.log'));
say(`code-server ${pinned.CODE_SERVER_VERSION} on 127.0.0.1:${port}; state in ${tmp}`);
server = spawn(installed.node, [installed.codeServerEntry,
  '--config', path.join(tmp, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  '--ignore-last-opened', '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', dirs.extensions,
  // Only with this option does the built workbench honour the ?payload= extension-test parameters.
  '--vscode-option', 'enable-smoke-test-driver',
], {
  // The extension host inherits this environment: tests can read PHASELENS_SCREENSHOT_DIR and anything the caller set.
  env: {
    ...process.env,
    XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'], TMPDIR: dirs.tmp,
    PHASELENS_VSCODE_TEST: 'code-server',
    ...(screenshotDir ? { PHASELENS_SCREENSHOT_DIR: screenshotDir } : {}),
  },
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);
if (verbose) { server.stdout.pipe(process.stderr); server.stderr.pipe(process.stderr); }
server.on('error', (error) => finish(EXIT.serverDied, `could not start code-server (${installed.node}): ${error.message}`));
server.on('exit', (code, signal) => finish(EXIT.serverDied,
  `code-server exited (${signal ?? `code ${code}`}) while ${stage}; its log: ${path.join(tmp, 'server.log')}\n` +
  fs.readFileSync(path.join(tmp, 'server.log'), 'utf8').split('\n').slice(-15).join('\n')));

const base = `http://127.0.0.1:${port}`;
let html;
while (!html) {
  try {
    const response = await fetch(`${base}/`);
    if (response.ok) html = await response.text();
  } catch { /* not listening yet */ }
  if (!html) await new Promise((resolve) => setTimeout(resolve, 200));
}
const configMatch = /id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
if (!configMatch) await finish(EXIT.runnerError, `code-server ${base}/ served no vscode-workbench-web-configuration meta: did its page change?`);
const webConfig = JSON.parse(configMatch[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
if (!webConfig.remoteAuthority) await finish(EXIT.runnerError, 'the workbench configuration has no remoteAuthority');
const remoteUri = (absolutePath) => `vscode-remote://${webConfig.remoteAuthority}${absolutePath.split('/').map(encodeURIComponent).join('/')}`;
const vscodeVersion = JSON.parse(fs.readFileSync(path.resolve(installed.codeServerEntry, '../../../lib/vscode/package.json'), 'utf8')).version;
say(`code-server up: VS Code ${vscodeVersion}`);

// ---------- 2. the workbench in headless Chromium, with the extension-test payload
stage = 'starting Chromium';
context = await chromium.launchPersistentContext(dirs['chromium-profile'], {
  executablePath: installed.chromium,
  headless: true,
  // Chromium's connections to the outside are refused on this machine; these flags stop it from trying.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  // Chromium keeps its own temporary files (singleton sockets) under TMPDIR: inside the run folder they go with it.
  env: { ...process.env, HOME: tmp, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_CACHE_HOME: dirs['xdg-cache'] },
  viewport: { width: 1400, height: 900 },
  handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // finish() closes everything itself
});
context.on('close', () => finish(EXIT.runnerError, `the browser closed or crashed while ${stage}`));
page = context.pages()[0] ?? await context.newPage();
page.on('crash', () => finish(EXIT.runnerError, `the workbench page crashed while ${stage}`));
page.on('pageerror', (error) => workbenchLog.write(`[pageerror] ${error.stack ?? error}\n`));
page.on('console', (message) => {
  workbenchLog.write(`[page ${message.type()}] ${message.text()}\n`);
  if (verbose) console.error(`[page ${message.type()}] ${message.text()}`);
});

// Expected offline noise from the workbench and built-in extensions: kept in workbench.log, shown with --verbose.
const NOISE = /^(\[(AgentHost|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)[^\]]*\]|Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin extensions cache)|ENOTFOUND|EAI_AGAIN|authentication provider 'github'|Extension host \(Remote\) is (un)?responsive/;
const SCREENSHOT_REQUEST = /^\[screenshot\] (.+?\.png)(?: (\{.*\}))?\s*$/;
const KEYBOARD_REQUEST = /^\[keyboard\] (\{.*\})\s*$/;
const parseRequest = (json) => { try { return JSON.parse(json); } catch { return undefined; } };
// The workbench calls these two hooks when it runs extension tests (as in VS Code's own web integration tests).
await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
  const text = (Array.isArray(logArgs) ? logArgs : [logArgs]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ');
  workbenchLog.write(`[${type}] ${text}\n`);
  const request = SCREENSHOT_REQUEST.exec(text);
  if (request) {
    saveScreenshot(path.resolve(screenshotDir ?? process.cwd(), request[1]), 'screenshot', request[2] ? parseRequest(request[2])?.waitFor : undefined);
    return;
  }
  const keys = KEYBOARD_REQUEST.exec(text);
  const keyRequest = keys && parseRequest(keys[1]);
  if (keyRequest) { useKeyboard(keyRequest); return; }
  if (!verbose && NOISE.test(text)) return;
  (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
});
await page.exposeFunction('codeAutomationExit', async (code) => {
  stage = 'closing';
  say(`extension host finished; the tests' exit code is ${code}`);
  if (screenshotDir) await saveScreenshot(path.join(screenshotDir, 'end.png'), 'end screenshot');
  await finish(Number.isInteger(code) ? code : EXIT.runnerError, Number.isInteger(code) ? undefined : `exit code ${code} is not a number`);
});

const payload = [
  ['extensionDevelopmentPath', remoteUri(extensionDevelopmentPath)],
  ['extensionTestsPath', remoteUri(extensionTestsPath)],
  ['skipWelcome', 'true'],
];
const target = workspace === undefined ? '' : `${isWorkspaceFile ? 'workspace' : 'folder'}=${encodeURIComponent(workspace)}&`;
const url = `${base}/?${target}payload=${encodeURIComponent(JSON.stringify(payload))}`;
stage = 'loading the workbench';
say(`opening the workbench on ${workspace ?? 'an empty window'}${verbose ? ` (${url})` : ''}`);
await page.goto(url, { timeout: timeoutSeconds * 1000 });
await page.waitForSelector('.monaco-workbench', { timeout: timeoutSeconds * 1000 });
stage = 'running the tests (workbench rendered; waiting for the extension host to call run() and exit)';
say('workbench rendered; tests running');
