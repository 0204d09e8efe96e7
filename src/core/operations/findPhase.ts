import type { PhaseRef } from '../graph';
import { phaseMatcher } from '../findPhaseById';
import { allPhases, phaseName } from '../phases';
import type { Phase, Task } from '../model';
import { flattenTasks } from '../parse/deriveStatus';
import { fail, ok, type Outcome, type PhaseQuery, type PlanSource, type PlanWorkspace, type TaskSelector } from './types';

export interface FoundPhase {
  source: PlanSource;
  phase: Phase;
}

/** `docs/PLAN.md`, `PLAN.md` or `./docs/PLAN.md` all name `docs/PLAN.md`; separators either way. */
function normalizeFile(file: string): string {
  return file.trim().replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

/** The plans `file` names: the exact path, else those whose path ends with it at a folder boundary. */
export function findSources(workspace: PlanWorkspace, file: string): Outcome<PlanSource[]> {
  const wanted = normalizeFile(file);
  if (wanted === '') return fail('invalid-input', '`file` is empty.');
  const exact = workspace.sources.filter((source) => normalizeFile(source.file) === wanted);
  if (exact.length > 0) return ok(exact);
  const suffix = workspace.sources.filter((source) => normalizeFile(source.file).endsWith(`/${wanted}`));
  if (suffix.length === 1) return ok(suffix);
  if (suffix.length > 1) return fail('ambiguous-file', `"${file}" matches ${suffix.length} plans; give the path as list_phases shows it.`, { candidates: suffix.map((source) => source.file) });
  return fail('unknown-file', `No plan named "${file}". Plans: ${workspace.sources.map((source) => source.file).join(', ') || '(none)'}.`);
}

/**
 * The phase a query names. Within one file the first phase with that id wins (a duplicate id
 * there is the lint's business); the same id in two files is ambiguous unless `file` says which.
 */
export function findPhase(workspace: PlanWorkspace, query: PhaseQuery): Outcome<FoundPhase> {
  if (typeof query.phase !== 'string' || query.phase.trim() === '') return fail('invalid-input', '`phase` must be a phase id as written in the plan, e.g. "2A", "P5.2.1" or "Stage 1".');
  let sources = workspace.sources;
  if (query.file !== undefined) {
    const found = findSources(workspace, query.file);
    if (!found.ok) return found;
    sources = found.value;
  }
  const matches = phaseMatcher(query.phase);
  const found: FoundPhase[] = [];
  for (const source of sources) {
    const phase = allPhases(source.plan).find(matches);
    if (phase) found.push({ source, phase });
  }
  if (found.length === 1) return ok(found[0]!);
  if (found.length > 1) {
    return fail('ambiguous-phase', `"${query.phase}" names a phase in ${found.length} plans; say which with \`file\`.`, {
      candidates: found.map(({ source, phase }) => `${phaseName(phase)} in ${source.file} (line ${phase.line})`),
    });
  }
  const where = query.file === undefined ? 'in any plan' : `in ${sources.map((source) => source.file).join(', ')}`;
  return fail('unknown-phase', `No phase "${query.phase}" ${where}. Use list_phases to see the phase ids.`);
}

/** The workspace graph's node for a found phase (dependencies, readiness). */
export function refOf(workspace: PlanWorkspace, found: FoundPhase): PhaseRef {
  return workspace.index.order.find((ref) => ref.phase === found.phase) ?? { plan: found.source.plan, phase: found.phase };
}

export interface FoundTask {
  /** 1-based, within the phase's tasks and subtasks in document order. */
  index: number;
  task: Task;
}

/** A task by 1-based index or exact text (surrounding spaces aside); repeated text is ambiguous. */
export function findTask(phase: Phase, selector: TaskSelector): Outcome<FoundTask> {
  const tasks = flattenTasks(phase.tasks);
  const name = phaseName(phase);
  if (typeof selector === 'number') {
    if (!Number.isInteger(selector) || selector < 1 || selector > tasks.length) {
      return fail('unknown-task', tasks.length === 0 ? `${name} has no tasks.` : `${name} has tasks 1 to ${tasks.length}; there is no task ${selector}.`);
    }
    return ok({ index: selector, task: tasks[selector - 1]! });
  }
  if (typeof selector !== 'string' || selector.trim() === '') return fail('invalid-input', '`task` must be a 1-based task index or the exact text of a task.');
  const text = selector.trim();
  const hits = tasks.flatMap((task, i) => (task.text.trim() === text ? [{ index: i + 1, task }] : []));
  if (hits.length === 1) return ok(hits[0]!);
  // Models often send an index as a string; a task whose text is only digits still wins above.
  if (hits.length === 0 && /^\d+$/.test(text)) return findTask(phase, Number(text));
  if (hits.length > 1) return fail('ambiguous-task', `${hits.length} tasks of ${name} read "${text}"; give its index instead.`, { candidates: hits.map((hit) => `${hit.index}: ${hit.task.text}`) });
  return fail('unknown-task', `${name} has no task reading "${text}". Its tasks: ${tasks.map((task, i) => `${i + 1}. ${task.text}`).join('; ') || '(none)'}.`);
}
