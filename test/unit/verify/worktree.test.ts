import assert from 'node:assert/strict';
import { decideWorktreeStep, parseWorktreeList, pathComponent, worktreeTargetFor } from '../../../src/core/worktree';

const input = (phaseId: string, phaseTitle: string) => ({ repo: 'shop', phaseId, phaseTitle, planTitle: 'Roadmap' });

describe('worktree naming', () => {
  it('fills the path template with the branch the branch template gives', () => {
    assert.deepEqual(worktreeTargetFor('../${repo}-${branch}', '', input('2', 'Left Wing')), { path: '../shop-phase-2-left-wing', branch: 'phase-2-left-wing', unknown: [] });
    assert.deepEqual(worktreeTargetFor('.worktrees/${phaseId}', 'feature/${phaseId}', input('P3.1', 'x')), { path: '.worktrees/P3.1', branch: 'feature/P3.1', unknown: [] });
  });

  it('keeps hostile titles and ids from climbing out, becoming options or shell syntax', () => {
    const hostile = worktreeTargetFor('../${repo}-${branch}', '${phaseId}-${slug}', input('--force', '$(touch pwned) `rm -rf ~` ../../etc'));
    assert.equal(hostile.branch, 'force-touch-pwned-rm-rf-etc');
    assert.equal(hostile.path, '../shop-force-touch-pwned-rm-rf-etc');
    const dots = worktreeTargetFor('../${phaseId}', '${slug}', input('../..', 'Title'));
    assert.equal(dots.path, '', 'an id of dots names no folder');
    assert.equal(pathComponent('a/b\\c:d e'), 'a-b-c-d-e');
    assert.equal(pathComponent('-rf'), 'rf');
    assert.equal(pathComponent('..'), '');
  });

  it('gives no worktree when the branch template gives no usable name', () => {
    assert.deepEqual(worktreeTargetFor('../${branch}', '${phaseId}', input('@', 'x')), { path: '', branch: '', unknown: [] });
  });

  it('reports unknown variables of either template', () => {
    assert.deepEqual(worktreeTargetFor('../${nope}', 'p-${phaseId}-${what}', input('1', 'x')).unknown, ['what', 'nope']);
  });
});

describe('worktree decisions', () => {
  const list = parseWorktreeList(
    ['worktree /repo', 'HEAD abc', 'branch refs/heads/main', '', 'worktree /repo-phase-2', 'HEAD def', 'branch refs/heads/phase-2', '', 'worktree /detached', 'HEAD 123', 'detached', ''].join('\n'),
  );
  const same = (a: string, b: string) => a === b;

  it('reads git worktree list --porcelain', () => {
    assert.deepEqual(list, [{ path: '/repo', branch: 'main' }, { path: '/repo-phase-2', branch: 'phase-2' }, { path: '/detached' }]);
  });

  it('reuses its own worktree, adds a free path, and refuses what is not its own', () => {
    assert.deepEqual(decideWorktreeStep('/repo-phase-2', 'phase-2', { worktrees: list, pathExists: true, branchExists: true }, same), { kind: 'reuse' });
    assert.deepEqual(decideWorktreeStep('/repo-phase-3', 'phase-3', { worktrees: list, pathExists: false, branchExists: false }, same), { kind: 'add', newBranch: true });
    assert.deepEqual(decideWorktreeStep('/repo-phase-3', 'phase-3', { worktrees: list, pathExists: false, branchExists: true }, same), { kind: 'add', newBranch: false });
    assert.match(decideWorktreeStep('/repo-phase-2', 'phase-9', { worktrees: list, pathExists: true, branchExists: false }, same).kind, /conflict/);
    const stranger = decideWorktreeStep('/home/me/notes', 'phase-3', { worktrees: list, pathExists: true, branchExists: false }, same);
    assert.deepEqual(stranger, { kind: 'conflict', reason: '/home/me/notes already exists and is not a worktree of this repository' });
    const busy = decideWorktreeStep('/elsewhere', 'main', { worktrees: list, pathExists: false, branchExists: true }, same);
    assert.deepEqual(busy, { kind: 'conflict', reason: 'branch main is already checked out in /repo' });
  });
});
