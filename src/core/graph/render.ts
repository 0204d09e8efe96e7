import type { PhaseStatus } from '../model';
import { oneLine, renderModel } from './renderModel';
import type { WorkspaceIndex } from './types';

/**
 * Text renderings of the workspace graph. Arrows run from a dependency to the phase that
 * builds on it (`2A --> 2B`: 2B builds on 2A), so the drawing reads in the order work is done.
 * Unresolved references are dashed arrows from a "missing" node; arrows on a cycle (and
 * self-references) are drawn in red.
 */
export interface RenderOptions {
  /** Layout direction; `LR` unless told. */
  direction?: 'LR' | 'RL' | 'TB' | 'BT';
  /** Draw each plan as a box around its phases (default true). */
  groupByFile?: boolean;
}

const STATUS_COLORS: Record<PhaseStatus, { fill: string; stroke: string }> = {
  planned: { fill: '#f4f4f4', stroke: '#8a8a8a' },
  'in-progress': { fill: '#fff4ce', stroke: '#c19c00' },
  done: { fill: '#dff6dd', stroke: '#107c10' },
  blocked: { fill: '#fde7e9', stroke: '#a80000' },
};
const CYCLE_COLOR = '#d13438';

/** Mermaid class names may not contain `-`. */
const STATUS_CLASS: Record<PhaseStatus, string> = {
  planned: 'planned',
  'in-progress': 'inProgress',
  done: 'done',
  blocked: 'blocked',
};

export function toMermaid(index: WorkspaceIndex, options: RenderOptions = {}): string {
  const model = renderModel(index);
  const grouped = options.groupByFile ?? true;
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  const byStatus = new Map<PhaseStatus, string[]>();
  for (const group of model.groups) {
    const indent = grouped ? '    ' : '  ';
    if (grouped && group.nodes.length > 0) lines.push(`  subgraph ${group.id}["${mermaidText(group.title)}"]`);
    for (const node of group.nodes) {
      lines.push(`${indent}${node.id}["${mermaidText(node.label)}"]`);
      byStatus.set(node.status, [...(byStatus.get(node.status) ?? []), node.id]);
    }
    if (grouped && group.nodes.length > 0) lines.push('  end');
  }
  for (const missing of model.missing) lines.push(`  ${missing.id}(["${mermaidText(missing.label)}"])`);

  const cycleLinks: number[] = [];
  model.edges.forEach((edge, link) => {
    lines.push(`  ${edge.from} ${edge.kind === 'missing' ? '-.->' : '-->'} ${edge.to}`);
    if (edge.kind === 'cycle') cycleLinks.push(link);
  });

  for (const [status, colors] of Object.entries(STATUS_COLORS) as Array<[PhaseStatus, { fill: string; stroke: string }]>) {
    lines.push(`  classDef ${STATUS_CLASS[status]} fill:${colors.fill},stroke:${colors.stroke},color:#1b1b1b`);
  }
  lines.push(`  classDef missing fill:#ffffff,stroke:${CYCLE_COLOR},stroke-dasharray:4 3,color:${CYCLE_COLOR}`);
  for (const [status, ids] of byStatus) lines.push(`  class ${ids.join(',')} ${STATUS_CLASS[status]}`);
  if (model.missing.length > 0) lines.push(`  class ${model.missing.map((node) => node.id).join(',')} missing`);
  if (cycleLinks.length > 0) lines.push(`  linkStyle ${cycleLinks.join(',')} stroke:${CYCLE_COLOR},stroke-width:3px`);
  return lines.join('\n') + '\n';
}

export function toDot(index: WorkspaceIndex, options: RenderOptions = {}): string {
  const model = renderModel(index);
  const grouped = options.groupByFile ?? true;
  const lines = [
    'digraph phaselens {',
    `  rankdir=${options.direction ?? 'LR'};`,
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
  ];
  for (const group of model.groups) {
    const indent = grouped ? '    ' : '  ';
    if (grouped && group.nodes.length > 0) {
      lines.push(`  subgraph "cluster_${group.id}" {`, `    label="${dotText(group.title)}";`);
    }
    for (const node of group.nodes) {
      const colors = STATUS_COLORS[node.status];
      lines.push(
        `${indent}"${node.id}" [label="${dotText(node.label)}", tooltip="${node.status}", fillcolor="${colors.fill}", color="${colors.stroke}"];`,
      );
    }
    if (grouped && group.nodes.length > 0) lines.push('  }');
  }
  for (const missing of model.missing) {
    lines.push(`  "${missing.id}" [label="${dotText(missing.label)}", style="dashed", color="${CYCLE_COLOR}", fontcolor="${CYCLE_COLOR}"];`);
  }
  for (const edge of model.edges) {
    const style =
      edge.kind === 'missing' ? ' [style=dashed, color="' + CYCLE_COLOR + '"]' : edge.kind === 'cycle' ? ` [color="${CYCLE_COLOR}", penwidth=2.5]` : '';
    lines.push(`  "${edge.from}" -> "${edge.to}"${style};`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * Inside a quoted label Mermaid still reacts to `"`, `#` (its entity marker), `<`/`>`/`&` (HTML
 * labels) and, in some versions, brackets, braces and `|`; its own entity syntax (`#quot;`,
 * `#91;`) shows them literally. Parentheses are safe between quotes and stay readable.
 */
const MERMAID_ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
};

function mermaidText(text: string): string {
  return oneLine(text).replace(/["#&<>[\]{}|`]/g, (char) => MERMAID_ENTITIES[char]!);
}

/** In a quoted DOT string only `"` and `\` are special (`\n`, `\l` would become line breaks). */
function dotText(text: string): string {
  return oneLine(text).replace(/[\\"]/g, (char) => `\\${char}`);
}
