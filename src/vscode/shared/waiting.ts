import { phaseName, type PhaseRef, statusText } from '../../core/api';
import type { PlanStore } from '../planStore';
import type { ResolvedPhase } from './phaseTarget';

/** The unfinished phases `resolved` builds on, as the workspace index sees them now (lenses and commands ask alike). */
export function waitingOn(store: PlanStore, resolved: Pick<ResolvedPhase, 'entry' | 'phase'>): PhaseRef[] {
  return store.index().readiness({ plan: resolved.entry.plan, phase: resolved.phase }).waitingOn;
}

/** "Phase 2B (in progress) and P1.3 (planned)". */
export function describeWaiting(refs: readonly PhaseRef[]): string {
  const names = refs.map((ref) => `${phaseName(ref.phase)} (${statusText(ref.phase.status)})`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
