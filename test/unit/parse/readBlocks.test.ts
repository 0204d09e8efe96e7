import assert from 'node:assert/strict';
import { parseChunk } from '../../../src/core/parse/blocks';
import type { HeadingBlock, ListBlock } from '../../../src/core/parse/blocks';
import { parseChunkWithRemark } from '../../support/mdastBlocks';

/** The block reader against remark's tree on the constructs whose text needs care (the property search is in perf/equivalences.slow.test.ts). */
const CASES: Record<string, string> = {
  'references, escapes, entities': '# Phase 1: [Setup][s] \\* &amp; &#35; &#x41; &bogus;\n\n[s]: https://example.com',
  'code, HTML and images in a title': '## Phase `2`: <b>Build</b> ![logo *x*](l.png) [^1]\n\n[^1]: a note',
  'setext headings': 'Phase 1\n===\n\nPhase 2: *Ship*\nthe rest\n---',
  'task boxes, GFM and Kiro': '- [x] done\n- [ ]  two spaces\n- [ ] \n  lazy\n- [-] under way\n- [ ]* optional\n- [x]\tat tab',
  'hard breaks and soft breaks in a task': '- [ ] first  \n  second\\\n  third\n  fourth',
  'nested lists and their ends': '1. one\n\n   - a\n   - b\n\n2. two\n   ```\n   code\n   ```\n\n\n3. three\n> quote',
  'tables and prose are read for lines only': '| a | **b** |\n|---|---|\n| `1` | [x](y) |\n\nSome *prose* with [a link](u).',
};

describe('block reader', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reads ${name} as remark did`, () => {
      assert.deepEqual(parseChunk(text), parseChunkWithRemark(text));
    });
  }

  it('forgets one document’s definitions before the next', () => {
    const withDefinitions = parseChunk('# [a] [^1]\n\n[a]: /u\n[^1]: note');
    assert.equal((withDefinitions.blocks[0] as HeadingBlock).text, 'a ');
    const without = parseChunk('# [a] [^1]');
    assert.equal((without.blocks[0] as HeadingBlock).text, '[a] [^1]');
  });

  it('reads task text after the box without its leading space', () => {
    const [list] = parseChunk('- [x] ship it\n- [ ] test it').blocks as ListBlock[];
    assert.deepEqual(
      list!.items.map((item) => [item.checked, item.text]),
      [
        [true, 'ship it'],
        [false, 'test it'],
      ],
    );
  });
});
