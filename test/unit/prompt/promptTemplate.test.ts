import assert from 'node:assert/strict';
import type { Phase, Plan } from '../../../src/core/model';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { allPhases } from '../../../src/core/phases';
import { phasePrompt, type PhasePromptInput } from '../../../src/core/prompt';
import { fillTemplate, NONE, PROMPT_VARIABLES, promptVariables, renderPromptTemplate, STARTER_PROMPT_TEMPLATE } from '../../../src/core/promptTemplate';

const PLAN = [
  '# Launch Plan',
  '',
  '## Phase 81A: Importer ${prompt} `$(rm -rf ~)`',
  '',
  '**Depends on**: Phase 80',
  '',
  '- [x] Read CSV',
  '  - [ ] Quoted fields',
  '- [ ] Read JSON',
  '',
  '**Success Criteria**:',
  '- [ ] Round-trips every fixture',
  '- No row is lost',
  '',
  '### P81A.1: Streaming',
  '',
  '- [ ] Chunked reader',
  '',
  '## Phase 82: Bare',
  '',
  '## Phase 83: Tasks only',
  '',
  '- [ ] One',
  '',
].join('\n');

function input(id: string, dependencies: PhasePromptInput['dependencies'] = []): PhasePromptInput {
  const plan: Plan = parsePlan(PLAN, 'launch/LAUNCH_YOUR_WAY.md');
  const phase: Phase | undefined = allPhases(plan).find((candidate) => candidate.id === id);
  assert.ok(phase, `phase ${id} not parsed`);
  return { plan, phase, file: 'launch/LAUNCH_YOUR_WAY.md', dependencies };
}

const importer = () => input('81A', [{ name: 'Phase 80', title: 'Schema', status: 'done', file: 'other/PLAN.md', line: 4 }, { name: 'Phase 79' }]);

describe('prompt template', () => {
  it('gives every variable a value taken from the phase', () => {
    const values = promptVariables(importer());
    assert.deepEqual(Object.keys(values).sort(), [...PROMPT_VARIABLES].sort());
    assert.equal(values.phaseId, '81A');
    assert.equal(values.phaseName, 'Phase 81A');
    assert.equal(values.phaseTitle, 'Importer ${prompt} $(rm -rf ~)');
    assert.equal(values.planTitle, 'Launch Plan');
    assert.equal(values.status, 'in progress');
    assert.equal(values.tasks, '- [x] Read CSV\n  - [ ] Quoted fields\n- [ ] Read JSON');
    assert.equal(values.criteria, '- [ ] Round-trips every fixture\n- No row is lost');
    assert.equal(values.dependencies, '- Phase 80: Schema — done (`other/PLAN.md`, line 4)\n- Phase 79 — not found in the workspace');
    assert.equal(values.subPhases, '- P81A.1: Streaming — planned, 0/1 tasks');
    assert.equal(values.file, 'launch/LAUNCH_YOUR_WAY.md');
    assert.equal(values.line, '3');
    assert.equal(values.prompt, phasePrompt(importer()));
  });

  it('writes (none) for empty lists, so a heading is never followed by nothing', () => {
    const values = promptVariables(input('82'));
    assert.equal(values.tasks, NONE);
    assert.equal(values.criteria, NONE);
    assert.equal(values.dependencies, NONE);
    assert.equal(values.subPhases, NONE);
  });

  it('fills a template, inserting values as text that is never scanned again', () => {
    const { text, unknown } = renderPromptTemplate('Work on ${phaseName} (${phaseTitle}) from `${file}`:${line}.\n\n${tasks}\n', importer());
    assert.equal(text, 'Work on Phase 81A (Importer ${prompt} $(rm -rf ~)) from `launch/LAUNCH_YOUR_WAY.md`:3.\n\n- [x] Read CSV\n  - [ ] Quoted fields\n- [ ] Read JSON\n');
    assert.deepEqual(unknown, []);
  });

  it('leaves unknown variables as written and names each once, in order', () => {
    const { text, unknown } = fillTemplate('${owner} ${phaseId} ${ owner } ${deadline} $phaseId ${} ${9x}', { phaseId: '2B' });
    assert.equal(text, '${owner} 2B ${ owner } ${deadline} $phaseId ${} ${9x}');
    assert.deepEqual(unknown, ['owner', 'deadline']);
  });

  it('reads \\${name} as the text ${name}, and tolerates spaces inside the braces', () => {
    assert.deepEqual(fillTemplate('\\${phaseId} \\${other} ${ phaseId }', { phaseId: '2B' }), { text: '${phaseId} ${other} 2B', unknown: [] });
  });

  it('does not take inherited object keys for variables', () => {
    assert.deepEqual(fillTemplate('${toString} ${constructor}', { phaseId: '1' }).unknown, ['toString', 'constructor']);
  });

  it('reads a byte-order mark and Windows line ends away', () => {
    assert.equal(renderPromptTemplate('\uFEFF# ${phaseName}\r\n\r\n${criteria}\r\n', importer()).text, '# Phase 81A\n\n- [ ] Round-trips every fixture\n- No row is lost\n');
  });

  it('starts teams off with a template that uses only known variables', () => {
    const { text, unknown } = renderPromptTemplate(STARTER_PROMPT_TEMPLATE, importer());
    assert.deepEqual(unknown, []);
    assert.match(text, /^# Phase 81A: Importer/);
    assert.match(text, /## How success is judged\n- \[ \] Round-trips every fixture\n- No row is lost\n/);
  });
});

describe('built-in prompt: how success is judged', () => {
  it('says that the tasks decide when a phase lists no criteria', () => {
    assert.match(phasePrompt(input('83')), /## Success criteria\nThe plan states none for Phase 83: it is done when every task above is checked off\.\n/);
  });

  it('asks to agree on "done" when a phase lists neither tasks nor criteria', () => {
    assert.match(phasePrompt(input('82')), /## Success criteria\nThe plan states neither tasks nor success criteria for Phase 82: agree with the user on what "done" means before starting\.\n/);
  });

  it('keeps the criteria section as it was when the phase has criteria', () => {
    assert.match(phasePrompt(importer()), /## Success criteria\n- \[ \] Round-trips every fixture\n- No row is lost\n\n## Depends on\n/);
  });
});
