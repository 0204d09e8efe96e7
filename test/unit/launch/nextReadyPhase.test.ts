import assert from 'node:assert/strict';
import { buildWorkspaceIndex, type PhaseRef } from '../../../src/core/graph';
import { phaseName } from '../../../src/core/phases';
import { describeNoneReady, nextReadyPhase, type NextReady } from '../../../src/core/nextReadyPhase';
import { parsePlan } from '../../../src/core/parse/parsePlan';

const plan = (file: string, ...lines: string[]) => parsePlan(lines.join('\n') + '\n', file);
const names = (refs: readonly PhaseRef[]) => refs.map((ref) => phaseName(ref.phase));

function none(result: NextReady): Extract<NextReady, { kind: 'none' }> {
  assert.equal(result.kind, 'none');
  return result as Extract<NextReady, { kind: 'none' }>;
}

describe('next ready phase', () => {
  it('picks the first phase in dependency order whose dependencies are done, not the first in the file', () => {
    // Phase 3 comes first in the file but waits on Phase 2; Phase 2 is ready once Phase 1 is done.
    const index = buildWorkspaceIndex([
      plan(
        'a.md',
        '# A',
        '## Phase 3: Release',
        '**Depends on**: Phase 2',
        '## Phase 1: Schema',
        '**Status**: Done',
        '## Phase 2: Importer',
        '**Depends on**: Phase 1',
        '## Phase 4: Docs',
      ),
    ]);
    const result = nextReadyPhase(index);
    assert.equal(result.kind, 'ready');
    assert.equal(result.kind === 'ready' && phaseName(result.phase.phase), 'Phase 2');
    assert.deepEqual(result.kind === 'ready' && names(result.alsoReady), ['Phase 4']);
  });

  it('skips phases in progress, blocked or done, and judges dependencies across plans', () => {
    const index = buildWorkspaceIndex([
      plan('a.md', '# A', '## Phase 10: Running', '**Status**: In Progress', '## Phase 11: Stuck', '**Status**: Blocked', '## Phase 12: Next', '**Depends on**: Phase 20'),
      plan('b.md', '# B', '## Phase 20: Elsewhere', '**Status**: Done'),
    ]);
    const result = nextReadyPhase(index);
    assert.equal(result.kind === 'ready' && phaseName(result.phase.phase), 'Phase 12');
  });

  it('looks only at the phases `within` accepts, with dependencies still judged workspace-wide', () => {
    const a = plan('a.md', '# A', '## Phase 1: First');
    const b = plan('b.md', '# B', '## Phase 2: Second', '**Depends on**: Phase 1', '## Phase 3: Third');
    const index = buildWorkspaceIndex([a, b]);
    const result = nextReadyPhase(index, (ref) => ref.plan.file === 'b.md');
    assert.equal(result.kind === 'ready' && phaseName(result.phase.phase), 'Phase 3');
  });

  it('says when every phase is done, and when there is none', () => {
    const done = buildWorkspaceIndex([plan('a.md', '# A', '## Phase 1: One', '**Status**: Done', '## Phase 2: Two', '**Status**: ✅ Complete')]);
    const allDone = none(nextReadyPhase(done));
    assert.equal(allDone.reason, 'all-done');
    assert.equal(describeNoneReady(allDone, 'in the workspace'), 'Every phase in the workspace is done.');
    const empty = none(nextReadyPhase(done, () => false));
    assert.equal(empty.reason, 'no-phases');
    assert.equal(describeNoneReady(empty, 'in PLAN.md'), 'PhaseLens found no phases in PLAN.md.');
  });

  it('says what holds things up when nothing is ready', () => {
    const index = buildWorkspaceIndex([
      plan(
        'a.md',
        '# A',
        '## Phase 1: Schema',
        '**Status**: In Progress',
        '## Phase 2: Importer',
        '**Depends on**: Phase 1',
        '## Phase 3: Exporter',
        '**Depends on**: Phase 1, Phase 2',
        '## Phase 4: Ops',
        '**Status**: Blocked',
      ),
    ]);
    const result = none(nextReadyPhase(index));
    assert.equal(result.reason, 'nothing-ready');
    assert.deepEqual(names(result.inProgress), ['Phase 1']);
    assert.deepEqual(
      result.waiting.map((entry) => [phaseName(entry.phase.phase), names(entry.on)]),
      [
        ['Phase 2', ['Phase 1']],
        ['Phase 3', ['Phase 1', 'Phase 2']],
      ],
    );
    assert.equal(
      describeNoneReady(result, 'in the workspace'),
      'No phase in the workspace is ready to start. In progress: Phase 1. Waiting: Phase 2 on Phase 1 (in progress); Phase 3 on Phase 1 (in progress) and Phase 2 (planned). Blocked: Phase 4.',
    );
  });

  it('names at most three phases in each list', () => {
    const lines = ['# A', '## Phase 1: Root', '**Status**: In Progress'];
    for (let n = 2; n <= 7; n++) lines.push(`## Phase ${n}: Leaf ${n}`, '**Depends on**: Phase 1');
    const message = describeNoneReady(none(nextReadyPhase(buildWorkspaceIndex([plan('a.md', ...lines)]))), 'here');
    assert.match(message, /Waiting: Phase 2 on Phase 1 \(in progress\); Phase 3 on Phase 1 \(in progress\); Phase 4 on Phase 1 \(in progress\); 3 more\.$/);
  });

  it('treats the members of a dependency cycle as waiting on each other', () => {
    const index = buildWorkspaceIndex([plan('a.md', '# A', '## Phase 1: Ping', '**Depends on**: Phase 2', '## Phase 2: Pong', '**Depends on**: Phase 1')]);
    const result = none(nextReadyPhase(index));
    assert.deepEqual(
      result.waiting.map((entry) => [phaseName(entry.phase.phase), names(entry.on)]),
      [
        ['Phase 1', ['Phase 2']],
        ['Phase 2', ['Phase 1']],
      ],
    );
  });
});
