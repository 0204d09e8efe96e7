import type { Phase, Plan } from '../model';
import { scanOutline, type OutlineHeading } from './outlineScan';
import { countLines } from '../edits/text';
import { planEol } from '../parse/parsePlan';

/**
 * A provisional plan from the line pre-pass (`scanOutline`): the heading phases with the ids,
 * titles, lines and nesting the parser gives them, and nothing the parse alone can tell: no
 * tasks, criteria or dependencies, and a status only where the heading states one. The store
 * shows it while the full parse is on its way and never caches, lints or hands it to the tools.
 */
export function outlinePlan(text: string, file: string): Plan {
  const outline = scanOutline(text, file);
  const phases: Phase[] = [];
  const made: Phase[] = [];
  for (const heading of outline.phases) {
    const parent = heading.parent === undefined ? undefined : made[heading.parent];
    const phase = phaseOf(heading, parent);
    made.push(phase);
    (parent ? parent.children : phases).push(phase);
  }
  return { file, title: outline.title, phases, successCriteria: [], lineCount: countLines(text), eol: planEol(text), mojibake: [] };
}

function phaseOf(heading: OutlineHeading, parent: Phase | undefined): Phase {
  return {
    id: heading.id,
    key: heading.key,
    kind: heading.kind,
    title: heading.title,
    heading: heading.heading,
    line: heading.line,
    endLine: heading.endLine,
    level: heading.depth,
    idRange: heading.idRange,
    sections: [{ line: heading.line, endLine: heading.endLine, level: heading.depth, title: heading.title, idLeads: heading.idLeads, criteriaOnly: false }],
    status: heading.status ?? 'planned',
    statusSource: heading.status ? 'heading' : 'default',
    tasks: [],
    successCriteria: [],
    dependsOn: [],
    children: [],
    ...(parent ? { parentId: parent.id } : {}),
    empty: false,
  };
}
