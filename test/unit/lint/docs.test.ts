import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../../../src/core/lint';
import { docsRules, lintText } from './support/lintHarness';
import { FAILED_CHECKS_RULE } from '../../../src/core/verify';

interface Example {
  kind: 'valid' | 'invalid';
  code: string;
  line: number;
}

/** Fenced blocks whose info string is `markdown valid` or `markdown invalid`. */
function examples(page: string): Example[] {
  const found: Example[] = [];
  const lines = page.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const open = /^(`{3,}|~{3,})markdown\s+(valid|invalid)\s*$/.exec(lines[index]!);
    if (!open) continue;
    const fence = open[1]!;
    const closes = new RegExp(`^\\${fence[0]}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !closes.test(lines[end]!)) body.push(lines[end++]!);
    found.push({ kind: open[2] as Example['kind'], code: `${body.join('\n')}\n`, line: index + 1 });
    index = end;
  }
  return found;
}

describe('rule docs', () => {
  it('has a page for every rule and a rule for every page', () => {
    const pages = readdirSync(docsRules).filter((name) => name.endsWith('.md') && name !== 'README.md').map((name) => name.slice(0, -3));
    // failed-checks is a diagnostic of the editor alone (it reads recorded runs), documented beside the rules.
    assert.deepEqual(pages.sort(), [...rules.map((rule) => rule.id), FAILED_CHECKS_RULE].sort());
  });

  it('lists every rule in the index with its page, default severity and description', () => {
    const index = readFileSync(path.join(docsRules, 'README.md'), 'utf8');
    for (const rule of rules) {
      const row = index.split('\n').find((line) => line.startsWith(`| [\`${rule.id}\`](${rule.id}.md)`));
      assert.ok(row, `README.md has no row for ${rule.id}`);
      assert.ok(row.includes(`| ${rule.defaultSeverity} |`), `README.md row for ${rule.id} does not say ${rule.defaultSeverity}`);
      assert.ok(row.includes(rule.description), `README.md row for ${rule.id} does not carry its description`);
    }
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const file = path.join(docsRules, `${rule.id}.md`);
      const page = existsSync(file) ? readFileSync(file, 'utf8') : '';

      it('states the default severity and documents every option', () => {
        assert.ok(page.includes(`| Default severity | \`${rule.defaultSeverity}\``), `${rule.id}.md does not state its default severity`);
        for (const [name, option] of Object.entries(rule.options ?? {})) {
          assert.ok(page.includes(`| \`${name}\` | \`${option.type}\` | \`${JSON.stringify(option.default).replace(/,/g, ', ')}\` |`), `${rule.id}.md does not document option ${name}`);
        }
        assert.ok(page.includes(`phaselens-disable-next-line ${rule.id}`), `${rule.id}.md does not show how to disable it`);
      });

      const pageExamples = examples(page);
      it('has at least one invalid and one valid example', () => {
        assert.ok(pageExamples.some((e) => e.kind === 'invalid'), 'no invalid example');
        assert.ok(pageExamples.some((e) => e.kind === 'valid'), 'no valid example');
      });

      for (const example of pageExamples) {
        it(`${example.kind} example on line ${example.line} ${example.kind === 'invalid' ? 'fires' : 'does not fire'}`, () => {
          const fired = lintText(example.code, `${rule.id}.example.md`).findings.filter((f) => f.rule === rule.id);
          if (example.kind === 'invalid') assert.ok(fired.length > 0, `expected ${rule.id} to fire on:\n${example.code}`);
          else assert.deepEqual(fired.map((f) => `${f.line}: ${f.message}`), []);
        });
      }
    });
  }
});
