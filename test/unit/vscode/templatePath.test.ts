import assert from 'node:assert/strict';
import path from 'node:path';
import { isInside, locateTemplate } from '../../../src/vscode/launch/templatePath';

const folder = path.resolve('/work/project');

describe('prompt template location', () => {
  it('uses the built-in prompt when no level sets a path, or the most specific one sets it empty', () => {
    assert.deepEqual(locateTemplate({}, folder), { kind: 'default' });
    assert.deepEqual(locateTemplate({ globalValue: '   ' }, folder), { kind: 'default' });
    assert.deepEqual(locateTemplate({ globalValue: '/home/me/prompt.md', workspaceValue: '' }, folder), { kind: 'default' });
    assert.deepEqual(locateTemplate({ globalValue: 42 }, folder), { kind: 'default' });
  });

  it('resolves a workspace path against the plan`s workspace folder', () => {
    assert.deepEqual(locateTemplate({ workspaceValue: '.phaselens/prompt.md' }, folder), {
      kind: 'file',
      path: path.join(folder, '.phaselens/prompt.md'),
      written: '.phaselens/prompt.md',
      confined: true,
      folder,
    });
    assert.equal(locateTemplate({ workspaceFolderValue: 'a/../b/prompt.md', workspaceValue: 'x.md' }, folder).kind, 'file');
  });

  it('keeps a path from workspace settings inside the workspace folder', () => {
    for (const written of ['../secrets.md', '../../home/me/.ssh/id_rsa', path.resolve('/etc/passwd'), 'a/../../outside.md']) {
      assert.deepEqual(locateTemplate({ workspaceValue: written }, folder), { kind: 'outside-workspace', written }, written);
      assert.deepEqual(locateTemplate({ workspaceFolderValue: written }, folder), { kind: 'outside-workspace', written }, written);
    }
    assert.equal(locateTemplate({ workspaceValue: path.join(folder, 'prompts/p.md') }, folder).kind, 'file');
    assert.equal(locateTemplate({ workspaceValue: '..prompt.md' }, folder).kind, 'file', 'a name that starts with two dots is still inside');
  });

  it('lets the user`s own settings name any file', () => {
    const home = path.resolve('/home/me/prompts/phase.md');
    assert.deepEqual(locateTemplate({ globalValue: home }, folder), { kind: 'file', path: home, written: home, confined: false, folder });
    assert.equal(locateTemplate({ globalValue: '../shared/prompt.md' }, folder).kind, 'file');
  });

  it('cannot resolve a relative path without a workspace folder, nor confine one', () => {
    assert.deepEqual(locateTemplate({ globalValue: 'prompt.md' }, undefined), { kind: 'no-folder', written: 'prompt.md' });
    assert.deepEqual(locateTemplate({ workspaceValue: path.resolve('/tmp/p.md') }, undefined), { kind: 'outside-workspace', written: path.resolve('/tmp/p.md') });
  });

  it('works on URI paths of virtual workspaces with POSIX rules', () => {
    assert.deepEqual(locateTemplate({ workspaceValue: 'p.md' }, '/repo', path.posix), { kind: 'file', path: '/repo/p.md', written: 'p.md', confined: true, folder: '/repo' });
    assert.equal(locateTemplate({ workspaceValue: '../p.md' }, '/repo', path.posix).kind, 'outside-workspace');
  });

  it('isInside: the folder itself and what lies beneath it', () => {
    assert.equal(isInside(folder, folder), true);
    assert.equal(isInside(folder, path.join(folder, 'a/b.md')), true);
    assert.equal(isInside(folder, path.join(folder, '..', 'project-other/b.md')), false);
    assert.equal(isInside(folder, path.resolve('/')), false);
  });
});
