import assert from 'node:assert/strict';
import { decideBranchIntent, decideBranchStep } from '../../../src/vscode/launch/branchDecision';

const phase = { phaseId: '81A', phaseTitle: 'Importer: CSV', planTitle: 'Launch Your Way' };

describe('branch per phase: decision', () => {
  it('is off unless a template is set', () => {
    for (const template of [undefined, '', '   ', 'off', 'OFF', 42]) assert.deepEqual(decideBranchIntent(true, template, phase), { kind: 'off' });
  });

  it('takes no git action in an untrusted workspace', () => {
    assert.deepEqual(decideBranchIntent(false, 'phase-${phaseId}-${slug}', phase), { kind: 'untrusted' });
  });

  it('names the branch from the template in a trusted workspace', () => {
    assert.deepEqual(decideBranchIntent(true, ' phase-${phaseId}-${slug} ', phase), { kind: 'branch', name: 'phase-81A-importer-csv', template: 'phase-${phaseId}-${slug}', unknown: [] });
    assert.deepEqual(decideBranchIntent(true, '${owner}/${phaseId}', phase), { kind: 'branch', name: '${owner}/81A', template: '${owner}/${phaseId}', unknown: ['owner'] });
  });

  it('says when the template gives no usable name', () => {
    assert.deepEqual(decideBranchIntent(true, '${slug}', { ...phase, phaseTitle: '🚀' }), { kind: 'unusable', template: '${slug}' });
  });

  it('does nothing when the branch is already checked out', () => {
    assert.deepEqual(decideBranchStep('phase-1', { head: 'phase-1', exists: true, changedFiles: 3 }), { kind: 'already-on' });
  });

  it('creates a missing branch, or checks out an existing one, when the tree is clean', () => {
    assert.deepEqual(decideBranchStep('phase-1', { head: 'main', exists: false, changedFiles: 0 }), { kind: 'switch', create: true });
    assert.deepEqual(decideBranchStep('phase-1', { head: 'main', exists: true, changedFiles: 0 }), { kind: 'switch', create: false });
    assert.deepEqual(decideBranchStep('phase-1', { head: undefined, exists: true, changedFiles: 0 }), { kind: 'switch', create: false });
  });

  it('asks first when there are uncommitted changes', () => {
    assert.deepEqual(decideBranchStep('phase-1', { head: 'main', exists: false, changedFiles: 2 }), { kind: 'ask', create: true, changedFiles: 2 });
    assert.deepEqual(decideBranchStep('phase-1', { head: 'main', exists: true, changedFiles: 1 }), { kind: 'ask', create: false, changedFiles: 1 });
  });
});
