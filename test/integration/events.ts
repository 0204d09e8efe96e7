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

/**
 * Resolves once `check` holds: now, or after one of `event`'s firings; fails after `ms` (WAIT_MS
 * by default), naming `what`. A check that throws fails the wait with its error. It listens before
 * it looks, so an event that fires while the first (async) look runs is not missed.
 */
export function until<E>(what: string, event: vscode.Event<E>, check: () => boolean | Promise<boolean>, ms = WAIT_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve();
    };
    const look = async () => {
      try {
        if (!done && (await check())) finish();
      } catch (error) {
        finish(error);
      }
    };
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), ms);
    const subscription = event(() => void look());
    void look();
  });
}
