import { type PhasePromptInput, promptInputOf } from '../../core/api';
import type { PlanStore } from '../planStore';
import { displayPath } from '../shared/displayPath';
import type { ResolvedPhase } from '../shared/phaseTarget';

/** What a prompt is made of: the phase, its plan, its file as the user knows it, its dependencies as the index resolves them now. */
export function promptInputFor(store: PlanStore, { entry, phase }: Pick<ResolvedPhase, 'entry' | 'phase'>): PhasePromptInput {
  return promptInputOf(store.index(), entry.plan, phase, displayPath);
}
