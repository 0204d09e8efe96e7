// Waiting on what VS Code reports, never on the clock: shared by the integration suites.
import type * as vscode from 'vscode';

export const WAIT_MS = 60_000; // an upper bound for a loaded machine: waits end as soon as the event arrives

/** Resolves with the first value of `event` that `accept` takes; fails after WAIT_MS, naming `what`. */
export function nextEvent<T>(event: vscode.Event<T>, what: string, accept: (value: T) => boolean = () => true): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, WAIT_MS);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}
