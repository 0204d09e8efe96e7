/**
 * Long synchronous work written as a generator that pauses (`yield`) between pieces, so an
 * asynchronous caller can give the event loop a turn between them (the workspace indexer), and
 * a synchronous caller runs it straight through with `runToEnd`. One code path for both.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs stepwise work to its end without pausing. */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
