import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { setStatusEdits } from '../../../src/core/edits/status';
import type { PhaseStatus } from '../../../src/core/model';
import { allPhases } from '../../../src/core/phases';
import { parsePlan } from '../../../src/core/parse/parsePlan';

function setStatus(text: string, id: string, status: PhaseStatus): string {
  const plan = parsePlan(text, 'status.md');
  const phase = allPhases(plan).find((p) => p.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  const result = applyEdits(text, setStatusEdits(plan, phase, status, text));
  const reparsed = allPhases(parsePlan(result, 'status.md')).find((p) => p.id === id);
  assert.equal(reparsed?.status, status, `the parser reads the written status back:\n${result}`);
  return result;
}

/** Lines that differ between two texts of the same length in lines. */
function changedLines(before: string, after: string): string[] {
  const a = before.split(/\r?\n/);
  return after.split(/\r?\n/).filter((line, index) => line !== a[index]);
}

describe('edits: setStatusEdits', () => {
  const field = (line: string) => ['## Phase 2: Work', '', line, '**Owner**: Sam', '', '- [ ] Task', ''].join('\n');

  it('replaces only the status phrase, keeping label, emphasis and emoji habit', () => {
    assert.deepEqual(changedLines(field('**Status**: ✅ **Complete**'), setStatus(field('**Status**: ✅ **Complete**'), '2', 'in-progress')), ['**Status**: 🚧 **In Progress**']);
    assert.deepEqual(changedLines(field('**Status:** 🚧 In Progress'), setStatus(field('**Status:** 🚧 In Progress'), '2', 'done')), ['**Status:** ✅ Complete']);
    assert.deepEqual(changedLines(field('Status: planned'), setStatus(field('Status: planned'), '2', 'in-progress')), ['Status: in progress']);
    assert.deepEqual(changedLines(field('**Status**: Planned'), setStatus(field('**Status**: Planned'), '2', 'blocked')), ['**Status**: Blocked']);
    assert.deepEqual(changedLines(field('**Status**: **✅ Done**'), setStatus(field('**Status**: **✅ Done**'), '2', 'planned')), ['**Status**: **📋 Planned**']);
  });

  it('keeps a note after the status phrase and the case the author wrote in', () => {
    assert.deepEqual(
      changedLines(field('**Status**: ✅ Complete (2024-05-01)'), setStatus(field('**Status**: ✅ Complete (2024-05-01)'), '2', 'in-progress')),
      ['**Status**: 🚧 In Progress (2024-05-01)'],
    );
    assert.deepEqual(
      changedLines(field('**Status**: 🚀 **READY TO BEGIN IMPLEMENTATION**'), setStatus(field('**Status**: 🚀 **READY TO BEGIN IMPLEMENTATION**'), '2', 'in-progress')),
      ['**Status**: 🚧 **IN PROGRESS**'],
    );
    assert.deepEqual(changedLines(field('- **Status**: Planned - next sprint'), setStatus(field('- **Status**: Planned - next sprint'), '2', 'done')), ['- **Status**: Complete - next sprint']);
  });

  it('keeps a planned emoji that already says planned', () => {
    assert.deepEqual(changedLines(field('**Status**: ⏳ Pending'), setStatus(field('**Status**: ⏳ Pending'), '2', 'planned')), []);
    const started = setStatus(field('**Status**: ⏳ Pending'), '2', 'in-progress');
    assert.equal(setStatus(started, '2', 'planned').split('\n')[2], '**Status**: 📋 Planned');
  });

  it('keeps a value that describes other work after the new status', () => {
    const text = field('**Status**: All Planning Complete, Expert Review Done');
    assert.deepEqual(changedLines(text, setStatus(text, '2', 'in-progress')), ['**Status**: In Progress — All Planning Complete, Expert Review Done']);
    const emoji = field('**Status**: ✅ Planning Complete');
    assert.deepEqual(changedLines(emoji, setStatus(emoji, '2', 'done')), ['**Status**: ✅ Complete — ✅ Planning Complete']);
  });

  it('repairs a garbled emoji while it rewrites the status', () => {
    const text = field('**Status**: \u00e2\u0153\u2026 Complete');
    assert.deepEqual(changedLines(text, setStatus(text, '2', 'in-progress')), ['**Status**: 🚧 In Progress']);
  });

  it('inserts a field under the heading when there is none, in the plan’s style', () => {
    const plain = ['# Plan', '', '## Phase 1: One', '', 'Some text.', '', '## Phase 2: Two', '', 'More text.', ''].join('\n');
    assert.equal(
      setStatus(plain, '2', 'in-progress'),
      ['# Plan', '', '## Phase 1: One', '', 'Some text.', '', '## Phase 2: Two', '', '**Status**: In Progress', '', 'More text.', ''].join('\n'),
    );

    const styled = ['## Phase 1: One', '', '**Status:** ✅ Complete', '', '## Phase 2: Two', '', 'Text.', ''].join('\n');
    assert.equal(setStatus(styled, '2', 'in-progress'), ['## Phase 1: One', '', '**Status:** ✅ Complete', '', '## Phase 2: Two', '', '**Status:** 🚧 In Progress', '', 'Text.', ''].join('\n'));
  });

  it('joins a block of fields right under the heading', () => {
    const text = ['### Phase 2A: SQL', '**Builds On**: nothing', '**Success Gate**: it runs', ''].join('\n');
    assert.equal(setStatus(text, '2A', 'done'), ['### Phase 2A: SQL', '**Status**: Complete', '**Builds On**: nothing', '**Success Gate**: it runs', ''].join('\n'));
    const spaced = ['## Phase 3: API', '', '**Owner**: Kim', '', 'Text.', ''].join('\n');
    assert.equal(setStatus(spaced, '3', 'blocked'), ['## Phase 3: API', '', '**Status**: Blocked', '**Owner**: Kim', '', 'Text.', ''].join('\n'));
  });

  it('separates the new field from text that follows the heading directly', () => {
    const text = ['## Phase 4: Docs', 'Write the guide.', ''].join('\n');
    assert.equal(setStatus(text, '4', 'in-progress'), ['## Phase 4: Docs', '**Status**: In Progress', '', 'Write the guide.', ''].join('\n'));
  });

  it('inserts after a setext heading’s underline, and at the end of a file without a final newline', () => {
    const setext = ['Phase 5: Setext', '===============', '', 'Body.'].join('\n');
    assert.equal(setStatus(setext, '5', 'done'), ['Phase 5: Setext', '===============', '', '**Status**: Complete', '', 'Body.'].join('\n'));
    assert.equal(setStatus('## Phase 6: Last', '6', 'in-progress'), '## Phase 6: Last\n\n**Status**: In Progress');
  });

  it('keeps CRLF line breaks', () => {
    const text = ['## Phase 7: Win', '', 'Body.', ''].join('\r\n');
    assert.equal(setStatus(text, '7', 'done'), ['## Phase 7: Win', '', '**Status**: Complete', '', 'Body.', ''].join('\r\n'));
    const withField = ['## Phase 7: Win', '', '**Status**: Planned', ''].join('\r\n');
    assert.equal(setStatus(withField, '7', 'done'), ['## Phase 7: Win', '', '**Status**: Complete', ''].join('\r\n'));
  });

  describe('in a plan that keeps status in its headings', () => {
    const roadmap = ['# Roadmap', '', '## Phase 1: Setup ✅', '', 'Done.', '', '## Phase 2: Build', '', 'Text.', '', '### Phase 3: Ship 🚧', '', 'Text.', ''].join('\n');

    it('adds, swaps and removes the heading mark', () => {
      assert.deepEqual(changedLines(roadmap, setStatus(roadmap, '2', 'done')), ['## Phase 2: Build ✅']);
      assert.deepEqual(changedLines(roadmap, setStatus(roadmap, '2', 'in-progress')), ['## Phase 2: Build 🚧']);
      assert.deepEqual(changedLines(roadmap, setStatus(roadmap, '1', 'in-progress')), ['## Phase 1: Setup 🚧']);
      assert.deepEqual(changedLines(roadmap, setStatus(roadmap, '3', 'done')), ['### Phase 3: Ship ✅']);
      assert.deepEqual(changedLines(roadmap, setStatus(roadmap, '1', 'planned')), ['## Phase 1: Setup']);
    });

    it('swaps a mark with words and a leading mark', () => {
      const words = ['## Phase 4: Data 🚧 IN PROGRESS', '', 'Text.', ''].join('\n');
      assert.deepEqual(changedLines(words, setStatus(words, '4', 'done')), ['## Phase 4: Data ✅']);
      const leading = ['## ✅ Phase 5: Docs', '', 'Text.', ''].join('\n');
      assert.deepEqual(changedLines(leading, setStatus(leading, '5', 'in-progress')), ['## 🚧 Phase 5: Docs']);
    });

    it('swaps a bracketed word ("[DONE]", "(Done)") for the new mark', () => {
      const text = ['## Phase 1: Setup [DONE]', '', 'Text.', '', '## Phase 2: Core (Done)', '', 'Text.', ''].join('\n');
      assert.deepEqual(changedLines(text, setStatus(text, '1', 'in-progress')), ['## Phase 1: Setup 🚧']);
      assert.deepEqual(changedLines(text, setStatus(text, '2', 'planned')), ['## Phase 2: Core']);
    });

    it('uses a field for a status a mark cannot say, and drops the mark that would contradict it', () => {
      const text = ['## Phase 1: Setup ✅', '', 'Done.', ''].join('\n');
      assert.equal(setStatus(text, '1', 'blocked'), ['## Phase 1: Setup', '', '**Status**: Blocked', '', 'Done.', ''].join('\n'));
    });

    it('uses a field when the heading would not read back ("Planning Tools ✅" is not a done mark)', () => {
      const text = ['## Phase 1: Setup ✅', '', '## Phase 2: Planning Tools', '', 'Text.', ''].join('\n');
      assert.equal(setStatus(text, '2', 'done'), ['## Phase 1: Setup ✅', '', '## Phase 2: Planning Tools', '', '**Status**: Complete', '', 'Text.', ''].join('\n'));
    });
  });
});
