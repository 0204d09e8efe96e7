#!/usr/bin/env node
// `npm start`: opens a real VS Code with PhaseLens loaded on the example plans in examples/.
//
// - Where a desktop VS Code (`code`) and a display are available, it opens a new window with the
//   extension under development (`code --extensionDevelopmentPath=. examples`).
// - Otherwise (a server, a container, CI) it starts the VS Code server from the test environment
//   (scripts/vscode-test/setup.sh installs it once into a cache outside the repository) on
//   127.0.0.1 and prints the address to open in a browser. Ctrl+C stops it.
//
// Options: --folder=DIR (default examples), --port=N (default 3737, or the next free one),
//          --server (use the VS Code server even where `code` exists),
//          --screenshot=FILE.png (take a picture of the workbench once PhaseLens is up, then stop).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const options = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) fail(`unknown argument ${arg}`);
    return [match[1], match[2] ?? 'true'];
  }),
);
const folder = path.resolve(repo, options.folder ?? 'examples');
if (!fs.existsSync(path.join(repo, 'dist/extension.js'))) fail('dist/extension.js is missing: run `npm run build` first');
if (!fs.existsSync(folder)) fail(`${folder} does not exist`);

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const desktop = spawnSync(process.platform === 'win32' ? 'code.cmd' : 'code', ['--version'], { encoding: 'utf8' });
if (options.server === undefined && options.screenshot === undefined && hasDisplay && desktop.status === 0) {
  console.log(`Opening VS Code ${desktop.stdout.split('\n')[0]} with PhaseLens on ${path.relative(process.cwd(), folder) || '.'}`);
  const child = spawn(process.platform === 'win32' ? 'code.cmd' : 'code', ['--new-window', `--extensionDevelopmentPath=${repo}`, folder], { stdio: 'inherit', detached: true });
  child.unref();
  process.exit(0);
}

// ---------- the VS Code server
const setup = spawnSync('bash', [path.join(repo, 'scripts/vscode-test/setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });
if (setup.status !== 0) fail('could not install the VS Code server (scripts/vscode-test/setup.sh failed)');
const cacheDir = process.env.PHASELENS_VSCODE_TEST_HOME || path.join(os.homedir(), '.cache/phaselens-vscode-test');
const installed = JSON.parse(fs.readFileSync(path.join(cacheDir, 'paths.json'), 'utf8'));

const state = path.join(os.homedir(), '.cache/phaselens-start');
const dirs = Object.fromEntries(['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache'].map((name) => [name, path.join(state, name)]));
for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
// The extension is loaded from the working tree itself: a link in the server's extensions folder.
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
for (const entry of fs.readdirSync(dirs.extensions)) if (entry.startsWith(`${manifest.publisher}.${manifest.name}-`)) fs.rmSync(path.join(dirs.extensions, entry), { recursive: true, force: true });
fs.symlinkSync(repo, path.join(dirs.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
// A quiet workbench: no welcome page or repository prompt in front of the plans.
fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
const settingsFile = path.join(dirs['user-data'], 'User/settings.json');
if (!fs.existsSync(settingsFile)) {
  fs.writeFileSync(settingsFile, `${JSON.stringify({ 'workbench.startupEditor': 'none', 'git.openRepositoryInParentFolders': 'never', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'security.workspace.trust.enabled': false }, null, 2)}\n`);
}

const port = await freePort(Number(options.port ?? 3737));
const server = spawn(
  installed.node,
  [installed.codeServerEntry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--config', path.join(state, 'config.yaml'), folder],
  { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: dirs['xdg-config'], XDG_DATA_HOME: dirs['xdg-data'], XDG_CACHE_HOME: dirs['xdg-cache'] } },
);
const log = fs.createWriteStream(path.join(state, 'server.log'));
server.stdout.pipe(log);
server.stderr.pipe(log);
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', () => { stop(); process.exit(130); });
process.on('SIGTERM', () => { stop(); process.exit(143); });
server.on('exit', (code, signal) => {
  console.error(`The VS Code server stopped (${signal ?? `code ${code}`}); its log: ${path.join(state, 'server.log')}`);
  process.exit(process.exitCode || (code === 0 ? 0 : 3)); // a failed --screenshot keeps its own code
});

const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
await waitForServer(`http://127.0.0.1:${port}/healthz`);

if (options.screenshot !== undefined) {
  await screenshot(url, path.resolve(options.screenshot));
  stop();
} else {
  console.log(`\nPhaseLens is running in VS Code ${manifest.engines.vscode.replace('^', '≥ ')} on ${path.relative(process.cwd(), folder) || '.'}:\n\n    ${url}\n\nOpen that address in a browser (forward port ${port} when this machine is remote). Ctrl+C stops the server.`);
}

async function freePort(preferred) {
  for (let candidate = preferred; candidate < preferred + 50; candidate++) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false)).once('listening', () => probe.close(() => resolve(true)));
      probe.listen(candidate, '127.0.0.1');
    });
    if (free) return candidate;
  }
  fail(`no free port from ${preferred} to ${preferred + 49}`);
}

async function waitForServer(address) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(address);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  fail(`the VS Code server did not answer within 60 s; its log: ${path.join(state, 'server.log')}`);
}

async function screenshot(address, file) {
  const { chromium } = createRequire(import.meta.url)(installed.playwrightCore);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-start-browser-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: installed.chromium,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(address);
    // Wait for what a person would wait for, never a fixed time: on a cold or loaded machine the
    // extension host can take far longer than usual to activate PhaseLens and index the plans.
    await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
    // The activity-bar entry is declared in package.json, so it is there before PhaseLens activates.
    await page.locator('.activitybar .action-item a[aria-label^="PhaseLens"], .activitybar .action-item[aria-label^="PhaseLens"]').first().click({ timeout: 120_000 });
    const firstPlan = page.locator('[id="workbench.view.extension.phaselens"] .monaco-list-row').first();
    const shown = await firstPlan.waitFor({ state: 'visible', timeout: 180_000 }).then(() => true, () => false);
    await page.mouse.move(900, 450); // no tooltip over the activity bar in the picture
    await page.waitForTimeout(1000); // let the tree finish drawing the rows it just added
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    if (!shown) {
      console.error(`npm start: the Phases view showed no plan within 3 minutes; what the workbench showed: ${file}`);
      process.exitCode = 1;
      return;
    }
    console.log(`screenshot: ${file}`);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
