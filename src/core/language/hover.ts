import type { PhaseRef, WorkspaceIndex } from '../graph';
import { phaseProgress, progressLabel } from '../progress';
import { phaseName } from '../phases';
import { statusText } from '../prompt';

/** A phase at a glance, as markdown: title, status, progress, what it waits on and what waits on it. */
export function phaseSummaryMarkdown(index: WorkspaceIndex, target: PhaseRef, options: { fileLabel?: string } = {}): string {
  const { phase, plan } = target;
  const readiness = index.readiness(target);
  const status = readiness.ready || phase.status === 'done' ? statusText(phase.status) : `${statusText(phase.status)}, waiting on ${readiness.waitingOn.map((ref) => phaseName(ref.phase)).join(', ')}`;
  const lines = [`**${escape(phaseName(phase))}${phase.title ? `: ${escape(phase.title)}` : ''}**`, '', `Status: ${status}`];
  // The same words as the progress lens above the heading.
  const progress = progressLabel(phaseProgress(phase));
  if (progress) lines.push('', progress);
  const dependencies = index.dependenciesOf(target);
  if (dependencies.length > 0) lines.push('', `Depends on: ${dependencies.map((edge) => `${escape(phaseName(edge.to.phase))} (${statusText(edge.to.phase.status)})`).join(', ')}`);
  const dependents = index.dependentsOf(target);
  if (dependents.length > 0) lines.push('', `Needed by: ${dependents.map((edge) => escape(phaseName(edge.from.phase))).join(', ')}`);
  lines.push('', `${escape(options.fileLabel ?? plan.file)}, line ${phase.line}`);
  return lines.join('\n');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-.!|]/g, '\\$&');
}
