// Merge bridge: diagnostics.ts (moved by the store branch) still imports this path. Delete this
// file once it imports ruleDocsUrl from core/api.
export { ruleDocsUrl } from '../../core/api';
