import * as vscode from 'vscode';
import type { GitApi, GitExtension } from './gitApi';

const INITIALIZE_TIMEOUT_MS = 5000;

export type GitAccess = { ok: true; api: GitApi } | { ok: false; reason: 'missing' | 'disabled' | 'failed' };

/** The built-in Git extension's API once it has looked for repositories; never throws. */
export async function gitApi(): Promise<GitAccess> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return { ok: false, reason: 'missing' };
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports?.enabled) return { ok: false, reason: 'disabled' };
    const api = exports.getAPI(1);
    if (api.state !== 'initialized') await initialized(api);
    return { ok: true, api };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** Waits for the extension's first scan for repositories, or gives up after a while: then no repository is found, which is said. */
function initialized(api: GitApi): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, INITIALIZE_TIMEOUT_MS);
    const listener = api.onDidChangeState((state) => state === 'initialized' && done());
    function done() {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
