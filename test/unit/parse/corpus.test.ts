import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';
import { corpusDir, requireShared, sharedFiles } from '../../support/paths';

/**
 * The corpus is 55 real plans in many formats (SOURCES.tsv describes each). Every file must
 * parse without a crash; where the format notes describe phase headings, the phases a reader
 * sees must be found.
 */
const expected: Record<string, { count: number; first: string[] }> = {
  '0-protocol__0-lang__ROADMAP.md': { count: 10, first: ['0', '1', '2'] },
  // R1–R3 and G1–G2 are sibling letter codes, used as units of the closeout passes.
  '00d__cantanor__ROADMAP.md': { count: 24, first: ['10', '11', '12'] },
  '0kam__echoroo__specs__002-data-management__tasks.md': { count: 12, first: ['1', '2', '3'] },
  '0riva__oriva-platform__specs__001-continued-api-migration__tasks.md': { count: 5, first: ['3.1', '3.2', '3.3', '3.4', '3.5'] },
  '0x4D44__mdcode__IMPLEMENTATION_PLAN.md': { count: 3, first: ['Stage 1', 'Stage 2', 'Stage 3'] },
  '0xBigBoss__ghostty-webgl__IMPLEMENTATION_PLAN.md': { count: 7, first: ['1', '2', '3'] },
  '0xnim__ferrumc__IMPLEMENTATION_PLAN.md': { count: 7, first: ['1', '2', '3'] },
  '1264459640__ModularGodot.Core__.spec-workflow__specs__event-mediator-architecture__tasks.md': { count: 4, first: ['1', '2', '3'] },
  '1264459640__ModularGodot.Core__specs__002-mnt-d-godotprojects__tasks.md': { count: 5, first: ['3.1', '3.2'] },
  '1987-Dmytro__Mail-Agent__docs__epics.md': { count: 45, first: ['Epic 1', 'Story 1.1'] },
  'Azure__containerization-assist__SPRINT_PLAN.md': { count: 27, first: ['Sprint 1', 'Week 1', 'Day 1-2'] },
  'DylanTombs__Distributed-Backtesting-Engine__PHASE_1.md': { count: 15, first: ['1', '1.1'] },
  'GLaDO8__social-connections-tree__plans__phase-4-undo-persistence.md': { count: 9, first: ['4', '4.1'] },
  'MrIvoe__Spaces__docs__ROADMAP_MILESTONES_2026.md': { count: 7, first: ['Milestone 1', 'Milestone 2'] },
  'ahmetb__kubectl-fields__.planning__ROADMAP.md': { count: 4, first: ['1', '2', '3', '4'] },
  'backstageel__e-ordem__docs__cronograma-implementacao.md': { count: 19, first: ['1', 'Dia 1-2'] },
  // Finished phases as bold bullets ('- **Phase 1**: … ✅') come first, upcoming ones as headings.
  'caraseli02__MoldovaDirect__.kiro__ROADMAP.md': { count: 12, first: ['1', '2', '3', '4', '5'] },
  'chunchun1213__money-manager-backend__specs__001-login-homepage__tasks.md': { count: 7, first: ['1', '2'] },
  'cuenv__cuenv__conductor__tracks__remote_execution_20251219__plan.md': { count: 6, first: ['1', '2'] },
  'evoludigit__dbfast__PHASING__PHASE_2A.md': { count: 1, first: ['2A'] },
  'fraiseql__confiture__.phases__PHASE_3_IMPLEMENTATION_PLAN.md': { count: 10, first: ['3', 'Feature 1'] },
  'fraiseql__confiture__.phases__PHASE_4_2_3_PLAN.md': { count: 4, first: ['4.2.3', 'Day 1', 'Day 2', 'Day 3'] },
  // Shipped phases are list items inside <details>; the active ones are headings.
  'johnzilla__3goodsources__.planning__ROADMAP.md': { count: 18, first: ['1', '2', '3'] },
  'karolswdev__ticketr__docs__development__ROADMAP.md': { count: 14, first: ['Milestone 0', 'Milestone 1'] },
  'obra__superpowers__docs__plans__2025-11-22-opencode-support-implementation.md': { count: 5, first: ['1', '2'] },
  'tripavail92-byte__tripavailweb__WEEK_1.md': { count: 6, first: ['Week 1', 'Day 1', 'Day 2'] },
  // Units and notations outside headings (the vocabulary and notation readers).
  '0xulver__artificial-life__IMPLEMENTATION_PLAN.md': { count: 10, first: ['Tier 1'] },
  'Dicklesworthstone__mcp_agent_mail__.taskmaster__docs__prd.md': { count: 9, first: ['Round 1'] },
  'GLaDO8__social-connections-tree__plans__README.md': { count: 5, first: ['1', '2', '3', '4', '5'] },
  'JuanRC7777__sistema-pos-backend__.kiro__specs__cuadre-caja__tasks.md': { count: 6, first: ['Wave 1', 'Wave 2'] },
  'OpenFunction__OpenFunction__docs__roadmap.md': { count: 3, first: ['v0.1.0', 'v0.2.0', 'v0.3.0'] },
  'acidgreenservers__GitLobster__ROADMAP.md': { count: 4, first: ['1', '2', '3', '4'] },
  'aws-ia__terraform-aws-sagemaker-unified-studio__.kiro__specs__tasks.md': { count: 12, first: ['1', '2', '3'] },
  'frotaadriano__ai-campaign-builder__PLAN.md': { count: 5, first: ['1', '2'] },
};

describe('corpus', function () {
  before(function () {
    requireShared(this, corpusDir);
  });

  it('parses every plan without a crash, with lines inside the file', () => {
    const files = sharedFiles(corpusDir);
    assert.equal(files.length, 55);
    for (const file of files) {
      const plan = parsePlan(readFileSync(file, 'utf8'), file);
      for (const phase of allPhases(plan)) assert.ok(phase.line >= 1 && phase.endLine <= plan.lineCount, `${file} ${phase.id}`);
    }
  });

  for (const [name, { count, first }] of Object.entries(expected)) {
    it(`finds the phases of ${name}`, () => {
      const plan = parsePlan(readFileSync(path.join(corpusDir, name), 'utf8'), name);
      const ids = allPhases(plan).map((phase) => phase.id);
      assert.equal(ids.length, count, ids.join(', '));
      assert.deepEqual(ids.slice(0, first.length), first);
    });
  }

  it('reads status, tasks and dependencies where the notes describe them', () => {
    const read = (name: string) => parsePlan(readFileSync(path.join(corpusDir, name), 'utf8'), name);
    // "## Phase N: Name ✅": status in the heading.
    assert.ok(allPhases(read('0xnim__ferrumc__IMPLEMENTATION_PLAN.md')).every((phase) => phase.status === 'done'));
    // Spec-kit "- [x] T004 [P] …" tasks, all checked.
    const oriva = read('0riva__oriva-platform__specs__001-continued-api-migration__tasks.md');
    assert.equal(allPhases(oriva).reduce((n, phase) => n + phase.tasks.length, 0), 25);
    // GSD "**Depends on**: Phase 1" resolves within the roadmap.
    const gsd = read('ahmetb__kubectl-fields__.planning__ROADMAP.md');
    assert.deepEqual(allPhases(gsd).find((phase) => phase.id === '2')!.dependsOn.map((d) => [d.id, d.resolved]), [['1', true]]);
    // "Dependencies: Milestones 4 & 5" names two milestones.
    const ticketr = read('karolswdev__ticketr__docs__development__ROADMAP.md');
    assert.ok(allPhases(ticketr).some((phase) => phase.dependsOn.map((d) => d.id).join() === 'Milestone 4,Milestone 5'));
    // A phase table's Depends On column ("Phases 1-3") and Status column are fields.
    const index = read('GLaDO8__social-connections-tree__plans__README.md');
    assert.deepEqual(allPhases(index).find((phase) => phase.id === '4')!.dependsOn.map((d) => d.id), ['1', '2', '3']);
    assert.deepEqual(allPhases(index).map((phase) => phase.status), ['done', 'done', 'planned', 'planned', 'planned']);
    // Uppercase [X] is done.
    assert.ok(allPhases(read('1264459640__ModularGodot.Core__specs__002-mnt-d-godotprojects__tasks.md')).some((phase) => phase.tasks.some((task) => task.done)));
  });
});
