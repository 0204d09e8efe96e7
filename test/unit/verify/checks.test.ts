import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { readyPhases } from '../../../src/core/nextReadyPhase';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { phaseChecks, planChecks } from '../../../src/core/verify';

const fixtures = path.resolve(__dirname, '../../fixtures/verify');

function checksOf(file: string) {
  const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
  return planChecks(parsePlan(text, file), text).map(({ phase, checks }) => ({
    phase: phase.id,
    checks: checks.map(({ label, command, line }) => ({ label, command, line })),
  }));
}

describe('verify checks of a plan', () => {
  it('reads checks from every criteria notation, and nothing from prose or code', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'notations.json'), 'utf8'));
    assert.deepEqual(checksOf('notations.md'), expected);
  });

  it('reads the same checks from CRLF text with a byte-order mark', () => {
    const text = '\uFEFF' + fs.readFileSync(path.join(fixtures, 'notations.md'), 'utf8').replace(/\n/g, '\r\n');
    const crlf = planChecks(parsePlan(text, 'notations.md'), text).map(({ phase, checks }) => [phase.id, checks.map((check) => check.command)]);
    const lf = checksOf('notations.md').map(({ phase, checks }) => [phase, checks.map((check) => check.command)]);
    assert.deepEqual(crlf, lf);
  });

  it('gives a line that holds several criteria one check, on the criterion that names it', () => {
    const lines = ['Done when: builds, tests pass (verify: `npm test`)'];
    const checks = phaseChecks({ successCriteria: [{ text: 'builds', line: 1 }, { text: 'tests pass (verify: npm test)', line: 1 }] }, lines);
    assert.equal(checks.length, 1);
    assert.equal(checks[0]!.criterion.text, 'tests pass (verify: npm test)');
  });
});

describe('the ready set', () => {
  it('lists every planned phase whose dependencies are done, dependencies first', () => {
    const plan = parsePlan(
      [
        '# Plan',
        '## Phase 4: Ship', 'Depends on: Phase 2, Phase 3', '- [ ] ship',
        '## Phase 1: Base', '**Status**: Done',
        '## Phase 2: Left', 'Depends on: Phase 1', '- [ ] left',
        '## Phase 3: Right', 'Depends on: Phase 1', '- [ ] right',
        '## Phase 5: Started', 'Depends on: Phase 1', '- [x] a', '- [ ] b',
      ].join('\n'),
      'plan.md',
    );
    const ready = readyPhases(buildWorkspaceIndex([plan]));
    assert.deepEqual(ready.map((ref) => ref.phase.id), ['2', '3']);
  });

  it('is empty when nothing is ready', () => {
    const plan = parsePlan('# Plan\n## Phase 1: A\nDepends on: Phase 2\n## Phase 2: B\nDepends on: Phase 1\n', 'plan.md');
    assert.deepEqual(readyPhases(buildWorkspaceIndex([plan])), []);
  });
});
