import assert from 'node:assert/strict';
import type { Finding, Rule } from '../../../src/core/lint';
import { formatJson } from '../../../src/cli/formats/json';
import { formatSarif } from '../../../src/cli/formats/sarif';
import { formatStylish } from '../../../src/cli/formats/stylish';

const range = (line: number, column: number, endColumn: number) => ({ line, column, endLine: line, endColumn });

const findings: Finding[] = [
  { file: 'docs/PHASE 3.md', ...range(12, 4, 6), severity: 'warning', rule: 'broken-dependency', message: 'Phase 2B depends on "2E", which no plan defines. Did you mean "2D"?', phase: '2B',
    fixes: [{ title: 'Change "2E" to "2D"', edits: [{ range: range(12, 4, 6), newText: '2D' }], isPreferred: true }] },
  { file: 'docs/PHASE 3.md', ...range(140, 0, 20), severity: 'error', rule: 'dependency-cycle', message: 'Phase 3 is part of a dependency cycle', phase: '3',
    related: [{ file: 'other.md', range: range(7, 2, 9), message: 'Phase 4 depends on Phase 3 here' }] },
  { file: 'docs/PHASE 3.md', ...range(140, 0, 3), severity: 'info', rule: 'mojibake', message: 'Garbled text\ncannot be repaired' },
  { file: 'b.md', ...range(1, 0, 1), severity: 'hint', rule: 'empty-phase', message: 'Phase 1 is empty', phase: '1' },
  { file: '/abs/c.md', ...range(3, 9, 12), severity: 'warning', rule: 'custom-rule', message: 'From a rule the registry does not know' },
];

const rules: Rule[] = [
  { id: 'broken-dependency', description: 'A dependency names a phase that no plan defines', defaultSeverity: 'warning', tags: ['dependencies'], check: () => {} },
  { id: 'dependency-cycle', description: 'Phases depend on each other in a loop', defaultSeverity: 'error', tags: ['dependencies'], check: () => {} },
  { id: 'mojibake', description: 'Garbled text', defaultSeverity: 'warning', tags: ['text'], check: () => {} },
  { id: 'empty-phase', description: 'A phase with no content', defaultSeverity: 'hint', tags: [], check: () => {} },
];

describe('cli: lint output formats', () => {
  describe('stylish', () => {
    const text = formatStylish(findings, false);
    const lines = text.split('\n');

    it('groups by file with aligned, 1-based positions and a summary', () => {
      assert.deepEqual(lines.slice(0, 2), ['', 'docs/PHASE 3.md']);
      const rows = lines.slice(2, 5);
      assert.equal(rows[0], '   12:5  warning  Phase 2B depends on "2E", which no plan defines. Did you mean "2D"?  broken-dependency');
      assert.match(rows[1]!, /^ {2}140:1 {2}error {4}Phase 3 is part of a dependency cycle +dependency-cycle$/);
      assert.match(rows[2]!, /^ {2}140:1 {2}info {5}Garbled text cannot be repaired +mojibake$/);
      // The rule column lines up: every row's rule starts where the longest message ends + 2.
      const ruleColumns = rows.map((row, i) => row.lastIndexOf(['broken-dependency', 'dependency-cycle', 'mojibake'][i]!));
      assert.deepEqual(new Set(ruleColumns).size, 1);
      assert.equal(lines[5], '');
      assert.deepEqual(lines.slice(6, 9), ['b.md', '  1:1  hint  Phase 1 is empty  empty-phase', '']);
      assert.equal(lines.at(-2), '✖ 5 problems (1 error, 2 warnings, 1 info, 1 hint)');
      assert.equal(lines.at(-1), '');
    });

    it('prints nothing at all when there is nothing to report', () => {
      assert.equal(formatStylish([], false), '');
    });

    it('leaves hints out of the summary when there are none, and colours only when asked', () => {
      const one = formatStylish([findings[0]!], false);
      assert.match(one, /\n✖ 1 problem \(0 errors, 1 warning, 0 infos\)\n$/);
      const coloured = formatStylish([findings[1]!], true);
      assert.match(coloured, /\u001b\[31merror\u001b\[39m/);
      assert.match(coloured, /\u001b\[4mdocs\/PHASE 3\.md\u001b\[24m/);
      assert.doesNotMatch(text, /\u001b/);
    });
  });

  describe('json', () => {
    const rows = JSON.parse(formatJson(findings)) as Array<Record<string, unknown>>;

    it('keeps the contract fields first, phase null when outside every phase, fixes and related after', () => {
      const contract = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message', 'phase'];
      assert.deepEqual(Object.keys(rows[0]!), [...contract, 'fixes']);
      assert.deepEqual(Object.keys(rows[1]!), [...contract, 'related']);
      assert.deepEqual(Object.keys(rows[2]!), contract);
      assert.equal(rows[2]!.phase, null);
      assert.deepEqual(rows[0], { ...findings[0] });
    });

    it('prints an empty array for no findings', () => {
      assert.equal(formatJson([]), '[]\n');
    });
  });

  describe('sarif', () => {
    const log = JSON.parse(
      formatSarif(findings, { rules, toolVersion: '9.9.9', docsBase: 'https://example.org/docs/rules', informationUri: 'https://example.org', cwd: '/work/project' }),
    );
    const run = log.runs[0];

    it('declares SARIF 2.1.0 and describes every rule, known or not', () => {
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.deepEqual(run.tool.driver.name, 'phaselens');
      assert.deepEqual(run.tool.driver.version, '9.9.9');
      assert.deepEqual(run.tool.driver.rules[1], {
        id: 'dependency-cycle',
        shortDescription: { text: 'Phases depend on each other in a loop' },
        helpUri: 'https://example.org/docs/rules/dependency-cycle.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['dependencies'] },
      });
      assert.deepEqual(run.tool.driver.rules[4], { id: 'custom-rule', shortDescription: { text: 'custom-rule' }, helpUri: 'https://example.org/docs/rules/custom-rule.md' });
      assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
    });

    it('maps severities to levels and columns to 1-based regions', () => {
      assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['warning', 'error', 'note', 'note', 'warning']);
      assert.deepEqual(run.results.map((r: { ruleIndex: number }) => r.ruleIndex), [0, 1, 2, 3, 4]);
      assert.deepEqual(run.results[0].locations[0].physicalLocation, {
        artifactLocation: { uri: 'docs/PHASE%203.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 7 },
      });
      assert.deepEqual(run.results[4].locations[0].physicalLocation.artifactLocation, { uri: 'file:///abs/c.md' });
      assert.deepEqual(run.results[0].properties, { phase: '2B' });
    });

    it('carries related locations and fixes', () => {
      assert.deepEqual(run.results[1].relatedLocations, [
        {
          id: 0,
          physicalLocation: { artifactLocation: { uri: 'other.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 10 } },
          message: { text: 'Phase 4 depends on Phase 3 here' },
        },
      ]);
      assert.deepEqual(run.results[0].fixes, [
        {
          description: { text: 'Change "2E" to "2D"' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'docs/PHASE%203.md', uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: { startLine: 12, startColumn: 5, endLine: 12, endColumn: 7 }, insertedContent: { text: '2D' } }],
            },
          ],
        },
      ]);
    });
  });
});
