import type { PhaseRef, WorkspaceIndex } from './graph';
import { parseIdToken } from './ids';

/**
 * The phases a user's id names (`2A`, `Phase 2A`, `P5.2.1`, `Stage 1`, `M1`), by identity key,
 * in workspace order; ids that are no token (`Week 13-14 Kickoff`) match as written, ignoring case.
 */
export function findPhasesById(index: WorkspaceIndex, written: string): PhaseRef[] {
  const parsed = parseIdToken(written);
  if (parsed) {
    const found = index.lookup(parsed.key);
    if (found.length > 0) return found;
  }
  const wanted = written.trim().toLowerCase();
  return index.order.filter((ref) => ref.phase.id.toLowerCase() === wanted);
}
