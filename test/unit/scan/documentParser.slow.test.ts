import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDocumentParser } from '../../../src/core/scan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { splitLines } from '../../../src/core/edits/text';
import { fixtureSamples, generatedSamples, sharedSamples } from './samples';

/**
 * The incremental parser must be invisible: after any sequence of edits, the plan it returns
 * equals a parse of the text from scratch, and it keeps only the chunks of the last version.
 */

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

/** What a fresh parse of `text` looks up in its chunk cache: the chunks the last version holds. */
function chunksOf(text: string): number {
  const cache = new Map();
  parsePlan(text, 'doc.md', { cache });
  return cache.size;
}

/** Lines writers type, including ones that move chunk boundaries (headings, fences, HTML). */
const TYPED = [
  '## Phase 9: Inserted', '### P1.5 - Sub', '#', '```', '~~~', '<!--', '-->', '<details>', '- [ ] new task', '- [x] done',
  '**Dependencies**: P1, Phase 2', '**Status**: ✅ Complete', '#### Success Criteria:', '[ref]: https://example.com', '[^1]: note',
  'âœ… mojibake', '', '    indented', '> quote', '---', '===', 'x',
];

type Edit = { kind: 'insertText'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'insertLine'; line: number; text: string };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insertText' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom('x', '#', '`', '\n', '\r\n', '\r', '\uFEFF', ' ', '-', '[', ']', '*', '\n## '), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insertLine' as const), line: fc.nat(), text: fc.constantFrom(...TYPED) }),
);

function apply(text: string, edit: Edit): string {
  switch (edit.kind) {
    case 'insertText': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.length);
    }
    case 'insertLine': {
      const lines = text.split('\n');
      lines.splice(edit.line % (lines.length + 1), 0, edit.text);
      return lines.join('\n');
    }
  }
}

function checkEdits(start: string, edits: readonly Edit[]) {
  const parser = createDocumentParser('doc.md');
  let text = start;
  assert.deepEqual(json(parser.parse(text)), json(parsePlan(text, 'doc.md')));
  for (const edit of edits) {
    text = apply(text, edit);
    assert.deepEqual(json(parser.parse(text)), json(parsePlan(text, 'doc.md')), `after ${JSON.stringify(edit)}`);
    // The lines it hands the lint (rememberLines) are the text's own.
    assert.deepEqual(splitLines(text), text.split(/\r\n|\r|\n/), `lines after ${JSON.stringify(edit)}`);
  }
  assert.equal(parser.cachedChunks, chunksOf(text), 'the cache holds the last version\'s chunks, no more');
}

describe('incremental document parser', () => {
  it('random edits to generated plans: every version equals a parse from scratch', function () {
    const starts = generatedSamples(80).map((sample) => sample.text);
    fc.assert(fc.property(fc.constantFrom(...starts), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), checkEdits), { numRuns: 25 });
  });

  it('random edits to the fixtures, seeds and corpus plans', function () {
    const samples = [...fixtureSamples(), ...sharedSamples()];
    // Chosen by fast-check, so each run covers other files and edits; a failure prints its seed.
    fc.assert(fc.property(fc.constantFrom(...samples.map((sample) => sample.text)), fc.array(editArbitrary, { minLength: 1, maxLength: 5 }), checkEdits), { numRuns: 25 });
  });

  it('typing a heading mid-section and removing it again returns to the first plan', () => {
    const text = generatedSamples(200)[0]!.text;
    const parser = createDocumentParser('doc.md');
    const first = json(parser.parse(text));
    const middle = text.indexOf('\n', text.length >> 1) + 1;
    const withHeading = `${text.slice(0, middle)}## Phase 42: Typed\n${text.slice(middle)}`;
    assert.deepEqual(json(parser.parse(withHeading)), json(parsePlan(withHeading, 'doc.md')));
    assert.deepEqual(json(parser.parse(text)), first);
  });

  it('returns the same plan object while the text does not change', () => {
    const parser = createDocumentParser('doc.md');
    const text = '# Phase 1: One\n\n- [ ] task\n';
    assert.equal(parser.parse(text), parser.parse(`${text}`));
  });

  it('copes with empty text and with text that shrinks to nothing', () => {
    const parser = createDocumentParser('doc.md');
    assert.deepEqual(json(parser.parse('')), json(parsePlan('', 'doc.md')));
    parser.parse('# Phase 1: One\n\n## Phase 2: Two\n');
    assert.deepEqual(json(parser.parse('')), json(parsePlan('', 'doc.md')));
    assert.equal(parser.cachedChunks, chunksOf(''));
  });
});
