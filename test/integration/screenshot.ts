// Pictures of the live workbench for integration tests. Only scripts/vscode-test/run.mjs can take them
// (it drives the browser that shows the workbench); it does so when a test logs `[screenshot] PATH.png`
// and was started with --screenshot-dir. Elsewhere (desktop VS Code) this resolves without a picture.
// The same runner can also type into the page (`keyboard`), for the few workbench inputs that no
// VS Code command writes to, such as the rename box.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const WAIT_MS = 60_000;
const POLL_MS = 100;

export interface ScreenshotOptions {
  /**
   * A CSS selector the runner waits for (visible, up to 10 s) before it takes the picture: for what the
   * workbench draws without telling the extension host (the suggest widget, a peek view, a hover).
   */
  waitFor?: string;
}

/** Resolves once `file` exists (written atomically by the runner); fails after WAIT_MS with `what`. */
async function appears(file: string, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the runner wrote no ${what} to ${file} within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Asks the runner for a screenshot named `name` (e.g. 'tree.png') in its screenshot folder and waits until
 * the file is written. Returns its path, or undefined when this run takes no screenshots.
 */
export async function screenshot(name: string, options: ScreenshotOptions = {}): Promise<string | undefined> {
  const dir = process.env.PHASELENS_SCREENSHOT_DIR;
  if (process.env.PHASELENS_VSCODE_TEST !== 'code-server' || !dir) return undefined;
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  fs.rmSync(file, { force: true }); // an older picture must not satisfy the wait below
  console.log(`[screenshot] ${file}${options.waitFor ? ` ${JSON.stringify({ waitFor: options.waitFor })}` : ''}`);
  await appears(file, options.waitFor ? `screenshot (it waits for "${options.waitFor}" to be visible first)` : 'screenshot');
  return file;
}

export interface KeyboardInput {
  /** A CSS selector that must be visible first (up to 10 s). */
  waitFor?: string;
  /** Text typed into the focused element. */
  type?: string;
  /** Keys pressed after it, in Playwright's names: 'Enter', 'Shift+Enter', 'Escape'. */
  press?: string[];
}

/** Whether `keyboard` can type here: only the code-server runner drives the page. */
export const canUseKeyboard = () => process.env.PHASELENS_VSCODE_TEST === 'code-server';

/**
 * Types into the workbench page as a user would, through the runner, and waits until it has. Throws
 * when the runner reports a failure (the awaited element never showed), or where no runner drives the
 * page (check `canUseKeyboard` first).
 */
export async function keyboard(input: KeyboardInput): Promise<void> {
  if (!canUseKeyboard()) throw new Error('only the code-server runner (scripts/vscode-test/run.mjs) can type into the workbench');
  const ack = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phaselens-keyboard-')), 'done');
  try {
    console.log(`[keyboard] ${JSON.stringify({ ack, ...input })}`);
    await appears(ack, 'keyboard acknowledgement');
    const outcome = fs.readFileSync(ack, 'utf8');
    if (outcome !== 'ok') throw new Error(outcome);
  } finally {
    fs.rmSync(path.dirname(ack), { recursive: true, force: true });
  }
}
