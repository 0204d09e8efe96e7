import { checksLabel, type ChecksTally, type Phase, phaseName, phaseProgress, progressLabel, statusText } from '../../core/api';

/**
 * What the lenses above one phase heading say, as plain data (no `vscode` here, so it is
 * unit-tested in Node): the action for its status, its progress, and one lens per unfinished
 * dependency.
 */
export type LensAction = 'start' | 'complete' | 'reopen';

export interface WaitingDependency {
  phase: Pick<Phase, 'id' | 'kind' | 'title' | 'status'>;
  /** The dependency's file name when it stands in another file than the phase. */
  otherFile?: string;
}

export type LensItem =
  | { kind: 'action'; action: LensAction; title: string; tooltip: string }
  | { kind: 'progress'; title: string; tooltip: string }
  | { kind: 'waiting'; dependency: number; title: string; tooltip: string };

export function actionFor(status: Phase['status']): LensAction {
  return status === 'in-progress' ? 'complete' : status === 'done' ? 'reopen' : 'start';
}

const ACTION_TITLES: Readonly<Record<LensAction, string>> = {
  start: '▶ Start phase',
  complete: '✓ Complete phase',
  reopen: '↺ Reopen',
};

/** `checks`: the phase's verify commands against their last run (`criteria 3/4 · checks 2/3`). */
export function phaseLensItems(phase: Phase, waitingOn: readonly WaitingDependency[], checks?: ChecksTally): LensItem[] {
  const name = phaseName(phase);
  const action = actionFor(phase.status);
  const tooltips: Record<LensAction, string> = {
    start: `Mark ${name} in progress and run the launch command`,
    complete: `Mark ${name} done`,
    reopen: `Mark ${name} as not done yet`,
  };
  const items: LensItem[] = [{ kind: 'action', action, title: ACTION_TITLES[action], tooltip: tooltips[action] }];

  const progress = phaseProgress(phase);
  const checksText = checks ? checksLabel(checks) : '';
  const label = [progressLabel(progress), checksText].filter(Boolean).join(' · ');
  if (label) {
    const parts: string[] = [];
    if (progress.tasksTotal > 0) parts.push(`${progress.tasksDone} of ${progress.tasksTotal} tasks done`);
    if (progress.criteriaChecklist > 0) parts.push(`${progress.criteriaMet} of ${progress.criteriaChecklist} checkbox criteria met`);
    if (progress.criteriaTotal > progress.criteriaChecklist) parts.push(`${progress.criteriaTotal - progress.criteriaChecklist} criteria without a checkbox`);
    if (checks && checks.total > 0) {
      parts.push(checks.ran ? `${checks.passed} of ${checks.total} verify commands passed when last run` : `${checks.total} verify ${checks.total === 1 ? 'command' : 'commands'}, not run yet`);
    }
    items.push({ kind: 'progress', title: label, tooltip: parts.join(' · ') });
  }

  // A done phase no longer waits on anything, whatever its dependencies say now. The clock is a
  // codicon, not the ⏳ emoji: it follows the theme and needs no emoji font.
  if (phase.status !== 'done') {
    waitingOn.forEach(({ phase: dependency, otherFile }, index) => {
      const dependencyName = phaseName(dependency);
      const title = `$(watch) waiting on ${dependencyName}${otherFile ? ` (${otherFile})` : ''}`;
      const described = dependency.title ? `${dependencyName}: ${dependency.title}` : dependencyName;
      items.push({ kind: 'waiting', dependency: index, title, tooltip: `${described} is ${statusText(dependency.status)}. Go to its heading` });
    });
  }
  return items;
}
