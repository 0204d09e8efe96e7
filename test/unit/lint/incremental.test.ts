import assert from 'node:assert/strict';
import { lintPlan } from '../../../src/core/lint';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { createDocumentParser } from '../../../src/core/scan';

/**
 * Lint after each keystroke reuses what the last version left (the parser's lines and shared
 * mojibake runs, the mojibake findings of unchanged runs, "did you mean" neighbours): every
 * version's findings must equal those of a fresh parse and lint.
 */
const PLAN = [
  '# Garbled Plan',
  '',
  '## Phase 1: Setup âœ… Complete',
  '',
  '- [x] Install the tools â€” done',
  '- [ ] Write the README',
  '',
  '**Success criteria**: tools run',
  '',
  '## Phase 2: Build',
  '',
  '**Depends on**: Phase 1, Phase 3A',
  '',
  '- [ ] Compile â€œeverythingâ€\x9d',
  '- [ ] Ship it',
  '',
  '## Phase 3B: Polish',
  '',
  '- [ ] Tidy up',
].join('\n');

type Edit = (text: string) => string;
const insertAt = (needle: string, insert: string): Edit => (text) => text.replace(needle, `${needle}${insert}`);
const EDITS: Edit[] = [
  insertAt('Ship', 'x'),
  insertAt('Tidy', ' the rest'),
  insertAt('Install', ' â€” '),
  insertAt('- [ ] Ship it', '\n- [ ] Another âœ… task'),
  (text) => text.replace('Phase 3A', 'Phase 3B'),
  (text) => text.replace('â€œeverythingâ€\x9d', '“everything”'),
  (text) => text.replace('## Phase 2: Build\n', ''),
  insertAt('# Garbled Plan', '\n\nIntro line with âœ…'),
  (text) => text.replace(/âœ…/g, '✅'),
];

describe('lint after each edit', () => {
  it('equals a fresh parse and lint of every version', () => {
    const parser = createDocumentParser('plan.md');
    let text = PLAN;
    const garbled = () => lintPlan(parser.parse(text), text).filter((finding) => finding.rule === 'mojibake').length;
    assert.deepEqual(lintPlan(parser.parse(text), text), lintPlan(parsePlan(text, 'plan.md'), text));
    const garbledAtFirst = garbled();
    assert.ok(garbledAtFirst > 0, 'the plan has garbled text to report');
    for (const [index, edit] of EDITS.entries()) {
      text = edit(text);
      assert.deepEqual(lintPlan(parser.parse(text), text), lintPlan(parsePlan(text, 'plan.md'), text), `after edit ${index + 1}`);
    }
    assert.ok(garbled() < garbledAtFirst, 'the edits repaired some of the garbled text');
  });
});
