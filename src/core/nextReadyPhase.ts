import type { PhaseRef, WorkspaceIndex } from './graph';
import { phaseName } from './phases';
import { statusText } from './prompt';

/**
 * "Start Next Ready Phase": the first phase in dependency order (dependencies before
 * dependents, ties in workspace order) that is planned and whose dependencies are all done.
 * Predictable on purpose: the same workspace always gives the same phase, and nothing is asked.
 * When none is ready, the answer says why, so the message can name what holds things up.
 */
export type NextReady =
  | {
      kind: 'ready';
      phase: PhaseRef;
      /** Further phases that are ready too, in order. */
      alsoReady: PhaseRef[];
    }
  | {
      kind: 'none';
      /** `no-phases`: nothing to start; `all-done`: every phase is done; `nothing-ready`: see the lists. */
      reason: 'no-phases' | 'all-done' | 'nothing-ready';
      inProgress: PhaseRef[];
      /** Planned phases and the unfinished phases each waits on. */
      waiting: Array<{ phase: PhaseRef; on: PhaseRef[] }>;
      blocked: PhaseRef[];
    };

/** `within`: only phases it accepts are candidates (one plan, say); dependencies are judged workspace-wide. */
export function nextReadyPhase(index: WorkspaceIndex, within: (ref: PhaseRef) => boolean = () => true): NextReady {
  const ready: PhaseRef[] = [];
  const inProgress: PhaseRef[] = [];
  const waiting: Array<{ phase: PhaseRef; on: PhaseRef[] }> = [];
  const blocked: PhaseRef[] = [];
  let candidates = 0;
  for (const ref of index.order) {
    if (!within(ref)) continue;
    candidates++;
    const status = ref.phase.status;
    if (status === 'in-progress') inProgress.push(ref);
    else if (status === 'blocked') blocked.push(ref);
    else if (status === 'planned') {
      const readiness = index.readiness(ref);
      if (readiness.ready) ready.push(ref);
      else waiting.push({ phase: ref, on: readiness.waitingOn });
    }
  }
  if (ready.length > 0) return { kind: 'ready', phase: ready[0]!, alsoReady: ready.slice(1) };
  const reason = candidates === 0 ? 'no-phases' : inProgress.length + waiting.length + blocked.length === 0 ? 'all-done' : 'nothing-ready';
  return { kind: 'none', reason, inProgress, waiting, blocked };
}

/**
 * The ready set: every phase `nextReadyPhase` would offer, in the same dependency order. What
 * `phaselens next` prints and "Start Ready Phases" launches. Phases already in progress are not
 * in it: they have been started.
 */
export function readyPhases(index: WorkspaceIndex, within: (ref: PhaseRef) => boolean = () => true): PhaseRef[] {
  const next = nextReadyPhase(index, within);
  return next.kind === 'ready' ? [next.phase, ...next.alsoReady] : [];
}

const MAX_NAMED = 3;

function nameList(refs: readonly PhaseRef[], describe: (ref: PhaseRef) => string = (ref) => phaseName(ref.phase)): string {
  const named = refs.slice(0, MAX_NAMED).map(describe);
  if (refs.length > MAX_NAMED) named.push(`${refs.length - MAX_NAMED} more`);
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/**
 * Why no phase is ready, in one message: "No phase is ready to start. In progress: Phase 2.
 * Waiting: Phase 3 on Phase 2 (in progress). Blocked: Phase 5." `where` names the scope
 * ("in the workspace", "in ROADMAP.md").
 */
export function describeNoneReady(result: Extract<NextReady, { kind: 'none' }>, where: string): string {
  if (result.reason === 'no-phases') return `PhaseLens found no phases ${where}.`;
  if (result.reason === 'all-done') return `Every phase ${where} is done.`;
  const parts = [`No phase ${where} is ready to start.`];
  if (result.inProgress.length > 0) parts.push(`In progress: ${nameList(result.inProgress)}.`);
  if (result.waiting.length > 0) {
    const waitingOn = (entry: { phase: PhaseRef; on: PhaseRef[] }) => `${phaseName(entry.phase.phase)} on ${nameList(entry.on, (ref) => `${phaseName(ref.phase)} (${statusText(ref.phase.status)})`)}`;
    const described = result.waiting.slice(0, MAX_NAMED).map(waitingOn);
    if (result.waiting.length > MAX_NAMED) described.push(`${result.waiting.length - MAX_NAMED} more`);
    parts.push(`Waiting: ${described.join('; ')}.`);
  }
  if (result.blocked.length > 0) parts.push(`Blocked: ${nameList(result.blocked)}.`);
  return parts.join(' ');
}
