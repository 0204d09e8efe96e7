import type { Phase } from '../../core/api';

/** The Phases view's filter; also the value of the `phaselens.filter` context key. */
export type TreeFilter = '' | 'hideDone' | 'inProgressOnly';

export const TREE_FILTERS: readonly TreeFilter[] = ['', 'hideDone', 'inProgressOnly'];

export function isTreeFilter(value: unknown): value is TreeFilter {
  return typeof value === 'string' && (TREE_FILTERS as readonly string[]).includes(value);
}

function matches(phase: Phase, filter: TreeFilter): boolean {
  switch (filter) {
    case 'hideDone':
      return phase.status !== 'done';
    case 'inProgressOnly':
      return phase.status === 'in-progress';
    default:
      return true;
  }
}

/**
 * A phase shows when it matches the filter or one of its sub-phases does: a done parent of an
 * open sub-phase stays, so the nesting still reads as in the document.
 */
export function isPhaseVisible(phase: Phase, filter: TreeFilter): boolean {
  return filter === '' || matches(phase, filter) || phase.children.some((child) => isPhaseVisible(child, filter));
}

/** Words for the view's description while a filter is on. */
export function filterDescription(filter: TreeFilter): string {
  switch (filter) {
    case 'hideDone':
      return 'hiding done phases';
    case 'inProgressOnly':
      return 'in progress only';
    default:
      return '';
  }
}
