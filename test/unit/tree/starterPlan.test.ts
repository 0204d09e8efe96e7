import assert from 'node:assert/strict';
import { lintPlan } from '../../../src/core/lint';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { DEFAULT_PLAN_NAME, freePlanName, starterPlanText } from '../../../src/vscode/commands/starterPlanTemplate';

describe('starter plan', () => {
  const text = starterPlanText({ project: 'harbor', date: '2026-04-01' });
  const plan = parsePlan(text, DEFAULT_PLAN_NAME);

  it('parses into nested phases with tasks, criteria and dependencies', () => {
    const phases = allPhases(plan);
    assert.deepEqual(phases.map((phase) => phase.id), ['1', '2', '2A', '2B', '3']);
    assert.equal(plan.title, 'Delivery Plan');
    assert.match(text, /^\*\*Project\*\*: harbor$/m);
    assert.deepEqual(plan.phases.find((phase) => phase.id === '2')!.children.map((child) => child.id), ['2A', '2B']);
    for (const phase of phases.filter((candidate) => candidate.children.length === 0)) assert.ok(phase.tasks.length > 0, `${phase.id} has tasks`);
    assert.ok(phases.filter((phase) => phase.successCriteria.length > 0).length >= 3);
    assert.deepEqual(phases.flatMap((phase) => phase.dependsOn.map((ref) => `${phase.id}→${ref.key}`)), ['2→phase:1', '2B→phase:2a', '3→phase:2']);
    assert.ok(phases.every((phase) => phase.status === 'planned'));
    assert.ok(allPhases(plan).some((phase) => phase.tasks.some((task) => task.children.length > 0)), 'a task with a subtask');
  });

  it('lints clean', () => {
    assert.deepEqual(lintPlan(plan, text), []);
  });

  it('keeps an odd project name from turning into markup or a phase', () => {
    const odd = starterPlanText({ project: '# Phase 9 *x*\n[y]', date: '2026-04-01' });
    assert.deepEqual(allPhases(parsePlan(odd, 'x.md')).map((phase) => phase.id), ['1', '2', '2A', '2B', '3']);
    assert.match(odd, /^\*\*Project\*\*: Phase 9 x y$/m);
    assert.match(starterPlanText({ project: '  ', date: '2026-04-01' }), /^\*\*Project\*\*: My Project$/m);
  });

  it('never picks a name that exists', async () => {
    const taken = new Set(['PHASE_1_PLAN.md', 'PHASE_1_PLAN-2.md']);
    assert.equal(await freePlanName('PHASE_1_PLAN.md', (name) => taken.has(name)), 'PHASE_1_PLAN-3.md');
    assert.equal(await freePlanName('notes', () => false), 'notes.md');
    assert.equal(await freePlanName('docs/plan.markdown', async (name) => name === 'docs/plan.markdown'), 'docs/plan-2.markdown');
    const always = await freePlanName('x.md', () => true);
    assert.match(always, /^x-\d+\.md$/);
  });
});
