// Pictures of the live workbench for integration tests. Only scripts/vscode-test/run.mjs can take them
// (it drives the browser that shows the workbench); it does so when a test logs `[screenshot] PATH.png`
// and was started with --screenshot-dir. Elsewhere (desktop VS Code) this resolves without a picture.
import * as fs from 'node:fs';
import * as path from 'node:path';

const WAIT_MS = 15_000;
const POLL_MS = 100;

/**
 * Asks the runner for a screenshot named `name` (e.g. 'tree.png') in its screenshot folder and waits until
 * the file is written. Returns its path, or undefined when this run takes no screenshots.
 */
export async function screenshot(name: string): Promise<string | undefined> {
  const dir = process.env.PHASELENS_SCREENSHOT_DIR;
  if (process.env.PHASELENS_VSCODE_TEST !== 'code-server' || !dir) return undefined;
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  fs.rmSync(file, { force: true }); // an older picture must not satisfy the wait below
  console.log(`[screenshot] ${file}`);
  const deadline = Date.now() + WAIT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the runner wrote no screenshot to ${file} within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return file;
}
