import { taskCounts, type Phase, type Plan, type WorkspaceIndex } from '../../core/api';

/**
 * `phaselens parse` without `--json`: per plan a header, then one line per phase, indented by
 * nesting: id, title, status, task progress, criteria count, dependencies (`?` = unresolved).
 */
export function plansToOutline(plans: readonly Plan[], index: WorkspaceIndex): string {
  const out: string[] = [];
  for (const plan of plans) {
    const phaseCount = countPhases(plan.phases);
    out.push(`${plan.file}  ${plan.title}  (${phaseCount} ${phaseCount === 1 ? 'phase' : 'phases'})`);
    if (phaseCount === 0) out.push('  (no phases)');
    const idWidth = Math.max(0, ...flatten(plan.phases).map(({ phase, depth }) => phase.id.length + 2 * depth));
    for (const { phase, depth } of flatten(plan.phases)) out.push(phaseLine(phase, depth, idWidth, plan, index));
    out.push('');
  }
  return out.join('\n');
}

function phaseLine(phase: Phase, depth: number, idWidth: number, plan: Plan, index: WorkspaceIndex): string {
  const indent = '  '.repeat(depth + 1);
  const id = phase.id.padEnd(idWidth - 2 * depth);
  const { done, total } = taskCounts(phase.tasks);
  const criteria = phase.successCriteria.length;
  const facts = [
    phase.status,
    `tasks ${done}/${total}`,
    `${criteria} ${criteria === 1 ? 'criterion' : 'criteria'}`,
  ];
  if (phase.dependsOn.length > 0) {
    const deps = phase.dependsOn.map((ref) => (index.resolve(ref, plan.file) ? ref.id : `${ref.id}?`));
    facts.push(`after ${deps.join(', ')}`);
  }
  facts.push(`line ${phase.line}`);
  // "Week 1" as a whole heading has no title beyond its id; repeating it would be noise.
  const title = phase.title && phase.title !== phase.id ? `${phase.title}  ` : '';
  return `${indent}${id}  ${title}· ${facts.join(' · ')}`;
}

function flatten(phases: readonly Phase[], depth = 0): Array<{ phase: Phase; depth: number }> {
  return phases.flatMap((phase) => [{ phase, depth }, ...flatten(phase.children, depth + 1)]);
}

function countPhases(phases: readonly Phase[]): number {
  return phases.reduce((sum, phase) => sum + 1 + countPhases(phase.children), 0);
}
