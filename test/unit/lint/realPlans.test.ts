import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lintPlan, lintWorkspace } from '../../../src/core/lint';
import type { Finding } from '../../../src/core/lint';
import type { Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { mojibakeBlocks } from '../../../src/core/text/mojibake';
import { applyPreferredFixes, failOnRuleError, sharedDir } from './support/lintHarness';

const seedsDir = path.join(sharedDir, 'seeds');
const corpusDir = path.join(sharedDir, 'corpus', 'plans');

function markdownFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')).sort() : [];
}

/** Parsing is the slow part (ARCHITECTURE.md, performance facts): each file is parsed once for all the tests here. */
const parsed = new Map<string, { text: string; plan: Plan }>();

function parseFile(dir: string, name: string) {
  const file = path.join(dir, name);
  let entry = parsed.get(file);
  if (!entry) {
    const text = readFileSync(file, 'utf8');
    entry = { text, plan: parsePlan(text, name) };
    parsed.set(file, entry);
  }
  return entry;
}

function lintFile(dir: string, name: string) {
  const { text, plan } = parseFile(dir, name);
  return { text, plan, findings: lintPlan(plan, text, { onRuleError: failOnRuleError }) };
}

function assertInside(findings: readonly Finding[], lineCount: number) {
  for (const f of findings) {
    assert.ok(f.line >= 1 && f.endLine >= f.line && f.endLine <= lineCount, `${f.file}:${f.line} ${f.rule} outside the document`);
    assert.ok(f.endLine > f.line || f.endColumn >= f.column, `${f.file}:${f.line} ${f.rule} has an inverted range`);
  }
}

/** After "fix all", nothing that had a preferred fix is left. */
function assertFixesSettle(name: string, text: string, findings: readonly Finding[]) {
  if (!findings.some((f) => f.fixes?.some((fix) => fix.isPreferred))) return;
  const fixed = applyPreferredFixes(text, findings);
  const again = lintPlan(parsePlan(fixed, name), fixed, { onRuleError: failOnRuleError });
  assert.deepEqual(
    again.filter((f) => f.fixes?.some((fix) => fix.isPreferred)).map((f) => `${f.line} ${f.rule}: ${f.message}`),
    [],
    `${name}: preferred fixes left fixable findings behind`,
  );
}

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.line} ${f.severity} ${f.rule}: ${f.message}`);

describe('lint on real plans', function () {
  before(function () {
    if (!existsSync(seedsDir)) {
      console.warn(`skipping: ${sharedDir} is absent`);
      this.skip();
    }
  });

  describe('the seeds', () => {
    for (const name of markdownFiles(seedsDir)) {
      it(`${name}: reports every damaged block once, and stays in the document`, () => {
        const { text, plan, findings } = lintFile(seedsDir, name);
        assertInside(findings, plan.lineCount);
        const blocks = mojibakeBlocks(plan.mojibake);
        assert.equal(findings.filter((f) => f.rule === 'mojibake').length, blocks.length);
        for (const finding of findings.filter((f) => f.rule === 'mojibake')) {
          const block = blocks.find((b) => b.range.line === finding.line)!;
          assert.equal(finding.severity, block.repairable ? 'warning' : 'info');
          assert.equal(finding.fixes !== undefined, block.repairable);
        }
        assertFixesSettle(name, text, findings);
      });
    }

    it('finds nothing but mojibake in 000, 002, 003 and 004 (phases covered by inherited criteria, dependencies resolved)', () => {
      for (const name of markdownFiles(seedsDir).filter((n) => !n.startsWith('001'))) {
        assert.deepEqual(summary(lintFile(seedsDir, name).findings.filter((f) => f.rule !== 'mojibake')), [], name);
      }
    });

    it('001: the P0, P1, P2 marked complete are information, without a guess at what they meant', () => {
      const name = markdownFiles(seedsDir).find((n) => n.startsWith('001'));
      assert.ok(name);
      assert.deepEqual(summary(lintFile(seedsDir, name).findings), [
        '7 info broken-dependency: Phase 3 depends on "P0", which no plan defines',
        '7 info broken-dependency: Phase 3 depends on "P1", which no plan defines',
        '7 info broken-dependency: Phase 3 depends on "P2", which no plan defines',
      ]);
    });

    it('says the same when the seeds are linted as one workspace', () => {
      const inputs = markdownFiles(seedsDir).map((name) => parseFile(seedsDir, name));
      const together = lintWorkspace(inputs, { onRuleError: failOnRuleError });
      const apart = inputs.flatMap(({ plan, text }) => lintPlan(plan, text, { onRuleError: failOnRuleError }));
      assert.deepEqual(summary(together), summary(apart));
    });
  });

  describe('the corpus', () => {
    const names = markdownFiles(corpusDir);

    it('lints every plan without a rule crash, inside the document, with fixes that settle', () => {
      for (const name of names) {
        const { text, plan, findings } = lintFile(corpusDir, name);
        assertInside(findings, plan.lineCount);
        assertFixesSettle(name, text, findings);
      }
    });

    it('lints the whole corpus as one workspace without a rule crash', () => {
      const inputs = names.map((name) => parseFile(corpusDir, name));
      const findings = lintWorkspace(inputs, { onRuleError: failOnRuleError });
      for (const { plan } of inputs) assertInside(findings.filter((f) => f.file === plan.file), plan.lineCount);
    });
  });
});
