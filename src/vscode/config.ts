// Merge bridge: planStore.ts, diagnostics.ts and quickFixes.ts (moved by the store branch) still import
// this path. Delete this file once they import '../shared/config' (or './shared/config').
export * from './shared/config';
