import assert from 'node:assert/strict';
import { walkPhaseNodes } from '../../../src/vscode/tree/buildNodes';
import { childrenOf, locationOf, type PhaseNode, type TreeNode } from '../../../src/vscode/tree/nodes';
import { MOBILE, ROADMAP, readFixture, treeWorld } from './treeFixtures';

const byId = (nodes: readonly PhaseNode[], id: string): PhaseNode => {
  const found = [...walkPhaseNodes(nodes)].find((node) => node.phase.id === id);
  assert.ok(found, `no phase node ${id}`);
  return found;
};

function* everyNode(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind !== 'plan') yield* everyNode(childrenOf(node));
  }
}

describe('tree nodes', () => {
  const world = treeWorld();
  const roadmap = world.nodes(ROADMAP);

  it('nests phases as the document does', () => {
    assert.deepEqual(roadmap.map((node) => node.phase.id), ['1', '2', '3', '4', 'Milestone 12']);
    const phase2 = byId(roadmap, '2');
    assert.deepEqual(phase2.children.map((child) => (child.kind === 'phase' ? `phase ${child.phase.id}` : child.kind)), ['dependencies', 'criteria', 'phase 2A', 'phase 2B']);
  });

  it('puts dependencies, criteria and tasks (with subtasks) under a phase', () => {
    const live = byId(roadmap, '2B');
    assert.deepEqual(live.children.map((child) => child.kind), ['dependencies', 'criteria', 'task', 'task', 'task']);
    const offline = live.children[3]!;
    assert.equal(offline.kind, 'task');
    assert.equal(offline.task.text, 'Offline edits queued on the phone');
    assert.deepEqual(offline.children.map((sub) => [sub.task.text, sub.task.done]), [
      ['Queue survives an app restart', true],
      ['Replay in order when back online', false],
    ]);
  });

  it('tells waiting from planned by the dependencies, and keeps explicit statuses', () => {
    const statuses = [...walkPhaseNodes(roadmap)].map((node) => [node.phase.id, node.status]);
    assert.deepEqual(statuses, [
      ['1', 'done'],
      ['2', 'in-progress'],
      ['2A', 'done'],
      ['2B', 'in-progress'],
      ['3', 'waiting'],
      ['4', 'blocked'],
      ['Milestone 12', 'waiting'],
    ]);
    assert.deepEqual(byId(roadmap, '3').waitingOn.map((summary) => summary.phase.id), ['2']);
  });

  it('resolves dependencies across plans and marks the ones no plan defines', () => {
    const stage2 = byId(world.nodes(MOBILE), 'Stage 2');
    assert.equal(stage2.status, 'waiting');
    assert.deepEqual(stage2.waitingOn.map((summary) => [summary.phase.id, summary.uri]), [
      ['Stage 1', MOBILE],
      ['Milestone 12', ROADMAP],
    ]);
    const beta = byId(roadmap, 'Milestone 12');
    const deps = beta.children.find((child) => child.kind === 'dependencies');
    assert.ok(deps && deps.kind === 'dependencies');
    assert.deepEqual(deps.children.map((dep) => [dep.ref.id, dep.resolved?.phase.id, dep.resolved?.status]), [
      ['3', '3', 'waiting'],
      ['14C', undefined, undefined],
    ]);
    // A resolved dependency clicks through to its heading; a broken one to the reference.
    assert.deepEqual(locationOf(deps.children[0]!), { uri: ROADMAP, line: byId(roadmap, '3').phase.line });
    assert.deepEqual(locationOf(deps.children[1]!), { uri: ROADMAP, line: deps.children[1]!.ref.line });
  });

  it('shows inherited criteria when a sub-phase has none of its own', () => {
    const criteria = byId(roadmap, '2A').children.find((child) => child.kind === 'criteria');
    assert.ok(criteria && criteria.kind === 'criteria');
    assert.equal(criteria.inheritedFrom, 'Phase 2');
    assert.equal(criteria.children.length, 2);
    const own = byId(roadmap, '1').children.find((child) => child.kind === 'criteria');
    assert.ok(own && own.kind === 'criteria' && own.inheritedFrom === undefined);
  });

  it('gives every node a unique id and a parent chain up to its plan', () => {
    const nodes = [...everyNode(roadmap)];
    assert.equal(new Set(nodes.map((node) => node.id)).size, nodes.length);
    for (const node of nodes) {
      let current: TreeNode | undefined = node;
      let steps = 0;
      while (current && current.kind !== 'plan') {
        current = current.parent;
        steps++;
      }
      assert.ok(current && current.uri === ROADMAP && steps > 0, `${node.id} does not lead to its plan`);
    }
  });

  it('keeps ids when the text around a phase changes', () => {
    const shifted = treeWorld({ [ROADMAP]: `<!-- a new first line -->\n${readFixture('ROADMAP.md')}` }).nodes(ROADMAP);
    assert.deepEqual([...walkPhaseNodes(shifted)].map((node) => node.id), [...walkPhaseNodes(roadmap)].map((node) => node.id));
    assert.equal(byId(shifted, '2B').target.line, byId(roadmap, '2B').target.line + 1);
  });

  it('numbers the ids of a phase key that repeats in one file', () => {
    const twice = treeWorld({ 'file:///twice.md': '# Twice\n\n## Phase 1: One\n\n- [ ] a\n\n# Other\n\n## Phase 1: Again\n\n- [ ] b\n' }).nodes('file:///twice.md');
    const ids = [...walkPhaseNodes(twice)].map((node) => node.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('carries a PhaseTarget for the phase commands', () => {
    const live = byId(roadmap, '2B');
    assert.deepEqual(live.target, { uri: ROADMAP, key: 'phase:2b', line: live.phase.line });
  });

  describe('filters', () => {
    it('hides done phases but keeps a done parent of an open sub-phase', () => {
      const hidden = world.nodes(ROADMAP, 'hideDone');
      assert.deepEqual([...walkPhaseNodes(hidden)].map((node) => node.phase.id), ['2', '2B', '3', '4', 'Milestone 12']);
    });

    it('shows only phases in progress, with their ancestors', () => {
      const started = world.nodes(ROADMAP, 'inProgressOnly');
      assert.deepEqual([...walkPhaseNodes(started)].map((node) => node.phase.id), ['2', '2B']);
      assert.deepEqual(world.nodes(MOBILE, 'inProgressOnly').map((node) => node.phase.id), ['Stage 1']);
    });
  });
});
