import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editedLines, splitWithStarts } from '../../../src/core/scan/editedLines';
import { editedMojibake } from '../../../src/core/scan/editedMojibake';
import { findMojibake } from '../../../src/core/text/mojibake';

/** Carrying lines and mojibake runs over from the last version must give what reading the whole text gives. */

const pieces = fc.constantFrom('\n', '\r', '\r\n', 'a', 'b c', 'âœ…', 'Ã©', 'ğŸ“‹', 'x', ' ', '## H', '', 'é', '\uFEFF');
const textArbitrary = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
const editArbitrary = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: textArbitrary });

function applyEdit(text: string, edit: { at: number; remove: number; insert: string }): string {
  const at = edit.at % (text.length + 1);
  return text.slice(0, at) + edit.insert.slice(0, 8) + text.slice(at + edit.remove);
}

function expectedLines(text: string) {
  return { lines: text.split(/\r?\n|\r/), starts: splitWithStarts(text).starts };
}

describe('edited lines', () => {
  it('splits as parsePlan does, with each line\'s start', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const { lines, starts } = splitWithStarts(text);
        assert.deepEqual(lines, text.split(/\r?\n|\r/));
        starts.forEach((start, index) => assert.ok(text.startsWith(lines[index]!, start)));
      }),
    );
  });

  it('after any sequence of edits, equals a split of the whole text; unchanged lines keep their place', () => {
    fc.assert(
      fc.property(textArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let text = start;
        let version = editedLines(text, undefined, undefined);
        for (const edit of edits) {
          const next = applyEdit(text, edit);
          const nextVersion = editedLines(next, text, version);
          const expected = expectedLines(next);
          assert.deepEqual(nextVersion.lines, expected.lines);
          assert.deepEqual(nextVersion.starts, expected.starts);
          const { firstChanged, endChanged, lineDelta } = nextVersion.change!;
          for (let line = 0; line < firstChanged; line++) assert.equal(nextVersion.lines[line], version.lines[line]);
          for (let line = endChanged; line < nextVersion.lines.length; line++) assert.equal(nextVersion.lines[line], version.lines[line - lineDelta]);
          text = next;
          version = nextVersion;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('mojibake runs carried over equal findMojibake over the whole text, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.boolean(), textArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 6 }), (withBom, start, edits) => {
        const bom = withBom ? 1 : 0;
        let body = start;
        let version = editedLines(body, undefined, undefined);
        let runs = findMojibake((withBom ? '\uFEFF' : '') + body);
        for (const edit of edits) {
          const next = applyEdit(body, edit);
          version = editedLines(next, body, version);
          const text = (withBom ? '\uFEFF' : '') + next;
          runs = editedMojibake(text, bom, version, runs);
          assert.deepEqual(runs, findMojibake(text));
          body = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
