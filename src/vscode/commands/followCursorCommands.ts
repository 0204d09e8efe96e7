import type { PhasesViewState } from '../tree/viewState';
import type { Command } from './command';

/** Turns "follow the cursor" on and off (the eye in the Phases view's title bar). */
export function followCursorCommands(state: PhasesViewState): Command[] {
  return [
    { id: 'phaselens.followCursor.enable', execute: () => state.setFollowCursor(true) },
    { id: 'phaselens.followCursor.disable', execute: () => state.setFollowCursor(false) },
  ];
}
