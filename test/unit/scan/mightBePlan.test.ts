import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mightBePlan } from '../../../src/core/scan';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { fixtureSamples, generatedSamples, sharedSamples } from './samples';

/** The pre-check may let non-plans through, but must never turn away a text with a phase. */
function neverRejectsAPlan(text: string, name = 'doc.md') {
  if (mightBePlan(text)) return;
  const plan = parsePlan(text, name);
  assert.equal(plan.phases.length, 0, `mightBePlan rejected ${name}, which has phases ${plan.phases.map((phase) => phase.id).join(', ')}`);
}

const FRAGMENTS = [
  '# Phase 1: Foundations', '## Phase 2A: Loader', '### P3.1: Metrics (Week 1-2)', '## Week 13-14: Hardening (P5.1)', '### Day 1 (Monday): Kickoff',
  '## Stage 2 – Shadow', '## Milestone 3 — Beta', '### **Feature 2: Sandbox**', '### Sandbox Notes (Feature 2)', '## 📊 PHASE 1 SUCCESS CRITERIA',
  'Phase 9: setext', '=====', '-----', 'Sprint', '15', '# **P**1: split by markup', '# Pha*se* 4: split word', '# `Phase` 5', '# [Milestone](x) 6',
  '# Phase &#49;: entity', '# &#80;2: entity letter', '# Phaſe 3: long s', '# Phase 4 ðŸš€', '# ðŸŽ¯ P7: Target', '# Phâ€”ase 8',
  '   ## Phase 10: indented', '    ## Phase 11: code', '\t# Phase 12: tab', '> ## Phase 13: quoted', '- ## Phase 14: in a list',
  '```', '~~~', '<!--', '-->', '- [ ] task', '**Dependencies**: P1', '', 'plain text 42', '## Overview', '## 1. Setup', '# Changelog',
  '## [1.2.0] - 2024-05-01', 'Step 3 in prose, no heading',
];

const documents = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((lines) => lines.join('\n'));

describe('mightBePlan (the pre-check before parsing)', () => {
  it('passes every fixture, seed, corpus plan and generated plan that has phases', () => {
    const samples = [...fixtureSamples(), ...sharedSamples(), ...generatedSamples()];
    for (const sample of samples) neverRejectsAPlan(sample.text, sample.name);
    // The generated plans all have phases, so all of them must pass.
    for (const sample of generatedSamples()) assert.ok(mightBePlan(sample.text), sample.name);
  });

  it('never rejects a random plan-like document that has a phase', () => {
    fc.assert(fc.property(documents, (text) => neverRejectsAPlan(text)), { numRuns: 1500 });
  });

  it('never rejects arbitrary text that has a phase', () => {
    const headingish = fc.tuple(fc.constantFrom('# ', '## ', '', 'Phase ', '# Phase '), fc.string({ unit: 'grapheme', maxLength: 40 })).map(([lead, rest]) => lead + rest);
    fc.assert(fc.property(fc.array(headingish, { maxLength: 8 }), (lines) => neverRejectsAPlan(lines.join('\n'))), { numRuns: 600 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => neverRejectsAPlan(text)), { numRuns: 400 });
  });

  it('reads a long text past its first screenful, whatever its line breaks', () => {
    const filler = (eol: string) => Array.from({ length: 200 }, (_, i) => `${i} apples, ${'x'.repeat(i % 30)}, in a note.`).join(eol);
    for (const eol of ['\n', '\r\n', '\r']) {
      assert.equal(mightBePlan(`# Notes${eol}${eol}${filler(eol)}${eol}${eol}## Phase 3: Ship${eol}`), true, JSON.stringify(eol));
      assert.equal(mightBePlan(`# Phase 1: Start${eol}${eol}${filler(eol)}${eol}`), true, JSON.stringify(eol));
      assert.equal(mightBePlan(`# Notes${eol}${eol}${filler(eol)}${eol}`), false, JSON.stringify(eol));
    }
  });

  it('turns away documents without a heading that names an id', () => {
    const notPlans = [
      '',
      '# README\n\nInstall with `npm install`. Requires Node 20.\n\n## Usage\n\nRun it 3 times.',
      '# Changelog\n\n## [1.2.0] - 2024-05-01\n\n- Fixed 2 bugs\n',
      'Phase 1 is mentioned in prose only, with no heading at all.\n',
      '# Notes\n\nNo heading names an id, though 12 digits and the word phase appear in the text.\n',
    ];
    for (const text of notPlans) assert.equal(mightBePlan(text), false, text);
  });

  it('lets through the headings a plan names its phases with', () => {
    for (const heading of ['# Phase 1: One', '# Phase A', '## Track B: Mobile', '### P5.1.1 - Policy', '## Week 3-4: Work', '## Milestone 0 — Genesis', 'Stage 2\n===', '# **P**1: split', '# Phase &#49;']) {
      assert.equal(mightBePlan(`${heading}\n\ntext\n`), true, heading);
    }
  });
});
