import type { PlanStore } from './planStore';

/**
 * What `activate` returns: the extension's live state, so integration tests can assert what
 * a user sees (tree items, their labels, icons and checkboxes) through the real objects.
 * Features add their part here as they register.
 */
export interface PhaseLensApi {
  store: PlanStore;
  [feature: string]: unknown;
}
