import assert from 'node:assert/strict';
import { rememberRecent } from '../../../src/core/text/recent';

describe('rememberRecent', () => {
  it('computes each short input once, an undefined answer included', () => {
    const asked: string[] = [];
    const read = rememberRecent((text: string) => {
      asked.push(text);
      return text.startsWith('#') ? text.length : undefined;
    });
    assert.equal(read('# a'), 3);
    assert.equal(read('plain'), undefined);
    assert.equal(read('# a'), 3);
    assert.equal(read('plain'), undefined);
    assert.deepEqual(asked, ['# a', 'plain']);
  });

  it('forgets everything when full, and never remembers long inputs', () => {
    let computed = 0;
    const read = rememberRecent((text: string) => ++computed && text.length, 2, 5);
    read('a');
    read('b');
    read('c'); // full: emptied, then remembers 'c'
    read('a');
    assert.equal(computed, 4);
    read('longer than five');
    read('longer than five');
    assert.equal(computed, 6);
  });
});
