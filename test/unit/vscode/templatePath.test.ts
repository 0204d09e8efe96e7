import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { creationStaysInside, isInside, locateTemplate, realCreationPath } from '../../../src/vscode/launch/templatePath';

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

describe('Create Template: where the file would really be written', () => {
  let root: string;
  let workspace: string;
  let outside: string;
  before(() => {
    root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'phaselens-create-')));
    workspace = path.join(root, 'workspace');
    outside = path.join(root, 'outside');
    mkdirSync(path.join(workspace, 'docs'), { recursive: true });
    mkdirSync(outside);
    // A folder inside the workspace that is a link to a folder outside it.
    symlinkSync(outside, path.join(workspace, '.phaselens'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('follows a symbolic link on the way to a file that does not exist yet', async () => {
    assert.equal(await realCreationPath(path.join(workspace, '.phaselens', 'new', 'prompt.md'), realpath), path.join(outside, 'new', 'prompt.md'));
    assert.equal(await realCreationPath(path.join(workspace, 'docs', 'prompt.md'), realpath), path.join(workspace, 'docs', 'prompt.md'));
  });

  it('refuses to create through a link that leads out of the workspace, and allows a plain path', async () => {
    const location = locateTemplate({ workspaceValue: '.phaselens/prompt.md' }, workspace);
    assert.equal(location.kind, 'file', 'the written path alone looks inside');
    assert.equal(await creationStaysInside(workspace, path.join(workspace, '.phaselens', 'prompt.md'), realpath), false);
    assert.equal(await creationStaysInside(workspace, path.join(workspace, 'docs', 'sub', 'prompt.md'), realpath), true);
  });
});
