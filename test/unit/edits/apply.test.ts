import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/edits/apply';
import type { TextEdit } from '../../../src/core/model';

const at = (line: number, column: number, endLine = line, endColumn = column) => ({ line, column, endLine, endColumn });

describe('edits: applyEdits', () => {
  it('replaces, inserts and deletes against the original positions', () => {
    const text = 'alpha\nbeta\ngamma\n';
    const edits: TextEdit[] = [
      { range: at(1, 0, 1, 5), newText: 'ALPHA' },
      { range: at(2, 4), newText: '!' },
      { range: at(3, 0, 4, 0), newText: '' },
    ];
    assert.equal(applyEdits(text, edits), 'ALPHA\nbeta!\n');
  });

  it('keeps CRLF line breaks and counts columns without them', () => {
    const text = 'one\r\ntwo\r\nthree';
    assert.equal(applyEdits(text, [{ range: at(2, 0, 2, 3), newText: 'TWO' }]), 'one\r\nTWO\r\nthree');
    // A column past the end of a CRLF line stops before its \r.
    assert.equal(applyEdits(text, [{ range: at(1, 99), newText: '!' }]), 'one!\r\ntwo\r\nthree');
  });

  it('applies insertions at one position in the order given', () => {
    assert.equal(applyEdits('x', [{ range: at(1, 0), newText: 'a' }, { range: at(1, 0), newText: 'b' }]), 'abx');
  });

  it('skips an edit that overlaps an earlier one instead of corrupting the text', () => {
    const text = 'abcdef';
    const result = applyEdits(text, [{ range: at(1, 1, 1, 4), newText: 'X' }, { range: at(1, 2, 1, 5), newText: 'Y' }]);
    assert.equal(result, 'aXef');
  });

  it('clamps positions outside the text', () => {
    assert.equal(applyEdits('ab\ncd', [{ range: at(9, 0), newText: '!' }]), 'ab\ncd!');
    assert.equal(applyEdits('ab\ncd', [{ range: at(0, 0), newText: '!' }]), '!ab\ncd');
    assert.equal(applyEdits('ab', [{ range: { line: Number.NaN, column: 0, endLine: 1, endColumn: 1 }, newText: '!' }]), '!b');
  });

  it('never throws and never loses text outside the edited ranges', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.nat(6), fc.nat(20), fc.string({ maxLength: 5 }), (text, line, column, newText) => {
        const inserted = applyEdits(text, [{ range: at(line, column), newText }]);
        const offsets = Array.from({ length: text.length + 1 }, (_, offset) => offset);
        assert.ok(offsets.some((offset) => inserted === text.slice(0, offset) + newText + text.slice(offset)));
      }),
    );
  });
});
