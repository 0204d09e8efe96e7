import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../../../src/cli/errors';
import { expandGlob, expandInputs } from '../../../src/cli/files';
import { expandBraces, MAX_BRACE_ALTERNATIVES, TooManyAlternativesError } from '../../../src/cli/glob';
import { removeTempDirs, tempDir, writeTree } from './cliHarness';

/**
 * The probe's finds on the glob path. Each input made the old matcher run for seconds to
 * forever; finishing within mocha's timeout is the check (no clock is read).
 */
describe('cli: globs stay linear on hostile input', () => {
  after(removeTempDirs);

  it('walks a folder reached through 2^20 symlink paths once', () => {
    // level0/{l0,l1} -> level1, level1/{l0,l1} -> level2, …: a hostile pull request's tree.
    const root = tempDir('fanout');
    const depth = 20;
    for (let level = 0; level <= depth; level++) fs.mkdirSync(path.join(root, `level${level}`));
    writeTree(root, { [`level${depth}/plan.md`]: '# Phase 1: x\n', 'level0/top.md': '' });
    for (let level = 0; level < depth; level++) {
      for (const name of ['l0', 'l1']) fs.symlinkSync(path.join(root, `level${level + 1}`), path.join(root, `level${level}`, name), 'dir');
    }
    const found = expandGlob('level0/**/*.md', root);
    assert.ok(found.includes('level0/top.md'));
    // The deepest plan is found, through one of its 2^20 spellings.
    const deep = found.filter((file) => file.endsWith('/plan.md'));
    assert.equal(deep.length, 1);
    assert.equal(fs.realpathSync(path.join(root, deep[0]!)), fs.realpathSync(path.join(root, `level${depth}/plan.md`)));
  });

  it('expands twenty brace groups lazily and refuses past the limit with a message', () => {
    const pattern = '{a,b}'.repeat(20) + '.md';
    assert.throws(() => expandBraces(pattern), (error: unknown) => error instanceof TooManyAlternativesError && /more than 1000 alternatives/.test(error.message));
    // Up to the limit everything is there, in the written order.
    const nine = expandBraces('{a,b}'.repeat(9));
    assert.equal(nine.length, 512);
    assert.equal(nine[0], 'aaaaaaaaa');
    assert.equal(nine.at(-1), 'bbbbbbbbb');
    assert.equal(expandBraces('{a,b}'.repeat(10) + '{c}', MAX_BRACE_ALTERNATIVES + 24).length, 1024);
  });

  it('the CLI reports a pattern with too many alternatives as a usage error, not a silent cut', () => {
    const root = tempDir('braces');
    writeTree(root, { 'a.md': '' });
    assert.throws(
      () => expandInputs(['{a,b}'.repeat(11) + '.md'], root, 'lint'),
      (error: unknown) => error instanceof CliError && /expands to more than 1000 alternatives/.test(error.message) && error.command === 'lint',
    );
  });
});
