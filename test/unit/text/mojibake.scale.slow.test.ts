// Five-megabyte inputs: finishing at all proves the repair is linear; they run with the slow tests.
import assert from 'node:assert/strict';
import { decodeCodePage, type CodePage } from '../../../src/core/text/codePages';
import { cleanMojibake, findMojibake, repairMojibake } from '../../../src/core/text/mojibake';

/** What a Windows program makes of `text` when it reads its UTF-8 bytes as `page`. */
function damage(text: string, page: CodePage): string {
  return decodeCodePage(Buffer.from(text, 'utf8'), page, 'drop');
}

describe('scale', function () {
  // Quadratic work on 5 MB would take hours: finishing at all is the point. Speed is npm run bench's.
  const size = 5 * 1024 * 1024;

  const mojibakeLine = (length: number) => {
    const unit = damage('✅ Done ─── 🎯 ', 'windows-1252');
    return unit.repeat(Math.ceil(length / unit.length));
  };

  it('repairs a 5 MB line of mojibake', () => {
    const text = mojibakeLine(size);
    const copies = text.length / damage('✅ Done ─── 🎯 ', 'windows-1252').length;
    assert.equal(findMojibake(text).length, 3 * copies);
    const repaired = repairMojibake(text);
    assert.equal(repaired, '✅ Done ─── 🎯 '.repeat(copies));
    assert.equal(cleanMojibake(text), repaired);
  });

  it('repairs a 5 MB single run', () => {
    const singleRun = (length: number) => damage('─', 'windows-1252').repeat(Math.floor(length / 3));
    const runs = findMojibake(singleRun(size));
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.repaired, '─'.repeat(Math.floor(size / 3)));
  });

  it('passes over 5 MB of clean text, with and without Latin letters', () => {
    for (const unit of ['Plain ASCII text. ', 'café naïve Müller “quoted” — ']) {
      const clean = (length: number) => unit.repeat(Math.ceil(length / unit.length));
      const text = clean(size);
      assert.deepEqual(findMojibake(text), []);
      assert.equal(cleanMojibake(text), text);
    }
  });
});

