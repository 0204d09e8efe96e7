// git's own verdict on branch names, one process per name: spawn-heavy, so it runs with the slow tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import fc from 'fast-check';
import { isValidBranchName, sanitizeBranchName } from '../../../src/core/branchName';
import { HOSTILE } from './hostileBranchNames';

/** git's own verdict, one process per name (used sparingly), outside any repository so no `@{-1}` resolves. */
function gitAccepts(name: string): boolean {
  return spawnSync('git', ['check-ref-format', '--branch', name], { cwd: os.tmpdir(), encoding: 'utf8' }).status === 0;
}
/** Stricter than git on purpose: `git branch @` makes a branch that `@` (HEAD) then shadows. */
const STRICTER = new Set(['@']);
const hasGit = spawnSync('git', ['--version']).status === 0;

describe('branch names', () => {
  describe('isValidBranchName agrees with git check-ref-format --branch', function () {
    before(function () {
      if (!hasGit) {
        console.log('      (skipped: git is not installed)');
        this.skip();
      }
    });

    it('on hostile names and on what sanitizing makes of them', () => {
      for (const name of HOSTILE) {
        assert.equal(isValidBranchName(name), gitAccepts(name) && !STRICTER.has(name), `verdict on ${JSON.stringify(name)}`);
        const sanitized = sanitizeBranchName(name);
        if (sanitized) assert.ok(gitAccepts(sanitized), `git refuses ${JSON.stringify(sanitized)} (from ${JSON.stringify(name)})`);
      }
    });

    it('on random names (sampled)', () => {
      const samples = fc.sample(fc.string({ unit: fc.constantFrom(...'ab.-/@{}~^:?*[\\ \t.lock'.split(''), 'é', '🚀'), maxLength: 16 }), { numRuns: 150, seed: 42 });
      for (const name of samples) {
        assert.equal(isValidBranchName(name), gitAccepts(name) && !STRICTER.has(name), `verdict on ${JSON.stringify(name)}`);
        const sanitized = sanitizeBranchName(name);
        if (sanitized) assert.ok(gitAccepts(sanitized), `git refuses ${JSON.stringify(sanitized)}`);
      }
    });
  });

});
