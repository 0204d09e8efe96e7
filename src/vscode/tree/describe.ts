import { type Criterion, displayFileName, flattenTasks, type Phase, phaseName, referenceName, taskCounts } from '../../core/api';
import type { CriteriaNode, DependenciesNode, DependencyNode, DisplayStatus, PhaseNode, PhaseSummary, TaskNode } from './nodes';
import { statusStyle, statusTitle } from './statusStyle';

/**
 * The words the tree, its tooltips and the status bar show. Plain strings (tooltips are
 * markdown with `$(icon)` syntax), so every message is unit-tested without an editor.
 */

export interface Progress {
  done: number;
  total: number;
}

/** "Phase 2B: SQL File Execution"; just the name when the heading has no title. */
export function phaseLabel(phase: Pick<Phase, 'id' | 'kind' | 'title'>): string {
  const name = phaseName(phase);
  const title = phase.title.trim();
  return title ? `${name}: ${title}` : name;
}

/**
 * Tasks checked off, subtasks included; a sub-phase's tasks are its own. Counted as the
 * CodeLens and the status derivation count them, so every view gives one phase one number.
 */
export function taskProgress(phase: Pick<Phase, 'tasks'>): Progress {
  return taskCounts(phase.tasks);
}

/** Direct sub-phases that are done: how far a parent is whose work sits in its sub-phases. */
export function subPhaseProgress(phase: Pick<Phase, 'children'>): Progress {
  return { done: phase.children.filter((child) => child.status === 'done').length, total: phase.children.length };
}

export function formatProgress(progress: Progress): string {
  return `${progress.done}/${progress.total}`;
}

const WAITING_NAMES_SHOWN = 2;

/** "waiting on Phase 2B", "waiting on P1.1, Stage 2 +1": phases named as every PhaseLens message names them. */
export function waitingText(waitingOn: readonly PhaseSummary[]): string {
  if (waitingOn.length === 0) return '';
  const names = waitingOn.slice(0, WAITING_NAMES_SHOWN).map((summary) => phaseName(summary.phase));
  const more = waitingOn.length - WAITING_NAMES_SHOWN;
  return `waiting on ${names.join(', ')}${more > 0 ? ` +${more}` : ''}`;
}

/** The counts a phase shows: `3/7` for its tasks, `sub-phases 1/2` for a parent. */
function progressParts(phase: Phase): string[] {
  const parts: string[] = [];
  const tasks = taskProgress(phase);
  if (tasks.total > 0) parts.push(formatProgress(tasks));
  const children = subPhaseProgress(phase);
  if (children.total > 0) parts.push(`sub-phases ${formatProgress(children)}`);
  return parts;
}

/** `3/7 · waiting on Phase 2B`: progress, what the phase still waits for unless it is done, and where its progress is read when not here. */
export function phaseDescription(node: Pick<PhaseNode, 'phase' | 'status' | 'waitingOn' | 'progressFrom'>): string {
  const parts = progressParts(node.phase);
  if (node.phase.status !== 'done' && node.waitingOn.length > 0) parts.push(waitingText(node.waitingOn));
  if (node.progressFrom) parts.push(`from ${node.progressFrom}`);
  return parts.join(' · ');
}

export interface CriteriaProgress {
  /** Checkbox criteria that are checked. */
  met: number;
  /** Criteria written as checkboxes. */
  checkable: number;
  total: number;
}

export function criteriaProgress(criteria: readonly Criterion[]): CriteriaProgress {
  let met = 0;
  let checkable = 0;
  for (const criterion of criteria) {
    if (criterion.done === undefined) continue;
    checkable++;
    if (criterion.done) met++;
  }
  return { met, checkable, total: criteria.length };
}

/** `2/4` when the criteria are checkboxes, otherwise how many there are; and where they come from. */
export function criteriaDescription(node: Pick<CriteriaNode, 'criteria' | 'inheritedFrom'>): string {
  const { met, checkable, total } = criteriaProgress(node.criteria);
  const count = checkable > 0 ? `${met}/${checkable}` : String(total);
  return node.inheritedFrom ? `${count} · from ${node.inheritedFrom}` : count;
}

export function dependenciesDescription(node: Pick<DependenciesNode, 'children'>): string {
  const unresolved = node.children.filter((child) => !child.resolved).length;
  const unfinished = node.children.filter((child) => child.resolved && child.resolved.phase.status !== 'done').length;
  const parts: string[] = [];
  if (unfinished > 0) parts.push(`${unfinished} unfinished`);
  if (unresolved > 0) parts.push(`${unresolved} not found`);
  return parts.length > 0 ? parts.join(' · ') : 'all done';
}

export function dependencyLabel(node: Pick<DependencyNode, 'ref' | 'resolved'>): string {
  return node.resolved ? phaseLabel(node.resolved.phase) : referenceName(node.ref);
}

/** The dependency's status, the file it lives in when that is another plan, or why it is missing. */
export function dependencyDescription(node: Pick<DependencyNode, 'ref' | 'resolved' | 'uri'>): string {
  if (!node.resolved) return node.ref.markedComplete ? 'not found · marked complete' : 'not found';
  const status = statusStyle(node.resolved.status).label;
  return node.resolved.uri === node.uri ? status : `${status} · ${displayFileName(node.resolved.uri)}`;
}

/** A task's description: how many of its subtasks are done. */
export function taskDescription(node: Pick<TaskNode, 'task'>): string {
  const subtasks = flattenTasks(node.task.children);
  if (subtasks.length === 0) return '';
  return `${subtasks.filter((task) => task.done).length}/${subtasks.length}`;
}

/** `$(play-circle) Phase 2B · 3/7` for the status bar. */
export function statusBarText(phase: Phase, status: DisplayStatus): string {
  const progress = taskProgress(phase);
  const text = progress.total > 0 ? `${phaseName(phase)} · ${formatProgress(progress)}` : phaseName(phase);
  return `$(${statusStyle(status).icon}) ${escapeIcons(text)}`;
}

const LISTED_ITEMS = 12;

/** The phase at a glance, as markdown with `$(icon)`s: status, progress, criteria, dependencies and where it is. */
export function phaseTooltip(node: Pick<PhaseNode, 'phase' | 'status' | 'waitingOn' | 'progressFrom'>, criteria: CriteriaNode | undefined, dependencies: DependenciesNode | undefined, location: string): string {
  const { phase, status } = node;
  const style = statusStyle(status);
  const lines: string[] = [`$(${style.icon}) **${escapeMarkdown(phaseLabel(phase))}**`, ''];
  const progress = taskProgress(phase);
  const children = subPhaseProgress(phase);
  const facts = [statusTitle(status)];
  if (progress.total > 0) facts.push(`${formatProgress(progress)} tasks`);
  if (children.total > 0) facts.push(`${formatProgress(children)} sub-phases done`);
  if (status !== 'done' && node.waitingOn.length > 0) facts.push(escapeMarkdown(waitingText(node.waitingOn)));
  lines.push(facts.join(' · '), '');
  if (node.progressFrom) lines.push(`$(git-branch) Progress read from the ${escapeMarkdown(node.progressFrom)}, where the phase runs; the plan here is the truth again once its branch is merged back.`, '');

  if (criteria && criteria.criteria.length > 0) {
    lines.push(`**Success criteria** ${escapeMarkdown(criteriaDescription(criteria))}`, '');
    lines.push(...listed(criteria.criteria, (criterion) => `${criterionIcon(criterion)} ${escapeMarkdown(criterion.text)}`), '');
  }
  if (dependencies && dependencies.children.length > 0) {
    lines.push('**Depends on**', '');
    lines.push(...listed(dependencies.children, (dependency) => dependencyLine(dependency)), '');
  }
  lines.push(escapeMarkdown(location));
  return lines.join('\n');
}

export function taskTooltip(node: Pick<TaskNode, 'task'>, location: string): string {
  const icon = node.task.done ? '$(pass-filled)' : '$(circle-large-outline)';
  const lines = [`${icon} ${escapeMarkdown(node.task.text)}`, ''];
  const progress = taskDescription(node);
  if (progress) lines.push(`Subtasks: ${progress}`, '');
  lines.push(escapeMarkdown(location));
  return lines.join('\n');
}

/** A checked criterion, an open checkbox, or a plain bullet criterion. */
export function criterionIconId(criterion: Criterion): string {
  if (criterion.done === undefined) return 'circle-small-filled';
  return criterion.done ? 'pass' : 'circle-large-outline';
}

export function criterionIcon(criterion: Criterion): string {
  return `$(${criterionIconId(criterion)})`;
}

function dependencyLine(dependency: DependencyNode): string {
  if (!dependency.resolved) return `$(warning) ${escapeMarkdown(referenceName(dependency.ref))}: not found`;
  const { icon } = statusStyle(dependency.resolved.status);
  return `$(${icon}) ${escapeMarkdown(dependencyLabel(dependency))}: ${escapeMarkdown(dependencyDescription(dependency))}`;
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const shown = items.slice(0, LISTED_ITEMS).map((item) => `- ${line(item)}`);
  if (items.length > LISTED_ITEMS) shown.push(`- … and ${items.length - LISTED_ITEMS} more`);
  return shown;
}

/** Plan text shown as markdown: no emphasis, links, html or `$(icon)` of its own. */
export function escapeMarkdown(text: string): string {
  // Icons first, as VS Code's own MarkdownString.appendText does: the backslash it adds is then escaped too.
  return escapeIcons(text.replace(/\r?\n/g, ' ')).replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** A `$(` in plan text stays text where labels render `$(icon)`. */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
