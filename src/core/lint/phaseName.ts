import type { Phase } from '../model';

/**
 * How messages name a phase: "Phase 2B" for a bare number (`### Phase 2B: …` is written `2B`),
 * otherwise the id as written: "P3.1", "Stage 1", "Milestone 2", "M1", "Week 13-14".
 */
export function phaseName(phase: Pick<Phase, 'id' | 'kind'>): string {
  const id = phase.id.trim();
  if (phase.kind === 'phase' && /^\d/.test(id)) return `Phase ${id}`;
  return id;
}

/** Sentence-initial form of a phase name. */
export function capitalizedPhaseName(phase: Pick<Phase, 'id' | 'kind'>): string {
  const name = phaseName(phase);
  return name.charAt(0).toUpperCase() + name.slice(1);
}
