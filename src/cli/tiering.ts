import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimizes a function once it has run ~66 KB of bytecode. A `phaselens lint` run is short
 * and spends most of it in the markdown tokenizer's many small functions: at the default, TurboFan
 * compiles dozens of them on the feedback of the first few files, on background threads that take
 * the two cores the parser threads need, and recompiles those that deoptimize. Fifteen times the
 * budget leaves optimizing to what stays hot. Measured on 2 cores (bench/README.md): the corpus
 * lints in 0.89 s instead of 1.39 s, a 1,000-plan workspace in 5.6 s instead of 6.0 s; the
 * findings are the same. The flag is process-wide, so only the CLI's own process sets it (never
 * the extension host, which other extensions share); worker threads started later inherit it.
 */
const INTERRUPT_BUDGET = 1_000_000;

/** Call before any parsing: the budget applies to the feedback functions collect from then on. */
export function tuneTieringForShortRuns(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
