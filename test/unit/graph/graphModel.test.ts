import assert from 'node:assert/strict';
import { buildWorkspaceIndex, toMermaid } from '../../../src/core/graph';
import { buildGraphModel, layOutGraphModel, truncate, type GraphNode, type GraphPhaseNode } from '../../../src/core/graph/graphModel';
import { parsePlan } from '../../../src/core/parse/parsePlan';
import { plan } from './planBuilder';

const phaseNodes = (nodes: GraphNode[]) => nodes.filter((node): node is GraphPhaseNode => node.kind === 'phase');
const edgeNames = (model: { edges: Array<{ from: string; to: string; kind: string }> }) => model.edges.map((edge) => `${edge.from}>${edge.to}:${edge.kind}`);

describe('graph: model for the graph view', () => {
  const a = plan('docs/a.md', [
    { id: '1', title: 'Storage', status: 'done' },
    { id: '2', title: 'Sync', status: 'in-progress', deps: ['1'] },
    { id: '3', title: 'Sharing', deps: ['2'] },
    { id: '4', title: 'Search', deps: ['1', '9'] },
    { id: '5', title: 'Loop one', deps: ['6'] },
    { id: '6', title: 'Loop two', status: 'blocked', deps: ['5'] },
  ]);
  const b = plan('docs/b.md', [
    { id: 'Stage 1', title: 'Outside', deps: ['3'] },
    { id: 'Stage 2', title: 'Unrelated' },
  ]);
  const index = buildWorkspaceIndex([a, b]);

  it('has one node per phase with its status, place and key, and one per missing id', () => {
    const model = buildGraphModel(index);
    assert.deepEqual(
      phaseNodes(model.nodes).map((node) => [node.id, node.label, node.status, node.file, node.key, node.external]),
      [
        ['f0_1', 'Phase 1: Storage', 'done', 'docs/a.md', 'phase:1', false],
        ['f0_2', 'Phase 2: Sync', 'in-progress', 'docs/a.md', 'phase:2', false],
        ['f0_3', 'Phase 3: Sharing', 'planned', 'docs/a.md', 'phase:3', false],
        ['f0_4', 'Phase 4: Search', 'planned', 'docs/a.md', 'phase:4', false],
        ['f0_5', 'Phase 5: Loop one', 'planned', 'docs/a.md', 'phase:5', false],
        ['f0_6', 'Phase 6: Loop two', 'blocked', 'docs/a.md', 'phase:6', false],
        ['f1_Stage_1', 'Stage 1: Outside', 'planned', 'docs/b.md', 'stage:1', false],
        ['f1_Stage_2', 'Stage 2: Unrelated', 'planned', 'docs/b.md', 'stage:2', false],
      ],
    );
    assert.deepEqual(phaseNodes(model.nodes).map((node) => node.line), [...a.phases, ...b.phases].map((phase) => phase.line));
    const missing = model.nodes.filter((node) => node.kind === 'missing');
    assert.deepEqual(missing.map((node) => [node.id, node.label]), [['missing_9', 'Phase 9 (missing)']]);
    assert.match(missing[0]!.title, /named by Phase 4: Search/);
  });

  it('marks a planned phase waiting when a dependency is not done, and only then', () => {
    const waiting = phaseNodes(buildGraphModel(index).nodes).filter((node) => node.waiting).map((node) => node.id);
    // 3 waits on 2 (in progress), 5 on 6, Stage 1 on 3; 4's dependency 1 is done and 9 names nothing.
    assert.deepEqual(waiting, ['f0_3', 'f0_5', 'f1_Stage_1']);
  });

  it('points edges from the dependency to its dependent, cycle and missing edges marked', () => {
    assert.deepEqual(edgeNames(buildGraphModel(index)), [
      'f0_1>f0_2:dependency',
      'f0_2>f0_3:dependency',
      'f0_1>f0_4:dependency',
      'f0_6>f0_5:cycle',
      'f0_5>f0_6:cycle',
      'f0_3>f1_Stage_1:dependency',
      'missing_9>f0_4:missing',
    ]);
  });

  it('uses the Mermaid export’s node ids, so both drawings name phases alike', () => {
    const mermaid = toMermaid(index);
    for (const node of buildGraphModel(index).nodes) assert.match(mermaid, new RegExp(`^\\s+${node.id}[[(]`, 'm'), node.id);
  });

  it('shows one plan with its neighbours in other plans, marked external', () => {
    const model = buildGraphModel(index, { files: ['docs/b.md'] });
    assert.deepEqual(
      phaseNodes(model.nodes).map((node) => [node.id, node.external]),
      [
        ['f0_3', true],
        ['f1_Stage_1', false],
        ['f1_Stage_2', false],
      ],
    );
    assert.deepEqual(edgeNames(model), ['f0_3>f1_Stage_1:dependency']);
  });

  it('keeps the missing ids a shown plan names, and drops edges between neighbours', () => {
    const model = buildGraphModel(index, { files: ['docs/a.md'] });
    assert.ok(model.nodes.some((node) => node.id === 'missing_9'));
    assert.ok(!model.nodes.some((node) => node.id === 'f1_Stage_2'));
    assert.ok(edgeNames(model).includes('f0_3>f1_Stage_1:dependency'));
  });

  it('shows nothing for a plan that is not in the workspace', () => {
    assert.deepEqual(buildGraphModel(index, { files: ['docs/gone.md'] }), { nodes: [], edges: [] });
  });

  it('cuts long titles to fit a box and keeps the whole title for the tooltip', () => {
    const long = plan('long.md', [{ id: '2B', title: 'A title that goes on and on well past what a graph box can hold 🚀' }]);
    const [node] = phaseNodes(buildGraphModel(buildWorkspaceIndex([long]), { labelLength: 20 }).nodes);
    assert.equal(node!.label, 'Phase 2B: A title t…');
    assert.equal(node!.title, 'Phase 2B: A title that goes on and on well past what a graph box can hold 🚀');
  });

  it('lays a parsed plan out with every dependency left of its dependent', () => {
    const text = [
      '# Roadmap',
      '## Milestone 1: Design',
      '**Status**: Done',
      '## Milestone 2: Build',
      '**Depends on**: Milestone 1',
      '## Milestone 3: Ship',
      '**Depends on**: Milestone 2, Milestone 1, Milestone 7',
      '',
    ].join('\n');
    const drawn = layOutGraphModel(buildGraphModel(buildWorkspaceIndex([parsePlan(text, 'ROADMAP.md')])));
    const layer = new Map(drawn.nodes.map((node) => [node.id, node.layer]));
    assert.deepEqual(
      drawn.nodes.map((node) => [node.label, node.layer]),
      [
        ['Milestone 1: Design', 0],
        ['Milestone 2: Build', 1],
        ['Milestone 3: Ship', 2],
        ['Milestone 7 (missing)', 0],
      ],
    );
    for (const edge of drawn.edges) assert.ok(layer.get(edge.from)! < layer.get(edge.to)!);
  });
});

describe('graph: truncate', () => {
  it('leaves short text alone and never splits a surrogate pair', () => {
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('ab🚀cd', 4), 'ab🚀…');
    assert.equal(truncate('abcdef', 1), 'a…');
  });
});
