import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Phase, Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';
import { phaseProgress, progressLabel } from '../../../src/core/progress';
import { phasePrompt } from '../../../src/core/prompt';
import { fixturesDir } from '../../support/paths';

const lensPlan = () => parsePlan(readFileSync(path.join(fixturesDir, 'workspace/codelens/LENS_PLAN.md'), 'utf8'), 'codelens/LENS_PLAN.md');

function phaseOf(plan: Plan, id: string): Phase {
  const phase = allPhases(plan).find((candidate) => candidate.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  return phase;
}

describe('progress', () => {
  it('counts tasks with subtasks, and checkbox criteria as met/total', () => {
    const plan = lensPlan();
    assert.equal(progressLabel(phaseProgress(phaseOf(plan, '2A'))), '1/3 tasks · criteria 1/2');
    assert.equal(progressLabel(phaseProgress(phaseOf(plan, '1'))), '2/2 tasks · criteria 2/2');
  });

  it('only counts criteria written as plain bullets', () => {
    const plan = lensPlan();
    assert.deepEqual(phaseProgress(phaseOf(plan, '2B')), { tasksDone: 0, tasksTotal: 3, criteriaMet: 0, criteriaChecklist: 0, criteriaTotal: 3 });
    assert.equal(progressLabel(phaseProgress(phaseOf(plan, '2B'))), '0/3 tasks · 3 criteria');
    assert.equal(progressLabel(phaseProgress(phaseOf(plan, '3'))), '0/2 tasks · 1 criterion');
  });

  it('shows a mix of checkbox and plain criteria, and nothing for an empty phase', () => {
    const plan = parsePlan(['## Phase 1: Mix', '', '- [x] One', '', '**Success Criteria**:', '- [x] Checked', '- [ ] Open', '- Plain', '', '## Phase 2: Empty', ''].join('\n'), 'mix.md');
    assert.equal(progressLabel(phaseProgress(phaseOf(plan, '1'))), '1/1 task · criteria 1/2 · 1 more criterion');
    assert.equal(progressLabel(phaseProgress(phaseOf(plan, '2'))), '');
  });
});

describe('phasePrompt', () => {
  it('writes the phase as a prompt: title, place, status, tasks, criteria, dependencies', () => {
    const plan = lensPlan();
    const prompt = phasePrompt({
      plan,
      phase: phaseOf(plan, '3'),
      file: 'codelens/LENS_PLAN.md',
      dependencies: [
        { name: 'Phase 2A', title: 'Importer', status: 'in-progress' },
        { name: 'Phase 2B', title: 'Exporter', status: 'planned', file: 'other/PLAN.md', line: 12 },
        { name: 'Phase 0' },
      ],
    });
    assert.equal(
      prompt,
      [
        '# Phase 3: Release',
        '',
        'This is Phase 3 of the plan "Lens Plan: Data Import and Export" in `codelens/LENS_PLAN.md` (line 42). Status: blocked, 0 of 2 tasks done.',
        '',
        '## Tasks',
        '- [ ] Write the changelog',
        '- [ ] Tag the release',
        '',
        '## Success criteria',
        '- the package is on the registry',
        '',
        '## Depends on',
        '- Phase 2A: Importer — in progress',
        '- Phase 2B: Exporter — planned (`other/PLAN.md`, line 12)',
        '- Phase 0 — not found in the workspace',
        '',
        'Keep the plan up to date as you work. If you have the PhaseLens plan tools (`set_task`, `complete_phase`, … from the `phaselens mcp` server, or `phaselens_set_task`, `phaselens_complete_phase`, … in VS Code), use them with phase `3`: check off each task as soon as it is really done, then complete Phase 3; completing is refused while a task or checkbox criterion is open.',
        'Without those tools, check off its tasks in `codelens/LENS_PLAN.md` when the work is done, and make sure every success criterion holds.',
        '',
      ].join('\n'),
    );
  });

  it('nests subtasks, keeps checkbox state and lists inherited criteria and sub-phases', () => {
    const text = [
      '# Roadmap',
      '',
      '## Phase 5: Sync',
      '',
      '**Success Criteria**:',
      '- Nothing is lost',
      '',
      '### P5.1: Outbox',
      '',
      '- [x] Table',
      '  - [ ] Index on note id',
      '',
      '### P5.2: Retry',
      '',
      '- [ ] Backoff',
      '',
      '## Success Criteria',
      '- Ships before June',
      '',
    ].join('\n');
    const plan = parsePlan(text, 'ROADMAP.md');
    const outbox = phasePrompt({ plan, phase: phaseOf(plan, 'P5.1'), file: 'ROADMAP.md', dependencies: [] });
    assert.match(outbox, /^# P5\.1: Outbox\n/);
    assert.match(outbox, /## Tasks\n- \[x\] Table\n {2}- \[ \] Index on note id\n/);
    assert.match(outbox, /## Success criteria\nFrom Phase 5 \(enclosing phase\):\n- Nothing is lost\nFrom the whole plan:\n- Ships before June\n/);
    assert.doesNotMatch(outbox, /## Depends on/);
    const sync = phasePrompt({ plan, phase: phaseOf(plan, '5'), file: 'ROADMAP.md', dependencies: [] });
    assert.match(sync, /## Sub-phases\n- P5\.1: Outbox — in progress, 1\/2 tasks\n- P5\.2: Retry — planned, 0\/1 tasks\n/);
  });

  it('carries hostile titles as text, unchanged', () => {
    const plan = parsePlan(readFileSync(path.join(fixturesDir, 'workspace/codelens/LAUNCH_PLAN.md'), 'utf8'), 'LAUNCH_PLAN.md');
    const prompt = phasePrompt({ plan, phase: phaseOf(plan, '7'), file: 'LAUNCH_PLAN.md', dependencies: [] });
    assert.match(prompt, /^# Phase 7: \$\(rm -rf ~\)\n/);
  });
});
