import type { Phase } from '../model';

/**
 * Which lines an edit addressed to a phase may touch. The parser joins every section that names
 * the phase (a criteria section further down, a second heading with the same id), but two headings
 * that both start with the id are two pieces of work as far as the author is concerned: "check all
 * tasks" or Start on one must not reach into the other. So when the phase has a second such
 * section, edits stay in its first section (plus the sections that only hold its criteria).
 */
export function editableLines(phase: Phase): (line: number) => boolean {
  const sections = phase.sections ?? [];
  const [first, ...rest] = sections;
  if (!first || !rest.some((section) => !section.criteriaOnly)) return () => true;
  const allowed = [first, ...rest.filter((section) => section.criteriaOnly)];
  return (line) => allowed.some((section) => line >= section.line && line <= section.endLine);
}
