import type { Phase } from '../model';
import { phaseName } from '../phases';

export { phaseName };

/** Sentence-initial form of a phase name. */
export function capitalizedPhaseName(phase: Pick<Phase, 'id' | 'kind'>): string {
  const name = phaseName(phase);
  return name.charAt(0).toUpperCase() + name.slice(1);
}
