import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import type { Phase, Plan, Range, Task } from '../../../src/core/model';
import { allPhases } from '../../../src/core/phases';
import { seedsDir, sharedFiles, corpusDir } from '../../support/paths';

/**
 * Properties that hold for any input: parsing never throws, every line and range lies inside
 * the text, children sit inside their parents, and the section-by-section parse equals a
 * parse of the whole document.
 */

const fragments = [
  '# Phase 1: Foundations', '## Phase 2A: Loader', '### P3.1: Metrics (Week 1-2)', '#### P3.1.1 - Counters',
  '## Week 13-14: Hardening (P5.1)', '### Day 1 (Monday): Kickoff', '## Stage 2 – Shadow', '## Milestone 3 — Beta',
  '### **Feature 2: Sandbox**', '### Sandbox Notes (Feature 2)', '## 📊 PHASE 1 SUCCESS CRITERIA', '## Success Criteria',
  '#### Success Criteria:', '## Notes', '# ', '###### deep', 'Phase 9: setext', '=====', '-----',
  '- [ ] open task', '- [x] done task', '  - [ ] nested task', '    - [X] nested deeper', '* [ ] star task', '1. [ ] numbered',
  '[x] bare checkbox', '- plain bullet', '  continuation line', '**Dependencies**: P1, 2A+2B complete ✅',
  '**Builds On**: 2A SQL engine + existing scanner', '**Dependencies**: None', 'Depends on: Milestone 3',
  '- **Requires:** Stage 1, Stage 9', '**Dependencies**:', '**Status**: ✅ Complete', '**Status:** 🚧 In Progress',
  '**Status**: ✅ Planning Complete', '**Success Metrics**:', '**Success Gate**: it ships', '**Exit criteria (all)**',
  '```', '```markdown', '~~~', '    indented code', '<!-- comment', '-->', '<details>', '<summary>Phase 4</summary>',
  '> quoted', '> ## Phase 7: quoted heading', '| a | b |', '|---|---|', '| - [ ] x | y |', '---', '',
  '[ref]: https://example.com', 'see [ref]', 'âœ… ðŸ“‹ ğŸ¯ â€” mojibake', '🚀🎯✅', 'text with `code` and *emphasis*',
];

const documentArbitrary = fc
  .tuple(fc.array(fc.constantFrom(...fragments), { maxLength: 80 }), fc.boolean())
  .map(([lines, crlf]) => lines.join(crlf ? '\r\n' : '\n'));

function withinFile(plan: Plan, range: Range, lines: string[], what: string) {
  assert.ok(range.line >= 1 && range.endLine <= plan.lineCount && range.line <= range.endLine, `${what}: lines ${range.line}-${range.endLine} of ${plan.lineCount}`);
  if (range.line === range.endLine) {
    assert.ok(range.column >= 0 && range.column <= range.endColumn, `${what}: columns ${range.column}-${range.endColumn}`);
    assert.ok(range.endColumn <= (lines[range.line - 1]?.length ?? 0) + 1, `${what}: column ${range.endColumn} past the line`);
  }
}

function checkInvariants(text: string) {
  const plan = parsePlan(text, 'doc.md');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  assert.equal(plan.lineCount, lines.length);
  const inSections = (phase: Phase, line: number) => phase.sections.some((section) => line >= section.line && line <= section.endLine);
  const visitTasks = (phase: Phase, tasks: readonly Task[]) => {
    for (const task of tasks) {
      assert.ok(inSections(phase, task.line), `task at ${task.line} outside phase ${phase.id}`);
      withinFile(plan, task.checkbox, lines, `task ${task.line} checkbox`);
      visitTasks(phase, task.children);
    }
  };
  for (const phase of allPhases(plan)) {
    assert.ok(phase.line >= 1 && phase.line <= phase.endLine && phase.endLine <= plan.lineCount, `phase ${phase.id} at ${phase.line}-${phase.endLine}`);
    withinFile(plan, phase.idRange, lines, `phase ${phase.id} id`);
    for (const section of phase.sections) assert.ok(section.line <= section.endLine && section.endLine <= plan.lineCount);
    visitTasks(phase, phase.tasks);
    for (const criterion of phase.successCriteria) assert.ok(criterion.line >= 1 && criterion.line <= plan.lineCount);
    for (const dependency of phase.dependsOn) withinFile(plan, dependency.range, lines, `dependency ${dependency.id}`);
    for (const child of phase.children) {
      const nestedByHeading = phase.sections.some((section) => child.line > section.line && child.endLine <= section.endLine);
      const nestedById = child.key.startsWith(`${phase.key}.`);
      assert.ok(nestedByHeading || nestedById, `child ${child.id} (${child.line}-${child.endLine}) outside parent ${phase.id}`);
    }
  }
  for (const run of plan.mojibake) assert.ok(run.range.line >= 1 && run.range.line <= plan.lineCount);
  return plan;
}

function withoutFile(plan: Plan) {
  return JSON.parse(JSON.stringify(plan));
}

function mutate(text: string, seed: number): string {
  const lines = text.split('\n');
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff);
  for (let edits = next() % 12; edits >= 0; edits--) {
    const at = next() % Math.max(1, lines.length);
    switch (next() % 5) {
      case 0: lines.splice(at, 1); break;
      case 1: lines.splice(at, 0, lines[next() % lines.length] ?? ''); break;
      case 2: lines.splice(at, 0, fragments[next() % fragments.length]!); break;
      case 3: { const line = lines[at] ?? ''; const cut = next() % (line.length + 1); lines[at] = line.slice(0, cut) + line.slice(cut + 1 + (next() % 3)); break; }
      default: lines[at] = `${' '.repeat(next() % 6)}${lines[at] ?? ''}`;
    }
  }
  return lines.join('\n');
}

describe('parse properties', () => {
  it('random plan-like documents: no exception, every invariant holds', () => {
    fc.assert(fc.property(documentArbitrary, (text) => void checkInvariants(text)), { numRuns: 400 });
  });

  it('arbitrary unicode: no exception, every invariant holds', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => void checkInvariants(text)), { numRuns: 300 });
  });

  it('parsing section by section equals parsing the whole document', () => {
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        assert.deepEqual(withoutFile(parsePlan(text, 'doc.md')), withoutFile(parsePlan(text, 'doc.md', { wholeDocument: true })));
      }),
      { numRuns: 400 },
    );
  });

  it('mutated seeds and corpus plans: invariants hold and chunked equals whole', function () {
    const files = [...sharedFiles(seedsDir), ...sharedFiles(corpusDir).slice(0, 20)];
    if (files.length === 0) {
      console.log('      (skipped: ../shared is not present on this machine)');
      this.skip();
    }
    files.forEach((file, index) => {
      const text = readFileSync(file, 'utf8');
      for (let round = 0; round < 3; round++) {
        const mutated = mutate(text, index * 31 + round);
        checkInvariants(mutated);
        assert.deepEqual(withoutFile(parsePlan(mutated, 'doc.md')), withoutFile(parsePlan(mutated, 'doc.md', { wholeDocument: true })), `${file} round ${round}`);
      }
    });
  });

  it('hostile inputs finish and keep the invariants', function () {
    const hostile = [
      '',
      '\uFEFF',
      '>'.repeat(10_000) + ' # Phase 1: deep',
      '- '.repeat(10_000) + '[ ] deep task',
      '# Phase 1: huge line\n' + 'word '.repeat(1_000_000),
      '| a '.repeat(200_000),
      '# Phase 1: open fence\n```\n# Phase 2: inside\n- [ ] not a task',
      '# 🚀🎯✅\n## ✅\n### ⏳ \n- [ ] orphan',
      Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xd800)).join(''),
      '# Phase 1: many\n' + '- [ ] t\n'.repeat(20_000),
      '#'.repeat(7) + ' not a heading\n' + '\r'.repeat(1000) + '\n\n\n',
    ];
    for (const text of hostile) checkInvariants(text);
  });
});
