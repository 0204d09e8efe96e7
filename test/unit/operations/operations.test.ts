import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/edits/apply';
import { applyGuarded, completePhase, getPhase, listPhases, nextReady, setPhaseStatus, setTask, type Outcome, type PlanWrite } from '../../../src/core/operations';
import { fixtureWorkspace, workspaceOf } from './workspace';

const ALL = ['ROADMAP.md', 'stages.md', 'nested.md'];

function value<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) assert.fail(`expected success, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

function error<T>(outcome: Outcome<T>) {
  if (outcome.ok) assert.fail('expected an error');
  return outcome.error;
}

/** The lines that differ between two texts of the same length in lines. */
function changedLines(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'a line was added or removed');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]!] as [string, string]]));
}

function applied(write: PlanWrite): string {
  return applyEdits(write.source.text, write.edits);
}

describe('plan operations', () => {
  it('lists every phase with its status and progress, or one plan\'s', () => {
    const workspace = fixtureWorkspace(...ALL);
    const all = value(listPhases(workspace));
    assert.deepEqual(
      all.map((phase) => `${phase.file}:${phase.id}:${phase.status}`),
      ['ROADMAP.md:1:done', 'ROADMAP.md:2A:in-progress', 'ROADMAP.md:2B:planned', 'ROADMAP.md:3:planned', 'stages.md:Stage 1:planned', 'stages.md:Stage 2:planned', 'stages.md:2A:planned', 'nested.md:P5.2:planned', 'nested.md:P5.2.1:planned'],
    );
    const importer = all[1]!;
    assert.equal(importer.name, 'Phase 2A');
    assert.equal(importer.title, 'Importer');
    assert.deepEqual([importer.progress.tasksDone, importer.progress.tasksTotal, importer.progress.criteriaChecklist], [1, 4, 1]);
    assert.equal(all[8]!.parent, 'P5.2');
    assert.deepEqual(value(listPhases(workspace, 'nested.md')).map((phase) => phase.id), ['P5.2', 'P5.2.1']);
    assert.equal(error(listPhases(workspace, 'missing.md')).code, 'unknown-file');
  });

  it('reads a phase: numbered tasks with subtasks, criteria, dependencies with their status, the prompt', () => {
    const details = value(getPhase(fixtureWorkspace(...ALL), { phase: '2B', file: 'ROADMAP.md' }));
    assert.deepEqual(details.tasks, [{ index: 1, text: 'Write CSV files', done: false, line: 28, depth: 0 }]);
    assert.deepEqual(details.dependencies, [{ id: '2A', name: 'Phase 2A', resolved: true, status: 'in-progress', title: 'Importer', file: 'ROADMAP.md', line: 10 }]);
    assert.equal(details.ready, false);
    assert.match(details.prompt, /^# Phase 2B: Exporter/);
    assert.match(details.prompt, /phaselens_set_task/);

    const importer = value(getPhase(fixtureWorkspace('ROADMAP.md'), { phase: 'Phase 2A' }));
    assert.deepEqual(
      importer.tasks.map((task) => [task.index, task.text, task.done, task.depth]),
      [[1, 'Read CSV files', true, 0], [2, 'Read JSON files', false, 0], [3, 'Nested arrays', false, 1], [4, 'Report bad rows', false, 0]],
    );
    assert.deepEqual(importer.criteria, [{ text: 'Imports a 10 MB file', line: 21, done: false }, { text: 'Errors name the row', line: 22 }]);
  });

  it('names phases as written: P-ids, Stage ids, Phase synonyms', () => {
    const workspace = fixtureWorkspace(...ALL);
    assert.equal(value(getPhase(workspace, { phase: 'P5.2.1' })).title, 'Secrets');
    assert.equal(value(getPhase(workspace, { phase: 'stage 1' })).id, 'Stage 1');
    assert.equal(value(getPhase(workspace, { phase: 'P1' })).id, '1');
    assert.equal(value(getPhase(workspace, { phase: 'Phase 3' })).id, '3');
    // Stage 2 and Phase 2 are different ids: there is no Phase 2.
    assert.equal(error(getPhase(workspace, { phase: '2' })).code, 'unknown-phase');
    // Inherited criteria are listed with where they come from.
    const secrets = value(getPhase(workspace, { phase: 'P5.2.1' }));
    assert.deepEqual(secrets.criteria, [{ text: 'every secret is rotated', line: 12 }]);
  });

  it('an id in two plans is ambiguous, listing the candidates, until a file says which', () => {
    const workspace = fixtureWorkspace(...ALL);
    const ambiguous = error(getPhase(workspace, { phase: '2A' }));
    assert.equal(ambiguous.code, 'ambiguous-phase');
    assert.deepEqual(ambiguous.candidates, ['Phase 2A in ROADMAP.md (line 10)', 'Phase 2A in stages.md (line 17)']);
    assert.equal(error(setTask(workspace, { phase: '2A', task: 1 })).code, 'ambiguous-phase');
    assert.equal(value(getPhase(workspace, { phase: '2A', file: 'stages.md' })).title, 'Duplicate id in another plan');
    assert.equal(value(getPhase(workspace, { phase: '2A', file: './ROADMAP.md' })).title, 'Importer');
  });

  it('a file named by the end of its path, and ambiguous when two plans end so', () => {
    const text = '# P\n\n## Phase 1: One\n\n- [ ] a\n';
    const workspace = workspaceOf({ 'docs/a/PLAN.md': text, 'docs/b/PLAN.md': text });
    assert.equal(value(getPhase(workspace, { phase: '1', file: 'a/PLAN.md' })).file, 'docs/a/PLAN.md');
    const ambiguous = error(getPhase(workspace, { phase: '1', file: 'PLAN.md' }));
    assert.equal(ambiguous.code, 'ambiguous-file');
    assert.deepEqual(ambiguous.candidates, ['docs/a/PLAN.md', 'docs/b/PLAN.md']);
  });

  it('an unknown phase says how to find the ids', () => {
    const unknown = error(getPhase(fixtureWorkspace(...ALL), { phase: 'P9' }));
    assert.equal(unknown.code, 'unknown-phase');
    assert.match(unknown.message, /list_phases/);
    assert.equal(error(getPhase(fixtureWorkspace(...ALL), { phase: '  ' })).code, 'invalid-input');
  });

  it('sets one task by index or exact text, changing exactly its checkbox', () => {
    const workspace = fixtureWorkspace('ROADMAP.md');
    const byIndex = value(setTask(workspace, { phase: '2A', task: 3 }));
    assert.deepEqual(changedLines(byIndex.source.text, applied(byIndex)), [['  - [ ] Nested arrays', '  - [x] Nested arrays']]);
    assert.deepEqual(byIndex.expected, [{ line: 17, text: '  - [ ] Nested arrays' }]);
    assert.match(byIndex.message, /Checked task 3 of Phase 2A \("Nested arrays"\)\. Phase 2A: 2\/4 tasks done\./);

    const byText = value(setTask(workspace, { phase: '2A', task: 'Read CSV files', done: false }));
    assert.deepEqual(changedLines(byText.source.text, applied(byText)), [['- [x] Read CSV files', '- [ ] Read CSV files']]);
    const asString = value(setTask(workspace, { phase: '2A', task: '4' }));
    assert.deepEqual(changedLines(asString.source.text, applied(asString)), [['- [ ] Report bad rows', '- [x] Report bad rows']]);

    const already = value(setTask(workspace, { phase: '2A', task: 1 }));
    assert.deepEqual(already.edits, []);
    assert.match(already.message, /already checked/);
  });

  it('a task that is not there, or whose text repeats, is an error', () => {
    const workspace = fixtureWorkspace(...ALL);
    assert.match(error(setTask(workspace, { phase: '2B', task: 5 })).message, /tasks 1 to 1; there is no task 5/);
    assert.equal(error(setTask(workspace, { phase: '2B', task: 'Write JSON files' })).code, 'unknown-task');
    const repeated = error(setTask(workspace, { phase: 'Stage 1', task: 'Interview users' }));
    assert.equal(repeated.code, 'ambiguous-task');
    assert.deepEqual(repeated.candidates, ['1: Interview users', '2: Interview users']);
    assert.equal(error(setTask(workspace, { phase: 'P5.2', task: 1 })).message, 'P5.2 has no tasks.');
  });

  it('completion is refused while tasks or checkbox criteria are open, and writes nothing', () => {
    const workspace = fixtureWorkspace('ROADMAP.md');
    const refused = error(completePhase(workspace, { phase: '2A' }));
    assert.equal(refused.code, 'refused');
    assert.deepEqual(refused.open, ['task 2: Read JSON files', 'task 3: Nested arrays', 'task 4: Report bad rows', 'criterion: Imports a 10 MB file']);
    assert.equal(error(setPhaseStatus(workspace, { phase: '2A', status: 'done' })).code, 'refused');
  });

  it('completes a finished phase in the plan\'s own style, and a done phase is left alone', () => {
    const workspace = fixtureWorkspace('nested.md');
    const done = value(completePhase(workspace, { phase: 'P5.2.1' }));
    assert.deepEqual(changedLines(done.source.text, applied(done)), [['Status: Planned', 'Status: Complete']]);
    assert.equal(done.message, 'P5.2.1 is complete.');
    const already = value(completePhase(fixtureWorkspace('ROADMAP.md'), { phase: '1' }));
    assert.deepEqual(already.edits, []);
    assert.match(already.message, /already done/);
  });

  describe('completion gated on verify checks', () => {
    const plan = ['# Release', '', '## Phase 4: Ship', '', 'Status: In Progress', '', '- [x] Build the bundle', '', '**Success Criteria**:', '- Tests pass (verify: `npm test`)', '- Lint is clean — verify: `npm run lint`', ''].join('\n');
    const withRunner = (passing: readonly string[]) => {
      const ran: string[] = [];
      const workspace = { ...workspaceOf({ 'PLAN.md': plan }), runChecks: (checks: readonly { command: string; line: number }[]) => checks.map((check) => (ran.push(check.command), { command: check.command, line: check.line, passed: passing.includes(check.command), exitCode: passing.includes(check.command) ? 0 : 1 })) };
      return { workspace, ran };
    };

    it('is refused, naming each check, where no check may run (the editor\'s tools)', () => {
      const refused = error(completePhase(workspaceOf({ 'PLAN.md': plan }), { phase: '4' }));
      assert.equal(refused.code, 'refused');
      assert.deepEqual(refused.failedChecks, ['Tests pass: not run (`npm test`)', 'Lint is clean: not run (`npm run lint`)']);
      assert.equal(error(setPhaseStatus(workspaceOf({ 'PLAN.md': plan }), { phase: '4', status: 'done' })).code, 'refused');
    });

    it('runs every check and is refused, listing the ones that failed', () => {
      const { workspace, ran } = withRunner(['npm test']);
      const refused = error(completePhase(workspace, { phase: '4' }));
      assert.deepEqual(ran, ['npm test', 'npm run lint']);
      assert.deepEqual(refused.failedChecks, ['`npm run lint` failed (exit code 1)']);
    });

    it('completes once every check passes, changing only the status', () => {
      const { workspace } = withRunner(['npm test', 'npm run lint']);
      const done = value(completePhase(workspace, { phase: '4' }));
      assert.deepEqual(changedLines(done.source.text, applied(done)), [['Status: In Progress', 'Status: Complete']]);
    });
  });

  it('sets a status, and rejects one that is not a status', () => {
    const workspace = fixtureWorkspace('ROADMAP.md');
    const blocked = value(setPhaseStatus(workspace, { phase: '2A', status: 'blocked' }));
    assert.deepEqual(changedLines(blocked.source.text, applied(blocked)), [['**Status**: In Progress', '**Status**: Blocked']]);
    const started = value(setPhaseStatus(workspace, { phase: '2B', status: 'in-progress' }));
    assert.match(applied(started), /## Phase 2B: Exporter\n\n\*\*Status\*\*: 🚧 In Progress\n\*\*Depends on\*\*: 2A/);
    assert.equal(error(setPhaseStatus(workspace, { phase: '2A', status: 'finished' })).code, 'invalid-input');
  });

  it('the next ready phase is the first planned one whose dependencies are done; otherwise why not', () => {
    const next = value(nextReady(fixtureWorkspace(...ALL)));
    assert.ok(next.ready);
    assert.equal(next.phase.id, 'Stage 1');
    assert.deepEqual(next.alsoReady.map((phase) => phase.id), ['2A', 'P5.2', 'P5.2.1']);
    const none = value(nextReady(fixtureWorkspace('ROADMAP.md')));
    assert.ok(!none.ready);
    assert.equal(none.reason, 'nothing-ready');
    assert.match(none.message, /In progress: Phase 2A\. Waiting: Phase 2B on Phase 2A \(in progress\)/);
  });

  it('keeps Windows line ends', () => {
    const text = '# P\r\n\r\n## Phase 1: One\r\n\r\n- [ ] a\r\n- [ ] b\r\n';
    const write = value(setTask(workspaceOf({ 'PLAN.md': text }), { phase: '1', task: 2 }));
    assert.equal(applied(write), '# P\r\n\r\n## Phase 1: One\r\n\r\n- [ ] a\r\n- [x] b\r\n');
    const status = value(setPhaseStatus(workspaceOf({ 'PLAN.md': text }), { phase: '1', status: 'in-progress' }));
    assert.equal(applied(status), '# P\r\n\r\n## Phase 1: One\r\n\r\n**Status**: In Progress\r\n\r\n- [ ] a\r\n- [ ] b\r\n');
  });
});

describe('guarded writes', () => {
  const text = '# P\n\n## Phase 1: One\n\n- [ ] a\n- [ ] b\n';
  const write = () => value(setTask(workspaceOf({ 'PLAN.md': text }), { phase: '1', task: 2 }));

  it('applies when the lines it changes still read as they did', () => {
    assert.equal(value(applyGuarded(text, write())), '# P\n\n## Phase 1: One\n\n- [ ] a\n- [x] b\n');
    // A change elsewhere is kept.
    assert.equal(value(applyGuarded(text.replace('- [ ] a', '- [x] a'), write())), '# P\n\n## Phase 1: One\n\n- [x] a\n- [x] b\n');
  });

  it('is a conflict when those lines changed or moved', () => {
    const edited = error(applyGuarded(text.replace('- [ ] b', '- [ ] b, reworded'), write()));
    assert.equal(edited.code, 'conflict');
    assert.match(edited.message, /PLAN\.md changed since it was read \(line 6/);
    assert.equal(error(applyGuarded(text.replace('# P\n', '# P\n\nIntro.\n'), write())).code, 'conflict');
  });
});
