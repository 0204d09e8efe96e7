import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';
import type { Phase, Plan } from '../../../src/core/model';
import { requireShared, seedsDir } from '../../support/paths';

/** The five seeds are the plans PhaseLens was made for: what a careful reader sees, it must see. */
function seed(name: string): Plan {
  const file = path.join(seedsDir, name);
  return parsePlan(readFileSync(file, 'utf8'), file);
}

function phase(plan: Plan, id: string): Phase {
  const found = allPhases(plan).find((candidate) => candidate.id === id);
  assert.ok(found, `no phase ${id} in ${plan.file}; phases: ${allPhases(plan).map((p) => p.id).join(', ')}`);
  return found;
}

const ids = (phases: readonly Phase[]) => phases.map((p) => p.id);

describe('seeds', function () {
  before(function () {
    requireShared(this, seedsDir);
  });

  it('000: a mojibake-damaged readiness summary of Phase 3 with five features', () => {
    const plan = seed('000_2aa73b98c7845de3.md');
    const phase3 = phase(plan, '3');
    assert.equal(phase3.title, 'Ready for Implementation');
    assert.equal(plan.phases.length, 1);
    assert.deepEqual(ids(phase3.children), ['Feature 1', 'Feature 2', 'Feature 3', 'Feature 4', 'Feature 5', 'Week 1', 'Weeks 2-4']);
    // "Status: All Planning Complete" describes the planning; "🚀 Ready for implementation start" is the phase's own.
    assert.equal(phase3.status, 'planned');
    assert.equal(phase3.statusField?.status, 'planned');
    // The ✅ in the heading approves the plan; it does not finish the work.
    assert.equal(phase3.statusSource, 'field');
    // "## 📊 Success Criteria" with Functional / Quality / Documentation sub-sections.
    assert.equal(phase3.successCriteria.length, 15);
    assert.equal(phase3.successCriteria[0]!.text, 'All 5 features working end-to-end');
    // The approval checklist is the phase's open work.
    assert.equal(phase3.tasks.length, 8);
    assert.ok(phase3.tasks.every((task) => !task.done && task.text.startsWith('Do you approve')));
    // "Security Architecture (Feature 2)" is a second section of Feature 2, not a new phase.
    const feature2 = phase(plan, 'Feature 2');
    assert.equal(feature2.title, 'Custom Strategies + Security Sandbox');
    assert.deepEqual(feature2.sections.map((section) => section.line), [55, 87]);
    assert.deepEqual(phase(plan, 'Feature 4').sections.map((section) => section.line), [69, 112]);
    assert.deepEqual(phase(plan, 'Feature 5').sections.map((section) => section.line), [76, 141]);
    assert.ok(plan.mojibake.length > 0);
  });

  it('001: Phase 3 (P3) with sub-phases P3.1–P3.6 and their Success Metrics', () => {
    const plan = seed('001_8cbca524e8b68b65.md');
    const p3 = phase(plan, '3');
    assert.equal(p3.title, 'Planning Summary');
    assert.equal(p3.key, 'phase:3');
    assert.deepEqual(ids(p3.children), ['P3.1', 'P3.2', 'P3.3', 'P3.4', 'P3.5', 'P3.6']);
    assert.equal(phase(plan, 'P3.1').title, 'Telemetry & Observability (Week 1-2)');
    for (const child of p3.children) {
      assert.equal(child.successCriteria.length, 4, `${child.id} success metrics`);
      assert.equal(child.status, 'planned');
    }
    assert.equal(phase(plan, 'P3.1').successCriteria[0]!.text, 'Telemetry overhead < 1ms');
    assert.equal(phase(plan, 'P3.1').line, 42);
    assert.equal(phase(plan, 'P3.1').endLine, 58);
    // "Dependencies: P0, P1, P2 complete ✅": three references, marked complete, not defined here.
    assert.deepEqual(p3.dependsOn.map((d) => [d.id, d.line, d.resolved, d.markedComplete]), [
      ['P0', 7, false, true],
      ['P1', 7, false, true],
      ['P2', 7, false, true],
    ]);
    // "Status: ✅ Planning Complete" is about the planning; "✅ Ready for Execution" is the phase's.
    assert.equal(p3.status, 'planned');
    // "Kickoff (Day 1)" is a calendar note, not a phase; "Comparison: P0/P1/P2 vs P3" is prose.
    assert.equal(allPhases(plan).length, 7);
    // "## Success Metrics Summary" belongs to P3 itself.
    assert.ok(p3.successCriteria.length > 0);
  });

  it('002: the dbfast orchestrator: seven lettered phases with Builds On chains and Success Gates', () => {
    const plan = seed('002_b4e5bdfa4e18aa14.md');
    assert.equal(plan.title, 'Phase Orchestrator: Linear Development Pipeline');
    assert.deepEqual(ids(plan.phases), ['2A', '2B', '2C', '2D', '3B', '4A', '4B']);
    assert.equal(phase(plan, '2A').title, 'SQL File Execution');
    const deps = (id: string) => phase(plan, id).dependsOn.map((d) => d.id);
    assert.deepEqual(deps('2A'), []); // "Current placeholder implementation"
    assert.deepEqual(deps('2B'), ['2A']);
    assert.deepEqual(deps('2C'), ['2B']);
    assert.deepEqual(deps('2D'), ['2A', '2B', '2C']); // "2A+2B+2C + existing file scanner"
    assert.deepEqual(deps('3B'), ['2D']);
    assert.deepEqual(deps('4A'), ['3B']);
    assert.deepEqual(deps('4B'), ['4A']);
    assert.ok(allPhases(plan).every((p) => p.dependsOn.every((d) => d.resolved)));
    for (const p of plan.phases) {
      assert.equal(p.successCriteria.length, 1, `${p.id} success gate`);
      assert.equal(p.status, 'planned');
    }
    assert.equal(phase(plan, '2A').successCriteria[0]!.text, '`dbfast seed` executes real SQL files with proper error handling');
    // The launcher protocol's "Step 1…5" are instructions, not phases of this plan.
    assert.ok(!allPhases(plan).some((p) => p.kind === 'step'));
    // Headings inside the bash fences ("# Start next phase immediately") are code.
    assert.equal(allPhases(plan).length, 7);
  });

  it('003: Phase 5 with week-labelled sub-phases named by their trailing id, and P5.1.1 in two places', () => {
    const plan = seed('003_5a511f4b6a31867f.md');
    const phase5 = phase(plan, '5');
    assert.deepEqual(ids(phase5.children), ['P5.1', 'P5.2', 'P5.3', 'P5.4', 'P5.5', 'P5.6']);
    assert.equal(phase(plan, 'P5.1').title, 'Security Foundation (Week 13-14)');
    assert.deepEqual(ids(phase(plan, 'P5.1').children), ['P5.1.1', 'P5.1.2']);
    const p511 = phase(plan, 'P5.1.1');
    // "START HERE: P5.1.1 - …" defines it; "#### P5.1.1: PolicyGate Implementation" adds a section.
    assert.deepEqual(p511.sections.map((section) => section.line), [25, 66]);
    assert.equal(p511.line, 25);
    assert.equal(p511.successCriteria.length, 4);
    assert.equal(p511.tasks.length, 6);
    assert.deepEqual(p511.dependsOn, []); // "None (can start immediately)"
    // One of six boxes checked: in progress.
    assert.equal(phase(plan, 'P5.2.1').status, 'in-progress');
    assert.equal(phase(plan, 'P5.2').status, 'in-progress');
    assert.equal(phase(plan, 'P5.1.2').status, 'planned');
    assert.equal(phase(plan, 'P5.6').tasks.length, 6);
    // "🚀 READY TO BEGIN IMPLEMENTATION" is planned.
    assert.equal(phase5.status, 'planned');
    // "Phase 5 Success Criteria", the validation checklist and the closing Success Criteria field.
    assert.ok(phase5.successCriteria.length >= 13);
    assert.ok(phase5.successCriteria.some((c) => c.text.startsWith('99.9% Uptime')));
    assert.ok(phase5.successCriteria.some((c) => c.text.startsWith('Security Audit') && c.done === false));
    assert.equal(phase5.tasks.length, 0, 'the validation checklist is criteria, not tasks');
  });

  it('004: a week of Day phases under Phase 3, with checklists inside fences that are not tasks', () => {
    const plan = seed('004_24b6c8435d80e923.md');
    const phase3 = phase(plan, '3');
    assert.equal(phase3.title, 'Production Readiness Implementation Plan');
    assert.deepEqual(ids(phase3.children), ['Day 1', 'Day 2', 'Day 3', 'Day 4', 'Day 5']);
    assert.equal(phase(plan, 'Day 1').title, 'Issue Resolution & Performance Baseline (Monday)');
    // Every checkbox in this file is inside a ```markdown fence.
    assert.equal(allPhases(plan).reduce((count, p) => count + p.tasks.length, 0), 0);
    // "PHASE 3 SUCCESS CRITERIA" holds Phase 3's criteria (the YAML targets are code, not items).
    assert.equal(phase3.successCriteria.length, 12);
    assert.equal(phase3.successCriteria[0]!.text, 'OWASP Top 10 addressed');
    assert.equal(phase3.status, 'planned');
    assert.ok(plan.mojibake.length > 0);
  });

  it('every seed: lines within the file and sections within their phase', () => {
    for (const name of ['000_2aa73b98c7845de3.md', '001_8cbca524e8b68b65.md', '002_b4e5bdfa4e18aa14.md', '003_5a511f4b6a31867f.md', '004_24b6c8435d80e923.md']) {
      const plan = seed(name);
      for (const p of allPhases(plan)) {
        assert.ok(p.line >= 1 && p.endLine <= plan.lineCount && p.line <= p.endLine, `${name} ${p.id}`);
        assert.equal(p.title.includes('â'), false, `${name} ${p.id} title shows mojibake: ${p.title}`);
      }
    }
  });
});
