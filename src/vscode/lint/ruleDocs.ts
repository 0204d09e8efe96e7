import { repository } from '../../../package.json';

/**
 * Where a rule's documentation lives: the same page the CLI's SARIF output names as `helpUri`
 * (`<repository>/blob/main/docs/rules/<id>.md`), so the editor and code scanning link alike.
 * Pure (no `vscode`), so unit tests can compare it with the CLI.
 */
const REPOSITORY = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export const RULE_DOCS_BASE = `${REPOSITORY}/blob/main/docs/rules`;

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${encodeURIComponent(ruleId)}.md`;
}
