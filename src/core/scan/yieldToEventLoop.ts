/** Lets the event loop run everything that is waiting (I/O callbacks, timers, messages) before going on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
