import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { splitLines } from '../../../src/core/edits/text';
import { phaseLookup } from '../../../src/core/lint/engine';
import { parseMarkdown } from '../../../src/core/parse/blocks';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { phaseAtLine } from '../../../src/core/phases';
import { fixtureSamples, generatedSamples, sharedSamples } from '../scan/samples';

/**
 * The speed-ups of issue 4 must not change any result: each faster path is checked here
 * against the plain one it replaces.
 */

const stock = unified().use(remarkParse).use(remarkGfm);

/** The facts the plan model reads from a tree: block types, their lines, and the text of every node. */
function blockFacts(root: Root): unknown[] {
  const facts: unknown[] = [];
  const visit = (node: Nodes, depth: number) => {
    if (node.type === 'text' || node.type === 'link' || node.type === 'inlineCode' || node.type === 'emphasis' || node.type === 'strong') return;
    facts.push([depth, node.type, node.position?.start.line, node.position?.end.line, toString(node)]);
    if ('children' in node) for (const child of node.children) visit(child as Nodes, depth + 1);
  };
  visit(root, 0);
  return facts;
}

const INLINE = ['www.example.com', 'https://x.io/a_b?c=1.', 'ops@example.com', 'mailto:a@b.co', 'xmpp:me@x.org/r', '(see www.a.org)', 'P1', '**bold**', '`code`', 'text', ' ', '_', '~~gone~~', '[link](http://x.y)', '<https://auto.link>', 'a.b@c', '.', ','];
const BLOCK_LEADS = ['# ', '## Phase 1: ', '- ', '- [ ] ', '1. ', '> ', '', '| ', '    '];

describe('speed-ups keep every result', () => {
  it('remark without the autolink-literal transform: same blocks, lines and text', () => {
    const line = fc.tuple(fc.constantFrom(...BLOCK_LEADS), fc.array(fc.constantFrom(...INLINE), { maxLength: 8 })).map(([lead, parts]) => lead + parts.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(blockFacts(parseMarkdown(text)), blockFacts(stock.parse(text) as Root));
      }),
      { numRuns: 400 },
    );
    for (const sample of [...fixtureSamples(), ...sharedSamples().slice(0, 12)]) {
      assert.deepEqual(blockFacts(parseMarkdown(sample.text)), blockFacts(stock.parse(sample.text) as Root), sample.name);
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
