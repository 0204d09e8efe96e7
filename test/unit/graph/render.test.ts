import assert from 'node:assert/strict';
import { buildWorkspaceIndex, toDot, toMermaid } from '../../../src/core/graph';
import { plan } from './planBuilder';

describe('graph: render', () => {
  const a = plan('docs/a.md', [
    { id: '2A', title: 'SQL "File" Execution', status: 'done' },
    { id: '2B', title: 'Templates <fast> [v2] {x} | #1 (beta)\nsecond line', status: 'in-progress', deps: ['2A', 'P0'] },
    { id: '2C', title: 'Cloning', deps: ['2D'] },
    { id: '2D', title: 'Rebuild', deps: ['2C', '2D'] },
  ]);
  const b = plan('docs/b.md', [{ id: '2A', title: 'Other plan, same id', status: 'blocked', deps: ['P0'] }]);
  const index = buildWorkspaceIndex([a, b]);

  describe('mermaid', () => {
    const text = toMermaid(index);
    const lines = text.split('\n');

    it('draws a flowchart with one box per plan and one node per phase, ids unique across files', () => {
      assert.equal(lines[0], 'flowchart LR');
      assert.ok(lines.includes('  subgraph file0["Plan docs/a.md (docs/a.md)"]'));
      assert.ok(lines.includes('    f0_2A["Phase 2A: SQL #quot;File#quot; Execution"]'));
      assert.ok(lines.includes('    f1_2A["Phase 2A: Other plan, same id"]'));
    });

    it('escapes quotes, brackets, braces, pipes, hashes and angle brackets, and keeps labels on one line', () => {
      const node = lines.find((line) => line.startsWith('    f0_2B['))!;
      assert.equal(node, '    f0_2B["Phase 2B: Templates #lt;fast#gt; #91;v2#93; #123;x#125; #124; #35;1 (beta) second line"]');
      // Nothing inside the quotes can end the label early.
      const label = node.slice(node.indexOf('["') + 2, node.lastIndexOf('"]'));
      assert.doesNotMatch(label, /["[\]<>{}|]/);
    });

    it('points arrows from the dependency to the phase that builds on it', () => {
      assert.ok(lines.includes('  f0_2A --> f0_2B'));
      assert.ok(!lines.includes('  f0_2B --> f0_2A'));
    });

    it('draws one missing node per unresolved id, with dashed arrows to every phase that names it', () => {
      const missing = lines.filter((line) => line.includes('(missing)'));
      assert.deepEqual(missing, ['  missing_P0(["P0 (missing)"])']);
      assert.ok(lines.includes('  missing_P0 -.-> f0_2B'));
      assert.ok(lines.includes('  missing_P0 -.-> f1_2A'));
      assert.ok(lines.includes('  class missing_P0 missing'));
    });

    it('styles nodes by status and highlights cycle and self-reference arrows', () => {
      assert.ok(lines.includes('  class f0_2A done'));
      assert.ok(lines.includes('  class f0_2B inProgress'));
      assert.ok(lines.includes('  class f1_2A blocked'));
      assert.ok(lines.some((line) => /^ {2}classDef inProgress fill:/.test(line)));
      const links = lines.filter((line) => / (-->|-\.->) /.test(line));
      const highlighted = lines.find((line) => line.startsWith('  linkStyle '))!;
      const numbers = highlighted.split(' ')[3]!.split(',').map(Number);
      assert.deepEqual(
        numbers.map((n) => links[n]!.trim()).sort(),
        ['f0_2C --> f0_2D', 'f0_2D --> f0_2C', 'f0_2D --> f0_2D'],
      );
    });

    it('can leave out the plan boxes and turn the layout', () => {
      const flat = toMermaid(index, { groupByFile: false, direction: 'TB' });
      assert.match(flat, /^flowchart TB\n/);
      assert.doesNotMatch(flat, /subgraph/);
      assert.match(flat, /\n {2}f0_2A\["Phase 2A: SQL/);
    });
  });

  describe('dot', () => {
    const text = toDot(index);
    const lines = text.split('\n');

    it('writes a digraph with a cluster per plan and coloured, labelled nodes', () => {
      assert.equal(lines[0], 'digraph phaselens {');
      assert.equal(lines.at(-2), '}');
      assert.ok(lines.includes('  subgraph "cluster_file1" {'));
      const node = lines.find((line) => line.trim().startsWith('"f0_2A"'))!;
      assert.match(node, /label="Phase 2A: SQL \\"File\\" Execution"/);
      assert.match(node, /tooltip="done"/);
    });

    it('escapes quotes and backslashes and keeps labels on one line', () => {
      const tricky = plan('c.md', [{ id: 'P1', title: 'Path C:\\new "x"\nnext' }]);
      const dot = toDot(buildWorkspaceIndex([tricky]));
      assert.ok(dot.includes('label="P1: Path C:\\\\new \\"x\\" next"'));
      // Every quoted string closes on its own line.
      for (const line of dot.split('\n')) assert.equal((line.replace(/\\./g, '').match(/"/g) ?? []).length % 2, 0, line);
    });

    it('draws dependency → dependent, dashed missing edges and red cycle edges', () => {
      assert.ok(lines.includes('  "f0_2A" -> "f0_2B";'));
      assert.ok(lines.includes('  "missing_P0" -> "f1_2A" [style=dashed, color="#d13438"];'));
      assert.ok(lines.includes('  "f0_2D" -> "f0_2C" [color="#d13438", penwidth=2.5];'));
      assert.ok(lines.includes('  "f0_2D" -> "f0_2D" [color="#d13438", penwidth=2.5];'));
    });
  });

  it('renders an empty workspace as an empty but valid graph', () => {
    const empty = buildWorkspaceIndex([]);
    assert.match(toMermaid(empty), /^flowchart LR\n/);
    assert.match(toDot(empty), /^digraph phaselens \{\n[\s\S]*\}\n$/);
  });
});
