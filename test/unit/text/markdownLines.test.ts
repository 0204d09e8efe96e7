import assert from 'node:assert/strict';
import { findLooseStatus } from '../../../src/core/edits/looseStatus';
import fc from 'fast-check';
import { atxHeadingText, BLANK, closesFence, CONTENT, fencedLines, FenceTracker, headingEndLine, headingOutline, isSetextUnderline, isThematicBreak, LOOK_CLOSER, plainLineLead, readAtxHeading, readFenceOpening } from '../../../src/core/text/markdownLines';

const fenced = (text: string, context?: 'top-level' | 'nested') =>
  fencedLines(text.split('\n'), context)
    .map((inside, index) => (inside ? index + 1 : 0))
    .filter(Boolean);

describe('the markdown line scanner', () => {
  describe('fences', () => {
    it('backtick and tilde fences, their fence lines included', () => {
      assert.deepEqual(fenced('a\n```ts\n## x\n```\nb'), [2, 3, 4]);
      assert.deepEqual(fenced('a\n~~~\n## x\n~~~\nb'), [2, 3, 4]);
    });

    it('a closing fence needs the same character and at least the same length', () => {
      assert.deepEqual(fenced('````\n```\n~~~~\n`````\nafter'), [1, 2, 3, 4]);
      assert.deepEqual(fenced('~~~\n```\n~~~~ \nafter'), [1, 2, 3]);
    });

    it('a closing fence carries no info string', () => {
      assert.deepEqual(fenced('```\n```js\n```\nafter'), [1, 2, 3]);
    });

    it('an unclosed fence runs to the end of the document', () => {
      assert.deepEqual(fenced('a\n```\n# one\n# two'), [2, 3, 4]);
    });

    it('a backtick run whose info string holds a backtick is inline code, not a fence', () => {
      assert.equal(readFenceOpening('``` `x` ```', 'nested'), undefined);
      assert.deepEqual(readFenceOpening('~~~ `x`', 'nested'), { marker: '~', length: 3 });
      assert.deepEqual(fenced('``` `x` ```\n# real'), []);
    });

    it('at top level, four spaces of indentation make indented code, not a fence', () => {
      assert.deepEqual(fenced('   ```\n# x\n   ```', 'top-level'), [1, 2, 3]);
      assert.deepEqual(fenced('    ```\n# x', 'top-level'), []);
    });

    it('nested, fences inside list items open at any indentation', () => {
      assert.deepEqual(fenced('- step\n\n      ```sh\n      # a comment\n      ```\n## next'), [3, 4, 5]);
    });

    it('nested, a fence right after a list marker opens (the copy in edits/codeFences missed it)', () => {
      assert.deepEqual(fenced('- ```\n  ## not a heading\n  ```\n## heading'), [1, 2, 3]);
      assert.deepEqual(fenced('1. ~~~\n   x\n   ~~~'), [1, 2, 3]);
    });

    it('nested, a fence in a block quote closes with a quoted fence (the copy in edits/codeFences never closed it)', () => {
      assert.deepEqual(fenced('> ```\n> ## x\n> ```\n## after'), [1, 2, 3]);
    });

    it('the tracker says which lines are code, one line at a time', () => {
      const tracker = new FenceTracker('top-level');
      assert.deepEqual(['a', '~~~', 'b', '~~~', 'c'].map((line) => [tracker.step(line), tracker.isOpen]), [
        [false, false],
        [true, true],
        [true, true],
        [true, false],
        [false, false],
      ]);
      assert.equal(closesFence('  ````  ', { marker: '`', length: 3 }, 'top-level'), true);
      assert.equal(closesFence('    ```', { marker: '`', length: 3 }, 'top-level'), false);
    });
  });

  describe('ATX headings', () => {
    it('levels one to six, at most three spaces in', () => {
      assert.deepEqual(readAtxHeading('## Phase 2'), { level: 2, indent: 0, textStart: 3, textEnd: 10 });
      assert.equal(readAtxHeading('   ###### six')?.level, 6);
      assert.equal(readAtxHeading('####### seven'), undefined);
      assert.equal(readAtxHeading('    # code'), undefined);
    });

    it('the marks must be followed by a space, a tab or the line end: not a no-break space (the \\s copies took it)', () => {
      assert.equal(readAtxHeading('#hashtag'), undefined);
      assert.equal(readAtxHeading('#\u00a0Phase 1'), undefined);
      assert.equal(readAtxHeading('#\tPhase 1')?.level, 1);
      assert.equal(atxHeadingText('##'), '');
    });

    it('closing hashes count only after a space or a tab', () => {
      assert.equal(atxHeadingText('## Phase 1 ##  '), 'Phase 1');
      assert.equal(atxHeadingText('## Phase 1\t#'), 'Phase 1');
      assert.equal(atxHeadingText('# C#'), 'C#');
      assert.equal(atxHeadingText('### ###'), '');
      assert.equal(atxHeadingText('## #'), '');
      assert.equal(atxHeadingText('# Phase 1 #5'), 'Phase 1 #5');
    });
  });

  describe('the heading outline', () => {
    it('ATX and setext headings, none inside fences', () => {
      const lines = ['# Plan', '```', '# not', '```', 'Phase 1', '=======', 'text', '', 'Phase 2', '---', '~~~', 'x', '---', '~~~'];
      assert.deepEqual(headingOutline(lines), [
        { line: 1, level: 1 },
        { line: 5, level: 1 },
        { line: 9, level: 2 },
      ]);
    });

    it('a line of inline code is a paragraph, so an underline makes it a heading (the old outline refused any ``` line)', () => {
      assert.deepEqual(headingOutline(['``` `x` ```', '---']), [{ line: 1, level: 2 }]);
    });

    it("a heading ends on its own line, or on a setext heading's underline", () => {
      assert.equal(headingEndLine(['Phase 1', '---', 'text'], 1), 2);
      assert.equal(headingEndLine(['## Phase 1', '---'], 1), 1, 'a rule after an ATX heading is not its underline');
      assert.equal(isSetextUnderline('   ==='), true);
      assert.equal(isSetextUnderline('    ---'), false);
    });

    it('a BOM before an ATX heading does not make the rule below it an underline (the copy in edits/criteria took it for one)', () => {
      assert.equal(headingEndLine(['\uFEFF# Plan', '---'], 1), 1);
    });

    it('an item, a quote or a blank line above an underline is no setext heading', () => {
      assert.deepEqual(headingOutline(['- item', '---', '> quote', '===', '', '---']), []);
    });
  });

  describe('loose status fields follow the same fences', () => {
    it('a tilde line inside a backtick fence does not end it (the toggling copy in looseStatus did)', () => {
      const lines = ['## Phase 1', '```', '~~~', '> **Status**: done', '```', '> **Status**: planned'];
      assert.equal(findLooseStatus(lines, 2, lines.length)?.line, 6);
    });
  });

  it('stays linear on long runs of spaces, quote marks and hashes', () => {
    const spaces = ' '.repeat(200_000);
    assert.equal(readAtxHeading(`#${spaces}x${spaces}`)?.textEnd, 200_002);
    assert.equal(atxHeadingText(`# ${'# '.repeat(100_000)}x`)?.endsWith('x'), true);
    assert.equal(readFenceOpening(`${'> '.repeat(100_000)}x`, 'nested'), undefined);
    assert.equal(readFenceOpening(`${'- '.repeat(100_000)}\`\`\``, 'nested')?.length, 3);
    assert.equal(fencedLines(Array.from({ length: 50_000 }, () => `${spaces.slice(0, 100)}\`\`\``)).length, 50_000);
  });
});

describe('plainLineLead', () => {
  it('calls a line blank or plain content only when the full checks say so', () => {
    const line = fc.array(fc.constantFrom(' ', '\t', '#', '`', '~', '-', '*', '_', 'a', 'Z', '1', '.', '>', '|', '\u00a0', 'é', '\u3000'), { maxLength: 8 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(line, fc.constantFrom('', 'x\n', 'intro\r\n'), (text, before) => {
        const whole = before + text + '\nafter';
        const lead = plainLineLead(whole, before.length, before.length + text.length);
        const special = readFenceOpening(text, 'top-level') !== undefined || readAtxHeading(text) !== undefined || isThematicBreak(text);
        if (lead === BLANK) assert.ok(!special && text.trim() === '', JSON.stringify(text));
        if (lead === CONTENT) assert.ok(!special && text.trim() !== '', JSON.stringify(text));
      }),
      { numRuns: 5_000 },
    );
    assert.equal(plainLineLead('   ', 0, 3), BLANK);
    assert.equal(plainLineLead('  - [ ] task', 0, 12), LOOK_CLOSER);
    assert.equal(plainLineLead('Phase 1', 0, 7), CONTENT);
  });
});
