import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineEditBetween, splitIntoChunks, splitIntoChunksAfterEdit } from '../../../src/core/parse/chunks';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';

const withoutFile = (value: unknown) => JSON.parse(JSON.stringify(value, (key, field) => (key === 'file' ? undefined : field)));

/**
 * A Kiro-style tasks.md: one long list of numbered tasks, a blank line between items, no headings.
 * Only some items have numbered subtasks; the rest are phases because they share a list with them.
 */
function kiroTasks(count: number): string {
  const items = Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const subtasks = number % 4 === 1 ? `  - [ ] ${number}.1 Write the code\n  - [ ] ${number}.2 Test it` : '  - Write the code\n  - Test it';
    return `- [ ] ${number}. Build part ${number}\n${subtasks}\n  - _Requirements: ${number}.1_`;
  });
  return `# Implementation Plan\n\n${items.join('\n\n')}\n`;
}

describe('chunks: where a document is cut for parsing', () => {
  it('never cuts a list between its items, so a long numbered task list keeps every phase', () => {
    const text = kiroTasks(60);
    const lines = text.split('\n');
    for (const chunk of splitIntoChunks(lines).slice(1)) {
      assert.doesNotMatch(lines[chunk.startLine]!, /^- /, `cut before list item line ${chunk.startLine + 1}`);
    }
    const plan = parsePlan(text, 'tasks.md');
    assert.equal(allPhases(plan).length, 60);
    assert.deepEqual(withoutFile(plan), withoutFile(parsePlan(text, 'tasks.md', { wholeDocument: true })));
  });

  it('cuts a long stretch without headings after a blank line, before prose at column 0', () => {
    const text = `# Notes\n\n${Array.from({ length: 80 }, (_, index) => `Paragraph ${index + 1} of the notes.`).join('\n\n')}\n`;
    const lines = text.split('\n');
    const chunks = splitIntoChunks(lines);
    assert.ok(chunks.length > 1, 'one chunk for 160 lines of prose');
    for (const chunk of chunks.slice(1)) {
      assert.equal(lines[chunk.startLine - 1], '');
      assert.match(lines[chunk.startLine]!, /^Paragraph/);
    }
  });

  it('cuts at headings, and keeps short sections together', () => {
    const sections = Array.from({ length: 10 }, (_, index) => `## Phase ${index + 1}: Part\n\n- [ ] task\n`);
    const lines = `# Plan\n\n${sections.join('\n')}`.split('\n');
    const chunks = splitIntoChunks(lines);
    assert.ok(chunks.length > 1 && chunks.length < 10, `${chunks.length} chunks`);
    for (const chunk of chunks.slice(1)) assert.match(lines[chunk.startLine]!, /^## Phase/);
  });

  it('after an edit around a cut that stays, reads on until the old cuts hold again', () => {
    // Lines 10-16 change; the heading on line 13 is still a cut, but a fence now opens after it.
    const section = (title: string) => [title, ...Array.from({ length: 12 }, () => 'text')];
    const before = [...section('# Title'), ...section('## Phase 1: One'), ...section('## Phase 2: Two'), ...section('## Phase 3: Three')];
    const after = [...before];
    after.splice(10, 6, 'changed', 'changed', 'changed', '## Phase 1: One', '```', 'code');
    const incremental = splitIntoChunksAfterEdit(after, splitIntoChunks(before), lineEditBetween(before, after));
    assert.deepEqual(incremental, splitIntoChunks(after));
    assert.deepEqual(incremental.map((chunk) => chunk.startLine), [0, 13]);
  });

  it('after any edit, cuts from the last version\'s cuts equal a split from scratch', () => {
    // Lines that open or close what a cut must not fall inside, and lines that invite a cut.
    const line = fc.constantFrom('## Phase 1: Heading', '# Title', '', 'Prose at column 0.', '- [ ] item', '1. item', '  - nested', '```', '~~~', '    code', '<!--', '-->', '<div>', '</div>', '<script>', '</script>', '<?php', '?>', 'text', '---');
    const document = fc.array(line, { minLength: 0, maxLength: 160 });
    fc.assert(
      fc.property(document, fc.nat(), fc.nat(20), fc.array(line, { maxLength: 20 }), fc.boolean(), (before, at, removed, inserted, inPlace) => {
        const start = at % (before.length + 1);
        // In place: as many lines as were there, so old and new cuts can meet inside the edit.
        const after = [...before.slice(0, start), ...inserted, ...before.slice(start + (inPlace ? inserted.length : removed))];
        const incremental = splitIntoChunksAfterEdit(after, splitIntoChunks(before), lineEditBetween(before, after));
        assert.deepEqual(incremental, splitIntoChunks(after));
      }),
      { numRuns: 5000 },
    );
  });
});
