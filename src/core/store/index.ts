export { Emitter, type Disposable, type Event } from './events';
export { CACHE_FILE, PlanStore, TYPING_DEBOUNCE_MS, type PlanEntry, type PlanStoreOptions } from './planStore';
export type { FileRename, PlanStoreWorkspace, StoreDocument, StoreStorage, StoreUri, Timers } from './workspace';
export { systemTimers } from './timers';
