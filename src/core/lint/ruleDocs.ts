import { repository } from '../../../package.json';

/**
 * Where a rule's documentation lives, for the editor's diagnostics and the CLI's SARIF `helpUri`
 * alike (`<repository>/blob/main/docs/rules/<id>.md`), so both link to the same page.
 */
export const REPOSITORY_URL = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules`;

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}/${encodeURIComponent(ruleId)}.md`;
}
