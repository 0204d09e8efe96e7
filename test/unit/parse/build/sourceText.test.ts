import assert from 'node:assert/strict';
import { checkboxRange, headingSource, itemContentColumn, locateId, locateWrittenId, rangeAt } from '../../../../src/core/parse/build/sourceText';
import { readPhaseHeading } from '../../../../src/core/parse/headings';

describe('source positions of what the readers find', () => {
  const plain = rangeAt({ lines: [], firstLineOffset: 0 });

  it('columns on the first line move past a removed BOM, and only there', () => {
    const withBom = rangeAt({ lines: [], firstLineOffset: 1 });
    assert.deepEqual(withBom(1, 0, 3), { line: 1, column: 1, endLine: 1, endColumn: 4 });
    assert.deepEqual(withBom(2, 0, 3), { line: 2, column: 0, endLine: 2, endColumn: 3 });
  });

  it('a heading as written drops its marks and closing hashes', () => {
    assert.equal(headingSource('## Phase 2: Auth ##'), 'Phase 2: Auth');
    assert.equal(headingSource('   # **P1** — Setup'), '**P1** — Setup');
  });

  it("an item's content starts after its marker and checkbox, inside quotes too", () => {
    assert.equal(itemContentColumn('- [x] Ship it'), 6);
    assert.equal(itemContentColumn('> 12) Phase 3'), 6);
    assert.equal(itemContentColumn('not an item'), 0);
  });

  it("a checkbox's range covers its brackets, Kiro's [-] included", () => {
    assert.deepEqual(checkboxRange('  - [-] 2.1 Build', 4, plain), { line: 4, column: 4, endLine: 4, endColumn: 7 });
    assert.equal(checkboxRange('- no box', 4, plain), undefined);
  });

  it('an id is found as written in the heading, spaced or not', () => {
    const read = readPhaseHeading('Phase 5.1: Parser')!;
    const range = locateId('## Phase 5.1: Parser', read, 3, plain);
    assert.equal('## Phase 5.1: Parser'.slice(range.column, range.endColumn), 'Phase 5.1');
  });

  it("an item's id is found where written, else the whole line is its range", () => {
    assert.deepEqual(locateWrittenId('- **M2**: Beta', 'M2', 7, plain), { line: 7, column: 4, endLine: 7, endColumn: 6 });
    assert.deepEqual(locateWrittenId('- Beta', 'M2', 7, plain), { line: 7, column: 0, endLine: 7, endColumn: 6 });
  });
});
