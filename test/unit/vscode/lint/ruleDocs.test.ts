import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runLint } from '../../../../src/cli/commands/lint';
import { rules } from '../../../../src/core/lint';
import { ruleDocsUrl } from '../../../../src/core/lint/ruleDocs';
import { fixturesDir, repoRoot } from '../../../support/paths';

describe('rule docs links (diagnostic code targets)', () => {
  it('point at a docs page that exists for every rule', () => {
    for (const rule of rules) {
      const url = ruleDocsUrl(rule.id);
      assert.match(url, new RegExp(`^https://github\\.com/phaselens/phaselens/blob/main/docs/rules/${rule.id}\\.md$`));
      assert.ok(existsSync(path.join(repoRoot, 'docs/rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
    }
  });

  it('are the helpUri the CLI writes into SARIF', () => {
    let out = '';
    runLint(['--format', 'sarif', '--no-config', path.join(fixturesDir, 'cli/plans')], { cwd: repoRoot, color: false, stdout: (text) => (out += text), stderr: () => {} });
    const driverRules: Array<{ id: string; helpUri: string }> = JSON.parse(out).runs[0].tool.driver.rules;
    assert.equal(driverRules.length, rules.length);
    for (const rule of driverRules) assert.equal(ruleDocsUrl(rule.id), rule.helpUri);
  });
});
