// Merge bridge: diagnostics.ts and quickFixes.ts (moved by the store branch) still import this path.
// Delete this file once they import from shared/convert.
export * from './shared/convert';
