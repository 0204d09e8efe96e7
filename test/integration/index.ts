// The entry point VS Code's extension host loads for the integration tests (through
// scripts/vscode-test/run.mjs or run-electron.mjs): it calls run() and fails the run when the promise
// rejects. Mocha is bundled into this file by `npm run build:test`, so it needs no node_modules and no
// require(esm) inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

// The web workbench forwards extension-host console calls without printf-style substitution, so
// mocha's reporter lines ("%d passing") must be formatted before they leave.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));

/** Folders of suites that need a workspace of their own. */
const GROUPS = ['multi-root', 'readme'];

/** Every bundled suite beside this file, in a stable order. */
function findSuites(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findSuites(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 120_000, // per test; generous so a loaded 2-core machine does not fail a passing test
    // PHASELENS_TEST_GREP=pattern runs only matching tests (the runners pass the caller's environment through).
    ...(process.env.PHASELENS_TEST_GREP ? { grep: process.env.PHASELENS_TEST_GREP } : {}),
  });
  // Suites in a group folder (multi-root/, readme/) need their own workspace, so they run in a session
  // of their own: PHASELENS_SUITES=<group>. Without it, every suite outside the group folders runs.
  const group = process.env.PHASELENS_SUITES;
  for (const suite of findSuites(__dirname)) {
    const folder = path.relative(__dirname, path.dirname(suite)).split(path.sep)[0] || undefined;
    const inGroup = folder !== undefined && GROUPS.includes(folder);
    if (group ? folder === group : !inGroup) mocha.addFile(suite);
  }

  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      // The stats collector is attached when the runner is made, so stats exist by the time this calls back.
      const runner = mocha.run(() => resolve(runner.stats!));
    } catch (error) {
      reject(error); // a suite that throws while loading
    }
  });
  // One plain line after mocha's own summary, for tools that read "N passed, N failed".
  console.log(`integration: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes + stats.pending === 0) throw new Error(`no integration test ran (suites found in ${__dirname}: none matched or none exist)`);
}
