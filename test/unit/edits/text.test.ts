import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countLines } from '../../../src/core/edits/text';

describe('countLines', () => {
  it('counts CRLF, LF and a lone CR as one break each, as the parser does', () => {
    assert.equal(countLines(''), 1);
    assert.equal(countLines('a'), 1);
    assert.equal(countLines('a\n'), 2);
    assert.equal(countLines('a\nb\nc'), 3);
    assert.equal(countLines('a\r\nb\r\n'), 3);
    assert.equal(countLines('a\rb\rc'), 3);
    assert.equal(countLines('a\r\n\r\nb\n\rc'), 5);
  });

  it('agrees with splitting on every kind of break, whatever the mix', () => {
    const piece = fc.constantFrom('x', 'é', '', '\n', '\r', '\r\n', '  ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      assert.equal(countLines(text), text.split(/\r\n|\r|\n/).length);
    }));
  });
});
