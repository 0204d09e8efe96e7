import { removeReferenceEdits, writtenReference } from '../../edits/references';
import type { DependencyEdge, PhaseRef } from '../../graph';
import { baseName } from '../../fileName';
import { capitalizedPhaseName, phaseName } from '../../phases';
import type { Rule } from '../types';
import { workspaceFor } from '../workspaceByFile';

/** A member in the cycle's path, named as everywhere else ("Phase 2C"), with its file when that is not the one being linted. */
function pathStep(member: PhaseRef, file: string): string {
  const name = phaseName(member.phase);
  return member.plan.file === file ? name : `${name} (${baseName(member.plan.file)})`;
}

function isLater(a: DependencyEdge, b: DependencyEdge): boolean {
  const [x, y] = [a.ref.range ?? { line: a.ref.line, column: 0 }, b.ref.range ?? { line: b.ref.line, column: 0 }];
  return x.line > y.line || (x.line === y.line && x.column > y.column);
}

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  description: 'Phases depend on each other in a circle, so none of them can start first',
  defaultSeverity: 'error',
  tags: ['dependencies'],
  check({ plan, text, lines, workspace, report }) {
    for (const cycle of workspaceFor(workspace, plan.file).cycles) {
      // Reported once in each file the cycle touches, at the reference written last there:
      // the one that closed the circle as the author read down the file.
      let closing: { edge: DependencyEdge; index: number } | undefined;
      cycle.edges.forEach((edge, index) => {
        if (edge.from.plan.file !== plan.file) return;
        if (!closing || isLater(edge, closing.edge)) closing = { edge, index };
      });
      if (!closing) continue;

      const { edge, index } = closing;
      const count = cycle.members.length;
      const path = Array.from({ length: count + 1 }, (_, step) => pathStep(cycle.members[(index + step) % count]!, plan.file));
      const removal = removeReferenceEdits(edge.ref, text, lines);
      report({
        range: edge.ref.range,
        message: `${capitalizedPhaseName(edge.from.phase)} is part of a dependency cycle: ${path.join(' → ')}; remove one of these dependencies`,
        phase: edge.from.phase,
        related: cycle.edges
          .filter((other) => other !== edge)
          .map((other) => ({
            file: other.from.plan.file,
            range: other.ref.range,
            message: `${capitalizedPhaseName(other.from.phase)} depends on ${phaseName(other.to.phase)}`,
          })),
        fixes: removal.length > 0 ? [{ title: `Remove the dependency on "${writtenReference(edge.ref, lines)}"`, edits: removal }] : [],
      });
    }
  },
};
