import type { TreeFilter } from '../tree/filter';
import type { PhasesViewState } from '../tree/viewState';
import type { Command } from './command';

const FILTER_COMMANDS: ReadonlyArray<[string, TreeFilter]> = [
  ['phaselens.filter.hideDone', 'hideDone'],
  ['phaselens.filter.inProgressOnly', 'inProgressOnly'],
  ['phaselens.filter.clear', ''],
];

/** Hide done phases / show only phases in progress / show all: the view's title-bar filter. */
export function filterCommands(state: PhasesViewState): Command[] {
  return FILTER_COMMANDS.map(([id, filter]) => ({ id, execute: () => state.setFilter(filter) }));
}
