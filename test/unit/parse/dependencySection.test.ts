import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { buildWorkspaceIndex } from '../../../src/core/graph';
import { applyEdits, removeReferenceEdits } from '../../../src/core/edits';
import { referencesTo, renamePhase } from '../../../src/core/language';
import { lintPlan } from '../../../src/core/lint';
import { allPhases } from '../../../src/core/phases';
import { fixturesDir } from '../../support/paths';

/** The plan-level dependency section (spec-kit's "Dependencies & Execution Order", a roadmap's own list). */
const speckitFile = path.join(fixturesDir, 'parse', 'dependency-section-speckit.md');
const speckit = readFileSync(speckitFile, 'utf8');

function loaded(text: string, file = 'tasks.md') {
  const plan = parsePlan(text, file);
  const index = buildWorkspaceIndex([plan]);
  const phase = (id: string) => allPhases(plan).find((candidate) => candidate.id === id)!;
  const ref = (id: string) => index.lookup(phase(id).key, file)[0]!;
  const lineOf = (_file: string, line: number) => text.split('\n')[line - 1];
  return { plan, index, phase, ref, lineOf };
}

describe('dependency sections', () => {
  it('reads labels, names, "Phase 3+" and the clause after the relation word only', () => {
    const { phase } = loaded(speckit);
    const waitsFor = (id: string) => phase(id).dependsOn.map((dependency) => dependency.id);
    assert.deepEqual(waitsFor('1'), []);
    // "Depends on Setup completion - BLOCKS all user stories": the blocked stories are not its dependencies.
    assert.deepEqual(waitsFor('2'), ['1']);
    assert.deepEqual(waitsFor('3'), ['2']);
    assert.deepEqual(waitsFor('4'), ['2', '3']);
    assert.deepEqual(waitsFor('5'), ['2', '3']);
    // "all desired user stories" names the group the "User Stories (Phase 3+)" label defines.
    assert.deepEqual(waitsFor('6'), ['3', '4', '5']);
  });

  it('keeps the id a phase is written with, and says how each reference is written', () => {
    const { phase } = loaded(speckit);
    const [foundational] = phase('3').dependsOn;
    assert.equal(foundational!.section, 'id');
    assert.equal(speckit.split('\n')[foundational!.range.line - 1]!.slice(foundational!.range.column, foundational!.range.endColumn), 'Phase 2');
    const [setup] = phase('2').dependsOn;
    assert.equal(setup!.section, 'name');
    assert.equal(speckit.split('\n')[setup!.range.line - 1]!.slice(setup!.range.column, setup!.range.endColumn), 'Setup');
  });

  it('renames the ids a section writes and leaves the names alone', () => {
    const { index, ref, lineOf } = loaded(speckit);
    const renamed = renamePhase(index, ref('2'), '2A', lineOf);
    assert.ok(renamed.ok);
    const after = applyEdits(speckit, renamed.edits.get('tasks.md')!).split('\n');
    assert.ok(after.includes('- **User Story 1 (P1)**: Can start after Foundational (Phase 2A) - no other story needed'));
    const renamedSetup = renamePhase(index, ref('1'), '0', lineOf);
    assert.ok(renamedSetup.ok);
    const edits = renamedSetup.edits.get('tasks.md')!;
    assert.deepEqual(edits.map((edit) => edit.range.line), [5], 'only the heading: "Depends on Setup" names the phase, not its id');
    // Find-all-references still lists the name.
    assert.ok(referencesTo(index, ref('1')).some((reference) => reference.reference.section === 'name'));
  });

  it('offers no quick fix that would cut a reference out of a sentence', () => {
    const { phase } = loaded(speckit);
    for (const dependency of allPhases(loaded(speckit).plan).flatMap((each) => each.dependsOn)) {
      assert.deepEqual(removeReferenceEdits(dependency, speckit), [], `${dependency.id} @${dependency.line}`);
    }
    assert.ok(phase('2').dependsOn.length > 0);
  });

  it('reads sentences in the vocabulary\'s languages and arrow chains; code blocks and unknown subjects are not read', () => {
    const text = [
      '# Plano',
      '## Fase 1: Base',
      '## Fase 2: Modelo',
      '## Fase 3: Integração',
      '## Fase 4: Acabamento',
      '## Dependências',
      '- Fase 2 depende de Fase 1',
      '- Fase 2 → Fase 3 → Fase 4',
      '- Phase 9 depends on Phase 1',
      '```',
      'Fase 4 depende de Fase 1',
      '```',
    ].join('\n');
    const { phase, plan } = loaded(text);
    assert.deepEqual(phase('2').dependsOn.map((dependency) => dependency.id), ['1']);
    assert.deepEqual(phase('3').dependsOn.map((dependency) => dependency.id), ['2']);
    assert.deepEqual(phase('4').dependsOn.map((dependency) => dependency.id), ['3']);
    assert.equal(allPhases(plan).length, 4);
  });

  it('reads nothing from a dependency section inside a phase or one that lists other things', () => {
    const text = [
      '# Launch',
      '## Phase 1: Build',
      '### Dependencies',
      '- Phase 2 depends on the vendor contract',
      '## Phase 2: Ship',
      '## Dependencies',
      '- Cloud account',
      '- **Payments**: depends on the bank',
    ].join('\n');
    const { phase } = loaded(text);
    assert.deepEqual(phase('2').dependsOn, []);
  });

  it('lints the spec-kit fixture without a dependency finding', () => {
    const { plan } = loaded(speckit, speckitFile);
    const findings = lintPlan(plan, speckit).filter((finding) => /dependenc|cycle/.test(finding.rule));
    assert.deepEqual(findings, []);
  });
});
