import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitLines } from '../../../src/core/edits/text';
import { phaseLookup } from '../../../src/core/lint/engine';
import { parseChunk } from '../../../src/core/parse/blocks';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { phaseAtLine } from '../../../src/core/phases';
import { parseChunkWithRemark } from '../../support/mdastBlocks';
import { fixtureSamples, generatedSamples, sharedSamples } from '../scan/samples';

/**
 * The speed-ups of issue 4 must not change any result: each faster path is checked here
 * against the plain one it replaces.
 */

const INLINE = ['www.example.com', 'https://x.io/a_b?c=1.', 'ops@example.com', 'mailto:a@b.co', '(see www.a.org)', 'P1', '**bold**', '*em*', '`code`', '``a`b``', 'text', ' ', '  ', '\\', '_', '~~gone~~', '~one~', '[link](http://x.y "t")', '[ref]', '[ref][]', '![alt *x*](i.png)', '<https://auto.link>', '<b>', '</b>', '<!-- c -->', '&amp;', '&#35;', '&#x41;', '&bogus;', '\\*', '[^1]', 'a.b@c', '.', ',', '[x]', '[ ]', '[-]', '[~]*', '#'];
const BLOCK_LEADS = ['# ', '## Phase 1: ', '### ', '- ', '- [ ] ', '- [x] ', '  - ', '    - [ ] ', '1. ', '2) ', '> ', '> - ', '', '', '| ', '|---|', '    ', '```', '~~~', '===', '---', '***', '<div>', '[ref]: /url', '[^1]: note', '  '];

describe('speed-ups keep every result', () => {
  it("the block reader (micromark's events) gives the blocks remark's tree gave", () => {
    const line = fc.tuple(fc.constantFrom(...BLOCK_LEADS), fc.array(fc.constantFrom(...INLINE), { maxLength: 8 })).map(([lead, parts]) => lead + parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 16 }), (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(parseChunk(text), parseChunkWithRemark(text));
      }),
      { numRuns: 3000 },
    );
    for (const sample of [...fixtureSamples(), ...sharedSamples(), ...generatedSamples(40)]) {
      const text = sample.text.replace(/\r\n?/g, '\n');
      assert.deepEqual(parseChunk(text), parseChunkWithRemark(text), sample.name);
    }
  });

  it("the lint engine's line table finds the same phase as phaseAtLine on every line", () => {
    for (const sample of [...fixtureSamples(), ...sharedSamples(), ...generatedSamples(120)]) {
      const plan = parsePlan(sample.text, sample.name);
      const lookup = phaseLookup(plan);
      for (let line = 0; line <= plan.lineCount + 1; line++) assert.equal(lookup(line), phaseAtLine(plan, line), `${sample.name}:${line}`);
    }
  });

  it('splitLines hands every caller the same read-only lines, split once per text', () => {
    const text = 'a\nb\r\nc';
    const first = splitLines(text);
    assert.ok(Object.isFrozen(first));
    assert.throws(() => (first as string[]).push('mutated'));
    assert.equal(splitLines(text), first);
    assert.deepEqual(splitLines(text), ['a', 'b', 'c']);
    assert.deepEqual(splitLines('x\ny'), ['x', 'y']);
    assert.deepEqual(splitLines(text), ['a', 'b', 'c']);
  });
});
