import assert from 'node:assert/strict';
import { scanOutline } from '../../../src/core/scan';
import { outlinePlan } from '../../../src/core/scan/outlinePlan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';
import { generatedSamples } from './samples';

describe('outline pre-pass (line scan)', () => {
  it('finds every heading phase the full parse finds in the generated plans of each style, at the same line', () => {
    for (const sample of generatedSamples(150)) {
      const outline = scanOutline(sample.text, sample.name);
      const plan = parsePlan(sample.text, sample.name);
      const scanned = new Set(outline.phases.map((heading) => `${heading.line}:${heading.id}`));
      const headingPhases = allPhases(plan).filter((phase) => !phase.notation);
      assert.ok(headingPhases.length > 0, sample.name);
      for (const phase of headingPhases) assert.ok(scanned.has(`${phase.line}:${phase.id}`), `${sample.name}: ${phase.id} at ${phase.line}`);
      assert.equal(outline.title, plan.title);
    }
  });

  it('reads ATX headings outside fenced code only, with CRLF, a BOM and inline markup', () => {
    const text = '\uFEFF# Rollout\r\n\r\n## Phase 1: `Setup`\r\n\r\n```md\r\n## Phase 9: an example\r\n```\r\n\r\n~~~\r\n## Phase 8: another\r\n~~~\r\n### **Phase 2** - [Build](https://example.com)\r\nPhase 3: not a heading\r\n';
    const outline = scanOutline(text, 'docs/plan.md');
    assert.equal(outline.title, 'Rollout');
    assert.deepEqual(
      outline.phases.map(({ line, depth, id, title }) => ({ line, depth, id, title })),
      [
        { line: 3, depth: 2, id: '1', title: 'Setup' },
        { line: 12, depth: 3, id: '2', title: 'Build' },
      ],
    );
  });

  it('names a plan without headings after its file', () => {
    assert.deepEqual(scanOutline('no headings here\n', 'notes/todo.md'), { file: 'notes/todo.md', title: 'todo.md', phases: [] });
  });

  it('makes a provisional plan with the heading phases of the parse: ids, titles, lines, ranges and nesting, with no tasks', () => {
    const same = ['id', 'key', 'kind', 'title', 'heading', 'line', 'endLine', 'level', 'idRange', 'parentId'] as const;
    for (const sample of generatedSamples(150)) {
      const provisional = allPhases(outlinePlan(sample.text, sample.name));
      const parsed = allPhases(parsePlan(sample.text, sample.name)).filter((phase) => !phase.notation);
      assert.equal(provisional.length, parsed.length, sample.name);
      provisional.forEach((phase, index) => {
        const full = parsed[index]!;
        for (const field of same) assert.deepEqual(phase[field], full[field], `${sample.name}: ${full.id} ${field}`);
        assert.deepEqual(phase.tasks, []);
        assert.deepEqual(phase.dependsOn, []);
        // A status only where the heading states it (a field or the tasks may overrule it in the parse).
        if (full.statusSource === 'heading') assert.equal(phase.status, full.status);
        if (phase.statusSource === 'default') assert.equal(phase.status, 'planned');
      });
    }
  });

  it('reads a status the heading states, nests by depth, and leaves a schedule heading out beside stronger units', () => {
    const text = '# Plan\n\n## Week 1\n\n## Phase 1: Setup ✅\n\n### Phase 1.1: Tools\n\n## Phase 2: Build (in progress)\n\n### Phase 2 Success Criteria\n';
    const plan = outlinePlan(text, 'plan.md');
    assert.deepEqual(
      plan.phases.map((phase) => ({ id: phase.id, status: phase.status, children: phase.children.map((child) => `${child.id}<${child.parentId}`) })),
      [
        { id: '1', status: 'done', children: ['1.1<1'] },
        { id: '2', status: 'in-progress', children: [] },
      ],
    );
    assert.deepEqual(allPhases(plan).map((phase) => phase.id), allPhases(parsePlan(text, 'plan.md')).map((phase) => phase.id));
  });
});
