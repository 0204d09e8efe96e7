import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How much lower than the rest of the process a parser worker runs when it indexes in the
 * background (a Unix nice increment). With one worker per core, the workers and the host's own
 * thread want more cores than there are; at equal priority the scheduler hands the host's
 * thread (and the helper threads its garbage collector waits on) a share, not the core, and a
 * few milliseconds of decoding turn into tens. Lowered, the workers take only what the host
 * leaves idle, so a cold index costs the same CPU and the host answers at once.
 */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the priority of the calling thread only (not the process): on Linux a thread is a
 * task with its own nice value, named by its id under /proc/thread-self. Elsewhere (macOS and
 * Windows set priorities per process or by other means) it does nothing; so does a failure.
 * Returns whether the priority was lowered.
 */
export function lowerThisThreadsPriority(increment = BACKGROUND_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    // os.setPriority on Linux is setpriority(PRIO_PROCESS, tid): that thread alone.
    setPriority(threadId, Math.min(19, getPriority(threadId) + increment));
    return true;
  } catch {
    return false;
  }
}
