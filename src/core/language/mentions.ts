import type { PhaseRef, WorkspaceIndex } from '../graph';
import { parseIdToken, PHASE_NUMBER } from '../ids';
import { UNIT_WORD } from '../vocabulary';
import type { DependencyRef, Plan, Range } from '../model';
import { allPhases } from '../phases';

/**
 * What stands at a position of a plan, as far as phases go: the id in a phase heading, a
 * reference in a dependency field, or a phase id in prose ("needs 2B") that names a known phase.
 */
export type PhaseMention =
  | { kind: 'heading'; range: Range; target: PhaseRef }
  | { kind: 'dependency'; range: Range; from: PhaseRef; reference: DependencyRef; target: PhaseRef | undefined }
  | { kind: 'prose'; range: Range; key: string; text: string; target: PhaseRef };

/** Every place a phase writes this dependency: the reference and its repeats. */
const spellingsOf = (reference: DependencyRef): Range[] => [reference.range, ...(reference.repeats ?? [])];

const within = (range: Range, line: number, column: number) =>
  line >= range.line && line <= range.endLine && (line > range.line || column >= range.column) && (line < range.endLine || column <= range.endColumn);

/** Word ids ("Phase 2B", "Milestone 3"), short ids ("P3.1", "M1") and lettered ids ("2B") in running text. */
const PROSE_ID = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${UNIT_WORD})\s+${PHASE_NUMBER}|P${PHASE_NUMBER}|M\d{1,4}|\d{1,4}[A-Z](?:\.\d{1,4})*)(?![\w.])`,
  'giu',
);

/** `line` is 1-based, `column` 0-based, as everywhere in the core. */
export function mentionAt(index: WorkspaceIndex, plan: Plan, lineText: string, line: number, column: number): PhaseMention | undefined {
  const phases = allPhases(plan);
  const refOf = (phase: (typeof phases)[number]) => index.lookup(phase.key, plan.file).find((candidate) => candidate.phase === phase);
  for (const phase of phases) {
    if (within(phase.idRange, line, column)) {
      const target = refOf(phase);
      if (target) return { kind: 'heading', range: phase.idRange, target };
    }
    for (const reference of phase.dependsOn) {
      const written = spellingsOf(reference).find((range) => within(range, line, column));
      if (written) {
        const from = refOf(phase);
        if (from) return { kind: 'dependency', range: written, from, reference, target: index.resolve(reference, plan.file) };
      }
    }
  }
  for (const match of lineText.matchAll(PROSE_ID)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (column < start || column > end) continue;
    const parsed = parseIdToken(match[0]);
    const target = parsed ? index.lookup(parsed.key, plan.file)[0] : undefined;
    if (parsed && target) return { kind: 'prose', range: { line, column: start, endLine: line, endColumn: end }, key: parsed.key, text: match[0], target };
  }
  return undefined;
}

/** Every place in the workspace that depends on `target`, in workspace order: each spelling, where a phase names it twice. */
export function referencesTo(index: WorkspaceIndex, target: PhaseRef): { file: string; range: Range; from: PhaseRef; reference: DependencyRef }[] {
  return index
    .dependentsOf(target)
    .flatMap((edge) => spellingsOf(edge.ref).map((range) => ({ file: edge.from.plan.file, range, from: edge.from, reference: edge.ref })));
}
