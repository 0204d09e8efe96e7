import { setStatusEdits, STATUS_WORDS } from '../../edits/status';
import { checkAllTasksEdits } from '../../edits/tasks';
import type { Phase, Range, Task } from '../../model';
import { allPhases, capitalizedPhaseName } from '../../phases';
import { headingTextRange } from '../headingRange';
import type { Fix, Rule } from '../types';

/** An open box the author has set aside: "(deferred)", "optional", "won't do", struck through. */
const WAIVED = /\b(?:deferred|postponed|won'?t (?:do|fix)|wontfix|skipped|cancell?ed|dropped|out of scope|not needed|optional|n\/a|moved to)\b|^~~.*~~$/i;

function countTasks(tasks: readonly Task[], counts = { total: 0, open: 0 }): { total: number; open: number } {
  for (const task of tasks) {
    if (task.done || !WAIVED.test((task.text ?? '').trim())) {
      counts.total++;
      if (!task.done) counts.open++;
    }
    countTasks(task.children ?? [], counts);
  }
  return counts;
}

/** Where the contradicting status is written: the field's value, or the heading. */
function statusRange(phase: Phase, lines: readonly string[]): Range {
  if (phase.statusSource === 'field' && phase.statusField) return phase.statusField.valueRange;
  return headingTextRange(lines, phase.line);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export const statusMismatch: Rule = {
  id: 'status-mismatch',
  description: "A phase's written status contradicts its task checkboxes",
  defaultSeverity: 'warning',
  tags: ['status'],
  check({ plan, text, lines, report }) {
    for (const phase of allPhases(plan)) {
      // A status read from the tasks cannot contradict them; only a written one can.
      if (phase.statusSource !== 'field' && phase.statusSource !== 'heading') continue;
      const { total, open } = countTasks(phase.tasks);
      if (total === 0) continue;
      const name = capitalizedPhaseName(phase);

      if (phase.status === 'done' && open > 0) {
        const fixes: Fix[] = [
          { title: `Check all tasks of ${name}`, edits: checkAllTasksEdits(phase) },
          { title: `Set the status of ${name} to ${STATUS_WORDS['in-progress']}`, edits: setStatusEdits(plan, phase, 'in-progress', text), safe: true },
        ];
        report({
          range: statusRange(phase, lines),
          message: `${name} is marked complete but ${open} of ${plural(total, 'task')} ${open === 1 ? 'is' : 'are'} still open; finish them or change the status`,
          phase,
          fixes,
        });
      } else if (open === 0 && phase.statusSource === 'field' && (phase.status === 'planned' || phase.status === 'in-progress')) {
        const written = phase.statusField?.rawValue?.replace(/[*_`]/g, '').trim() || STATUS_WORDS[phase.status];
        report({
          range: statusRange(phase, lines),
          message: `${name} has all ${plural(total, 'task')} done but its status says "${written}"; mark it complete`,
          phase,
          fixes: [{ title: `Mark ${name} complete`, edits: setStatusEdits(plan, phase, 'done', text), isPreferred: true, safe: true }],
        });
      }
    }
  },
};
