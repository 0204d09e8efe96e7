import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Phase } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';
import { phaseProgress, reopenedStatus } from '../../../src/core/progress';
import { actionFor, phaseLensItems } from '../../../src/vscode/codeLens/phaseLensItems';
import { fixturesDir } from '../../support/paths';

const phases = allPhases(parsePlan(readFileSync(path.join(fixturesDir, 'workspace/codelens/LENS_PLAN.md'), 'utf8'), 'LENS_PLAN.md'));
const phase = (id: string): Phase => phases.find((candidate) => candidate.id === id)!;
const titles = (p: Phase, waiting: Parameters<typeof phaseLensItems>[1] = []) => phaseLensItems(p, waiting).map((item) => item.title);

describe('code lens items', () => {
  it('offers the action that fits the status', () => {
    assert.deepEqual(['planned', 'blocked', 'in-progress', 'done'].map((status) => actionFor(status as Phase['status'])), ['start', 'start', 'complete', 'reopen']);
    assert.equal(titles(phase('2B'))[0], '▶ Start phase');
    assert.equal(titles(phase('3'))[0], '▶ Start phase');
    assert.equal(titles(phase('2A'))[0], '✓ Complete phase');
    assert.equal(titles(phase('1'))[0], '↺ Reopen');
  });

  it('shows progress and one waiting lens per unfinished dependency, named like the messages', () => {
    assert.deepEqual(titles(phase('3'), [{ phase: phase('2A') }, { phase: phase('2B'), otherFile: 'EXPORT.md' }]), [
      '▶ Start phase',
      '0/2 tasks · 1 criterion',
      '$(watch) waiting on Phase 2A',
      '$(watch) waiting on Phase 2B (EXPORT.md)',
    ]);
    const waiting = phaseLensItems(phase('3'), [{ phase: phase('2A') }]).find((item) => item.kind === 'waiting');
    assert.equal(waiting?.tooltip, 'Phase 2A: Importer is in progress. Go to its heading');
  });

  it('shows no waiting lens on a done phase', () => {
    assert.deepEqual(titles(phase('1'), [{ phase: phase('2A') }]), ['↺ Reopen', '2/2 tasks · criteria 2/2']);
  });

  it('reopens to planned only when the phase has tasks and none is done', () => {
    assert.equal(reopenedStatus(phaseProgress(phase('1'))), 'in-progress');
    assert.equal(reopenedStatus(phaseProgress(phase('2B'))), 'planned');
    assert.equal(reopenedStatus(phaseProgress({ tasks: [], successCriteria: [] })), 'in-progress');
  });
});
