import type { Timers } from './workspace';

/** The host's own timers: what the editor's adapters hand the store and the publisher. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};
