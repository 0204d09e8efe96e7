import type { WorkspaceIndex } from '../graph';
import { phaseName } from '../phases';
import type { Phase, Plan } from '../model';
import type { PhasePromptInput, PromptDependency } from '../prompt';

/**
 * What the prompt says about a phase's dependencies: each id once, with the status and title of
 * the phase it resolves to, and its file when that is another plan. `displayFile` names a plan
 * file the way the caller shows paths (workspace-relative in VS Code, root-relative in the CLI).
 */
export function promptInputOf(index: WorkspaceIndex, plan: Plan, phase: Phase, displayFile: (planFile: string) => string): PhasePromptInput {
  const seen = new Set<string>();
  const dependencies: PromptDependency[] = [];
  for (const ref of phase.dependsOn) {
    if (seen.has(ref.key)) continue;
    seen.add(ref.key);
    const found = index.resolve(ref, plan.file);
    if (!found) {
      dependencies.push({ name: phaseName({ id: ref.id, kind: 'phase' }) });
      continue;
    }
    const elsewhere = found.plan.file !== plan.file;
    dependencies.push({
      name: phaseName(found.phase),
      title: found.phase.title,
      status: found.phase.status,
      ...(elsewhere ? { file: displayFile(found.plan.file), line: found.phase.line } : {}),
    });
  }
  return { plan, phase, file: displayFile(plan.file), dependencies };
}
