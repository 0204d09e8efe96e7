import type { PhaseRef, WorkspaceIndex } from './graph';
import { parseIdToken } from './ids';
import { phaseName } from './phases';
import type { Phase } from './model';

/**
 * Whether `phase` answers to an id a person or an agent wrote (`2A`, `Phase 2A`, `P5.2.1`,
 * `Stage 1`, `M1`): by identity key (`Phase 3`, `P3` and `3` are one phase), else by the id or
 * display name as written, case aside, for ids the key syntax does not cover (`Week 13-14 Kickoff`).
 * The one rule the CLI, the LM tools and the MCP server share.
 */
export function phaseMatcher(written: string): (phase: Phase) => boolean {
  const text = written.trim();
  const parsed = parseIdToken(text);
  const lower = text.toLowerCase();
  return (phase) => (parsed !== undefined && phase.key === parsed.key) || phase.id.toLowerCase() === lower || phaseName(phase).toLowerCase() === lower;
}

/** The phases a written id names, in workspace order. */
export function findPhasesById(index: WorkspaceIndex, written: string): PhaseRef[] {
  const matches = phaseMatcher(written);
  return index.order.filter((ref) => matches(ref.phase));
}
