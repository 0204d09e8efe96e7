import type { PhaseRef } from '../graph';
import { allPhases, ancestorsOf, phaseName } from '../phases';
import type { Phase, PhaseStatus } from '../model';
import { nextReadyPhase, describeNoneReady } from '../nextReadyPhase';
import { flattenTasks } from '../parse/deriveStatus';
import { phaseProgress, type PhaseProgress } from '../progress';
import { phasePrompt } from '../prompt';
import { findPhase, findSources, refOf, type FoundPhase } from './findPhase';
import { promptInputOf } from './promptInput';
import { ok, type Outcome, type PhaseQuery, type PlanSource, type PlanWorkspace } from './types';

export interface PhaseSummary {
  /** As written in the plan: what `phase` takes in every other operation. */
  id: string;
  /** How people say it: "Phase 2A", "P5.1", "Stage 1". */
  name: string;
  title: string;
  status: PhaseStatus;
  progress: PhaseProgress;
  file: string;
  line: number;
  /** The enclosing phase's id, for sub-phases. */
  parent?: string;
}

function summaryOf(source: PlanSource, phase: Phase): PhaseSummary {
  return {
    id: phase.id,
    name: phaseName(phase),
    title: phase.title,
    status: phase.status,
    progress: phaseProgress(phase),
    file: source.file,
    line: phase.line,
    ...(phase.parentId !== undefined ? { parent: phase.parentId } : {}),
  };
}

/** Every phase, plan by plan in workspace order, depth first; only one plan's when `file` is given. */
export function listPhases(workspace: PlanWorkspace, file?: string): Outcome<PhaseSummary[]> {
  let sources = workspace.sources;
  if (file !== undefined) {
    const found = findSources(workspace, file);
    if (!found.ok) return found;
    sources = found.value;
  }
  return ok(sources.flatMap((source) => allPhases(source.plan).map((phase) => summaryOf(source, phase))));
}

export interface PhaseDetails extends PhaseSummary {
  planTitle: string;
  tasks: Array<{ index: number; text: string; done: boolean; line: number; depth: number }>;
  /** The phase's own criteria, then inherited ones (with `from`). `done` only for checkbox criteria. */
  criteria: Array<{ text: string; line: number; done?: boolean; from?: string }>;
  dependencies: Array<{ id: string; name: string; resolved: boolean; status?: PhaseStatus; title?: string; file?: string; line?: number }>;
  /** Every dependency is done (or the phase has none). */
  ready: boolean;
  subPhases: PhaseSummary[];
  /** The phase as a prompt for whoever takes it on (the built-in launch prompt). */
  prompt: string;
}

function taskRows(phase: Phase): PhaseDetails['tasks'] {
  const depthOf = new Map<unknown, number>();
  const visit = (tasks: Phase['tasks'], depth: number) => {
    for (const task of tasks) {
      depthOf.set(task, depth);
      visit(task.children, depth + 1);
    }
  };
  visit(phase.tasks, 0);
  return flattenTasks(phase.tasks).map((task, i) => ({ index: i + 1, text: task.text, done: task.done, line: task.line, depth: depthOf.get(task) ?? 0 }));
}

function criteriaRows({ source, phase }: FoundPhase): PhaseDetails['criteria'] {
  const own = phase.successCriteria.map((criterion) => ({ text: criterion.text, line: criterion.line, ...(criterion.done !== undefined ? { done: criterion.done } : {}) }));
  const inherited = ancestorsOf(source.plan, phase)
    .reverse()
    .flatMap((ancestor) => ancestor.successCriteria.map((criterion) => ({ text: criterion.text, line: criterion.line, from: phaseName(ancestor) })));
  const planWide = source.plan.successCriteria.map((criterion) => ({ text: criterion.text, line: criterion.line, from: 'the whole plan' }));
  return [...own, ...inherited, ...planWide];
}

function displayFileOf(workspace: PlanWorkspace): (planFile: string) => string {
  const byPlanFile = new Map(workspace.sources.map((source) => [source.plan.file, source.file]));
  return (planFile) => byPlanFile.get(planFile) ?? planFile;
}

export function phaseDetails(workspace: PlanWorkspace, found: FoundPhase): PhaseDetails {
  const { source, phase } = found;
  const ref = refOf(workspace, found);
  const displayFile = displayFileOf(workspace);
  const dependencies = phase.dependsOn.map((dependency) => {
    const target = workspace.index.resolve(dependency, source.plan.file);
    const base = { id: dependency.id, name: phaseName({ id: dependency.id, kind: dependency.key.slice(0, dependency.key.indexOf(':')) as Phase['kind'] }), resolved: target !== undefined };
    if (!target) return base;
    return { ...base, status: target.phase.status, title: target.phase.title, file: displayFile(target.plan.file), line: target.phase.line };
  });
  return {
    ...summaryOf(source, phase),
    planTitle: source.plan.title,
    tasks: taskRows(phase),
    criteria: criteriaRows(found),
    dependencies,
    ready: workspace.index.readiness(ref).ready,
    subPhases: phase.children.map((child) => summaryOf(source, child)),
    prompt: phasePrompt(promptInputOf(workspace.index, source.plan, phase, displayFile)),
  };
}

export function getPhase(workspace: PlanWorkspace, query: PhaseQuery): Outcome<PhaseDetails> {
  const found = findPhase(workspace, query);
  return found.ok ? ok(phaseDetails(workspace, found.value)) : found;
}

export type NextReadyResult = { ready: true; phase: PhaseDetails; alsoReady: PhaseSummary[] } | { ready: false; reason: 'no-phases' | 'all-done' | 'nothing-ready'; message: string };

/**
 * The phase to take on next: the first planned phase, in dependency order, whose dependencies are
 * all done (the same choice as "Start Next Ready Phase"); or why there is none.
 */
export function nextReady(workspace: PlanWorkspace, file?: string): Outcome<NextReadyResult> {
  let within: (ref: PhaseRef) => boolean = () => true;
  let where = 'in the workspace';
  if (file !== undefined) {
    const found = findSources(workspace, file);
    if (!found.ok) return found;
    const plans = new Set(found.value.map((source) => source.plan));
    within = (ref) => plans.has(ref.plan);
    where = `in ${found.value.map((source) => source.file).join(', ')}`;
  }
  const result = nextReadyPhase(workspace.index, within);
  if (result.kind === 'none') return ok({ ready: false, reason: result.reason, message: describeNoneReady(result, where) });
  const sourceOf = (ref: PhaseRef) => workspace.sources.find((source) => source.plan === ref.plan)!;
  return ok({
    ready: true,
    phase: phaseDetails(workspace, { source: sourceOf(result.phase), phase: result.phase.phase }),
    alsoReady: result.alsoReady.map((ref) => summaryOf(sourceOf(ref), ref.phase)),
  });
}
