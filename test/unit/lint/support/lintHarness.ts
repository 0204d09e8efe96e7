import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { applyEdits } from '../../../../src/core/edits/apply';
import { lintPlan, lintWorkspace } from '../../../../src/core/lint';
import type { Finding, LintConfig } from '../../../../src/core/lint';
import type { Plan } from '../../../../src/core/model';
import { parsePlan } from '../../../../src/core/parse/parsePlan';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const lintFixtures = path.join(repoRoot, 'test', 'fixtures', 'lint');
export const docsRules = path.join(repoRoot, 'docs', 'rules');
export const sharedDir = path.resolve(repoRoot, '../shared');

/** A rule that throws fails the test instead of silently dropping its findings. */
export function failOnRuleError(ruleId: string, file: string, error: unknown): never {
  throw new Error(`rule ${ruleId} crashed on ${file}: ${error instanceof Error ? error.stack : String(error)}`);
}

export interface Linted {
  plan: Plan;
  text: string;
  findings: Finding[];
}

export function lintText(text: string, file = 'plan.md', config?: LintConfig): Linted {
  const plan = parsePlan(text, file);
  return { plan, text, findings: lintPlan(plan, text, { config, onRuleError: failOnRuleError }) };
}

export function lintTexts(files: Record<string, string>, config?: LintConfig): Finding[] {
  const inputs = Object.entries(files).map(([file, text]) => ({ plan: parsePlan(text, file), text }));
  return lintWorkspace(inputs, { config, onRuleError: failOnRuleError });
}

/** What a fixture's `.json` records for each finding: everything but the file and the fixes. */
export interface ExpectedFinding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
  phase?: string;
}

export function expectedShape(finding: Finding): ExpectedFinding {
  const shape: ExpectedFinding = {
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
  };
  if (finding.phase !== undefined) shape.phase = finding.phase;
  return shape;
}

/** Applies each finding's preferred fix, as "fix all" in an editor would. */
export function applyPreferredFixes(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((finding) => finding.fixes?.find((fix) => fix.isPreferred)?.edits ?? []);
  return applyEdits(text, edits);
}

export interface RuleFixture {
  rule: string;
  kind: 'valid' | 'invalid';
  name: string;
  file: string;
  text: string;
  expectedFile: string;
  fixedFile: string;
}

/** Every `test/fixtures/lint/<rule>/{valid,invalid}/*.md` (not the `.fixed.md` results). */
export function ruleFixtures(): RuleFixture[] {
  const fixtures: RuleFixture[] = [];
  for (const rule of readdirSync(lintFixtures).sort()) {
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = path.join(lintFixtures, rule, kind);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).sort()) {
        if (!name.endsWith('.md') || name.endsWith('.fixed.md')) continue;
        const file = path.join(dir, name);
        const base = file.slice(0, -'.md'.length);
        fixtures.push({ rule, kind, name, file, text: readFileSync(file, 'utf8'), expectedFile: `${base}.json`, fixedFile: `${base}.fixed.md` });
      }
    }
  }
  return fixtures;
}
