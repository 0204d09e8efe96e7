import type { PlanStore } from '../planStore';
import type { PhasesTreeProvider } from '../tree/phasesTreeProvider';
import type { Command } from './command';

/** Reads every plan again (after changes the file watcher cannot see, such as a new exclude rule elsewhere). */
export function refreshPlansCommand(store: PlanStore, provider: PhasesTreeProvider): Command {
  return {
    id: 'phaselens.refresh',
    async execute() {
      await store.reindex();
      provider.refreshAll();
    },
  };
}
