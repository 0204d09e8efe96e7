import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { lintPlan, rules } from '../../../src/core/lint';
import { runRules, sortFindings } from '../../../src/core/lint/engine';
import type { Rule } from '../../../src/core/lint/types';
import type { Phase, Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { failOnRuleError, lintText } from './support/lintHarness';

const emptyPlan = (file = 'a.md'): Plan => ({ file, title: 'A', phases: [], successCriteria: [], lineCount: 3, eol: '\n', mojibake: [] });

function ruleReporting(id: string, findings: Parameters<Parameters<Rule['check']>[0]['report']>[0][]): Rule {
  return { id, description: id, defaultSeverity: 'warning', tags: [], check: ({ report }) => findings.forEach(report) };
}

describe('lint engine', () => {
  it('drops the findings of a rule that throws, tells the handler, and keeps the other rules', () => {
    const plan = emptyPlan();
    const crashing: Rule = {
      id: 'crashing',
      description: '',
      defaultSeverity: 'error',
      tags: [],
      check: ({ report }) => {
        report({ range: { line: 1, column: 0, endLine: 1, endColumn: 1 }, message: 'half done' });
        throw new Error('boom');
      },
    };
    const steady = ruleReporting('steady', [{ range: { line: 2, column: 0, endLine: 2, endColumn: 1 }, message: 'fine' }]);
    const errors: string[] = [];
    const findings = runRules([crashing, steady], plan, 'a\nb\nc', {
      workspace: buildWorkspaceIndex([plan]),
      onRuleError: (rule, file, error) => errors.push(`${rule}@${file}: ${(error as Error).message}`),
    });
    assert.deepEqual(findings.map((f) => f.rule), ['steady']);
    assert.deepEqual(errors, ['crashing@a.md: boom']);
  });

  it('rethrows rule crashes when PHASELENS_RULE_ERRORS=throw', () => {
    const plan = emptyPlan();
    const crashing: Rule = { id: 'crashing', description: '', defaultSeverity: 'error', tags: [], check: () => { throw new Error('boom'); } };
    const previous = process.env.PHASELENS_RULE_ERRORS;
    process.env.PHASELENS_RULE_ERRORS = 'throw';
    try {
      assert.throws(() => runRules([crashing], plan, '', { workspace: buildWorkspaceIndex([plan]) }), /boom/);
    } finally {
      if (previous === undefined) delete process.env.PHASELENS_RULE_ERRORS;
      else process.env.PHASELENS_RULE_ERRORS = previous;
    }
  });

  it('turns missing or broken positions into a valid range inside the document', () => {
    const plan = emptyPlan();
    const sloppy = ruleReporting('sloppy', [
      { range: undefined as never, message: 'no range' },
      { range: { line: Number.NaN, column: -4, endLine: 0, endColumn: -1 }, message: 'nonsense' },
      { range: { line: 99, column: 2, endLine: 120, endColumn: 1 }, message: 'past the end' },
    ]);
    const findings = runRules([sloppy], plan, 'a\nb\nc', { workspace: buildWorkspaceIndex([plan]) });
    for (const finding of findings) {
      assert.ok(finding.line >= 1 && finding.line <= 3 && finding.endLine >= finding.line && finding.endLine <= 3, JSON.stringify(finding));
      assert.ok(finding.column >= 0 && (finding.endLine > finding.line || finding.endColumn >= finding.column), JSON.stringify(finding));
    }
    assert.equal(findings.length, 3);
  });

  it('never lets a finding be louder than its configured severity', () => {
    const plan = emptyPlan();
    const quietFinding = ruleReporting('mixed', [
      { range: { line: 1, column: 0, endLine: 1, endColumn: 1 }, message: 'info', severity: 'info' },
      { range: { line: 2, column: 0, endLine: 2, endColumn: 1 }, message: 'default' },
    ]);
    const run = (setting: never) => runRules([quietFinding], plan, 'a\nb\nc', { workspace: buildWorkspaceIndex([plan]), config: { rules: { mixed: setting } } }).map((f) => f.severity);
    assert.deepEqual(run('error' as never), ['info', 'error']);
    assert.deepEqual(run('hint' as never), ['hint', 'hint']);
    assert.deepEqual(run({ severity: 'warning' } as never), ['info', 'warning']);
    assert.deepEqual(run('off' as never), []);
  });

  it('sorts by file, line, column, then registry order', () => {
    const finding = (file: string, line: number, column: number, rule: string) => ({ file, line, column, endLine: line, endColumn: column, severity: 'warning' as const, rule, message: rule });
    const sorted = sortFindings(
      [finding('b.md', 1, 0, 'mojibake'), finding('a.md', 3, 0, 'mojibake'), finding('a.md', 1, 5, 'mojibake'), finding('a.md', 1, 5, 'missing-success-criteria')],
      rules,
    );
    assert.deepEqual(sorted.map((f) => `${f.file}:${f.line}:${f.column}:${f.rule}`), ['a.md:1:5:missing-success-criteria', 'a.md:1:5:mojibake', 'a.md:3:0:mojibake', 'b.md:1:0:mojibake']);
  });

  it('names the phase of each finding, filling it in from the line when a rule does not', () => {
    const text = '# Plan\n\n## Phase 1: One\n\n**Success Criteria**: ok\n\nDone \u00e2\u0153\u2026 here\n';
    const { findings } = lintText(text);
    const mojibake = findings.find((f) => f.rule === 'mojibake');
    assert.equal(mojibake?.phase, '1');
  });

  it('applies rule options from the configuration', () => {
    const text = '# Plan\n\n## Week 1: Setup\n\nText.\n\n## Week 2: Build\n\n**Success Criteria**: ok\n';
    assert.deepEqual(lintText(text).findings.filter((f) => f.rule === 'missing-success-criteria'), []);
    const withWeeks = lintText(text, 'plan.md', { rules: { 'missing-success-criteria': { options: { kinds: ['phase', 'week'] } } } });
    assert.deepEqual(withWeeks.findings.filter((f) => f.rule === 'missing-success-criteria').map((f) => f.phase), ['Week 1']);
  });

  it('lints a hand-built plan whose phases lack positions without throwing', () => {
    const phase = { id: '1', key: 'phase:1', kind: 'phase', title: 'x', heading: 'x', children: [], tasks: [{ text: 't', done: false } as never], successCriteria: [], dependsOn: [{ id: '9', key: 'phase:9' } as never], sections: [{} as never], status: 'done', statusSource: 'heading', empty: true } as unknown as Phase;
    const plan: Plan = { ...emptyPlan(), phases: [phase], mojibake: [{ text: 'Ã©', codePage: 'windows-1252' } as never] };
    const findings = lintPlan(plan, 'x\ny\nz', { onRuleError: failOnRuleError });
    for (const finding of findings) assert.ok(finding.line >= 1 && finding.line <= 3, JSON.stringify(finding));
  });

  it('never throws, and reports only inside the document, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('## Phase 1: A', '### P1.1: B', '**Depends on**: P1, P9', '- [ ] t', '- [x] d', '**Status**: ✅ Complete', '```', '<!-- phaselens-disable -->', '\u00e2\u0153\u2026', ''), fc.string({ maxLength: 12 })), { maxLength: 25 }),
        (lines) => {
          const text = lines.join('\n');
          const plan = parsePlan(text, 'fuzz.md');
          for (const finding of lintPlan(plan, text, { onRuleError: failOnRuleError })) {
            assert.ok(finding.line >= 1 && finding.endLine <= Math.max(lines.length, 1), JSON.stringify(finding));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
