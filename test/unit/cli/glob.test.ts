import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { expandGlob } from '../../../src/cli/files';
import { expandBraces, isGlob, segmentMatcher, splitPattern } from '../../../src/cli/glob';
import { removeTempDirs, tempDir, writeTree } from './cliHarness';

describe('cli: glob matcher', () => {
  it('knows a glob by its wildcards', () => {
    for (const glob of ['*.md', 'docs/**', 'a?.md', 'p[0-9].md', '{a,b}.md']) assert.ok(isGlob(glob), glob);
    for (const plain of ['docs/PHASE_3.md', '../shared/seeds', 'a-b.md']) assert.ok(!isGlob(plain), plain);
  });

  it('expands braces, nested ones too, and leaves a comma-less pair literal', () => {
    assert.deepEqual(expandBraces('{a,b}/x.{md,markdown}'), ['a/x.md', 'a/x.markdown', 'b/x.md', 'b/x.markdown']);
    assert.deepEqual(expandBraces('p{1,{2,3}a}.md'), ['p1.md', 'p2a.md', 'p3a.md']);
    assert.deepEqual(expandBraces('{x}.md'), ['{x}.md']);
    assert.deepEqual(expandBraces('{a,}.md'), ['a.md', '.md']);
  });

  it('matches one segment with *, ?, classes and literal regex characters', () => {
    const cases: Array<[string, string[], string[]]> = [
      ['*.md', ['a.md', '.md', 'PHASE_3.md'], ['a.markdown', 'a.md.txt']],
      ['P?.md', ['P1.md', 'Px.md'], ['P12.md', 'P.md']],
      ['p[0-9].md', ['p0.md', 'p9.md'], ['pa.md']],
      ['p[!0-9].md', ['pa.md'], ['p1.md']],
      ['a+(b).md', ['a+(b).md'], ['aab.md']],
      ['[.md', ['[.md'], ['x.md']],
    ];
    for (const [segment, yes, no] of cases) {
      const matcher = segmentMatcher(segment);
      for (const name of yes) assert.ok(matcher.test(name), `${segment} ~ ${name}`);
      for (const name of no) assert.ok(!matcher.test(name), `${segment} !~ ${name}`);
    }
  });

  it('splits the literal base from the wildcard segments', () => {
    assert.deepEqual(splitPattern('docs/plans/**/*.md'), { base: 'docs/plans', segments: ['**', '*.md'] });
    assert.deepEqual(splitPattern('*.md'), { base: '', segments: ['*.md'] });
    assert.deepEqual(splitPattern('/srv/*/x.md'), { base: '/srv', segments: ['*', 'x.md'] });
    assert.deepEqual(splitPattern('/*.md'), { base: '/', segments: ['*.md'] });
  });

  describe('on a directory tree', () => {
    let root: string;
    before(() => {
      root = tempDir('glob');
      writeTree(root, {
        'a.md': '',
        '.hidden.md': '',
        'docs/b.md': '',
        'docs/c.markdown': '',
        'docs/deep/d.md': '',
        'docs/.private/e.md': '',
        'node_modules/f.md': '',
      });
      fs.symlinkSync('..', path.join(root, 'docs/up'), 'dir');
    });
    const glob = (pattern: string) => expandGlob(pattern, root).sort();
    after(removeTempDirs);

    it('lets ** span zero or more directories, never into dot directories, node_modules or loops', () => {
      assert.deepEqual(glob('**/*.md'), ['a.md', 'docs/b.md', 'docs/deep/d.md']);
      assert.deepEqual(glob('docs/**'), ['docs/b.md', 'docs/c.markdown', 'docs/deep/d.md']);
    });

    it('matches dot names only when the pattern spells the dot', () => {
      assert.deepEqual(glob('*.md'), ['a.md']);
      assert.deepEqual(glob('.*.md'), ['.hidden.md']);
      assert.deepEqual(glob('docs/.private/*.md'), ['docs/.private/e.md']);
    });

    it('joins results to the pattern base as written, absolute patterns too', () => {
      assert.deepEqual(glob('docs/*/d.md'), ['docs/deep/d.md']);
      assert.deepEqual(expandGlob(`${root}/docs/*.md`, '/'), [`${root}/docs/b.md`]);
    });

    it('follows a symlink that does not loop', () => {
      assert.deepEqual(glob('docs/up/*.md'), ['docs/up/a.md']);
    });
  });
});
