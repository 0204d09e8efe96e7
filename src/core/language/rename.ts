import type { PhaseRef, WorkspaceIndex } from '../graph';
import { parseIdToken, type ParsedId } from '../ids';
import { referenceTextFor } from '../edits/references';
import type { Phase, TextEdit } from '../model';
import { phaseName } from '../phases';
import { referencesTo } from './mentions';

export type RenameResult = { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; reason: string };

export interface RenameOptions {
  /** How a file is named in a refusal (a workspace-relative path rather than a URI). */
  fileLabel?: (file: string) => string;
}

/**
 * Renames a phase id: its heading and every dependency on it, in every plan, each written in
 * the author's own spelling ("Phase 2A" → "Phase 2E", "P3" → "P7", "2A+2B" → "2E+2B").
 * Refuses an id of another kind, or one that is already taken where a reference would then
 * resolve to a different phase.
 */
export function renamePhase(
  index: WorkspaceIndex,
  target: PhaseRef,
  newIdText: string,
  lineOf: (file: string, line: number) => string | undefined,
  options: RenameOptions = {},
): RenameResult {
  const label = options.fileLabel ?? ((file: string) => file);
  const parsed = parseIdToken(newIdText.trim()) ?? parseIdToken(`${kindWord(target.phase)} ${newIdText.trim()}`);
  if (!parsed) return { ok: false, reason: `"${newIdText}" is not a phase id: write it like ${phaseName(target.phase)}` };
  if (parsed.kind !== target.phase.kind) return { ok: false, reason: `${phaseName(target.phase)} can only be renamed to another ${target.phase.kind} id, not "${newIdText}"` };
  if (parsed.key === target.phase.key) return { ok: false, reason: `${phaseName(target.phase)} already has that id` };

  const references = referencesTo(index, target);
  const clash = takenBy(index, target, parsed.key, references);
  if (clash) {
    const where = `${phaseName(clash.taken.phase)} already exists in ${label(clash.taken.plan.file)} (line ${clash.taken.phase.line})`;
    if (!clash.reference) return { ok: false, reason: where };
    const from = `${label(clash.reference.file)} (line ${clash.reference.line})`;
    return {
      ok: false,
      reason: clash.rebinds
        ? `${where}, and the reference to it in ${from} would then name ${phaseName(target.phase)} instead`
        : `${where}: the reference in ${from} would then name it instead of ${phaseName(target.phase)}`,
    };
  }

  const renamed: Pick<Phase, 'id' | 'key' | 'kind'> = { id: idFor(parsed, target.phase), key: parsed.key, kind: parsed.kind };
  const edits = new Map<string, TextEdit[]>();
  const add = (file: string, edit: TextEdit) => edits.set(file, [...(edits.get(file) ?? []), edit]);

  const heading = target.phase.idRange;
  const headingLine = lineOf(target.plan.file, heading.line);
  if (headingLine === undefined) return { ok: false, reason: `cannot read ${target.plan.file}` };
  add(target.plan.file, { range: heading, newText: referenceTextFor(headingLine.slice(heading.column, heading.endColumn), renamed as Phase) });
  for (const reference of references) {
    // "Depends on Setup" names the phase by its title, which a new id does not change.
    if (reference.reference.section === 'name') continue;
    const line = lineOf(reference.file, reference.range.line);
    if (line === undefined) continue;
    add(reference.file, { range: reference.range, newText: referenceTextFor(line.slice(reference.range.column, reference.range.endColumn), renamed as Phase) });
  }
  return { ok: true, edits };
}

interface Clash {
  taken: PhaseRef;
  /** The reference whose meaning would change, when the clash is not in the phase's own file. */
  reference?: { file: string; line: number };
  /** The reference names the existing phase today and would name the renamed one. */
  rebinds?: boolean;
}

/**
 * Whether `key` is taken where it matters. References resolve to their own file's phase first,
 * then to the first in workspace order, so after the rename:
 * - the phase's own file must not hold `key` already;
 * - a file that refers to the phase must not hold `key`, and no earlier plan may (it would win);
 * - a reference that names an existing `key` phase today must not start naming the renamed one.
 */
function takenBy(index: WorkspaceIndex, target: PhaseRef, key: string, references: ReturnType<typeof referencesTo>): Clash | undefined {
  const file = target.plan.file;
  const existing = index.lookup(key);
  const inOwnFile = existing.find((candidate) => candidate.plan.file === file);
  if (inOwnFile) return { taken: inOwnFile };
  const order = (plan: PhaseRef['plan']) => index.plans.indexOf(plan);
  const first = existing[0];
  const firstWins = first !== undefined && order(first.plan) < order(target.plan);
  for (const reference of references) {
    if (reference.file === file) continue;
    const taken = existing.find((candidate) => candidate.plan.file === reference.file) ?? (firstWins ? first : undefined);
    if (taken) return { taken, reference: { file: reference.file, line: reference.range.line } };
  }
  for (const edge of index.edges) {
    if (edge.to.phase.key !== key) continue;
    const fromFile = edge.from.plan.file;
    if (existing.some((candidate) => candidate.plan.file === fromFile)) continue;
    if (fromFile === file || order(target.plan) < order(edge.to.plan)) {
      return { taken: edge.to, reference: { file: fromFile, line: edge.ref.range.line }, rebinds: true };
    }
  }
  return undefined;
}

/** The new id in the form the phase's own id uses: "2E" for "2A", "P7" for "P3", "Stage 4" for "Stage 1". */
function idFor(parsed: ParsedId, phase: Phase): string {
  const number = parsed.key.slice(parsed.key.indexOf(':') + 1);
  const written = number.toUpperCase() === number.toLowerCase() ? number : parsed.id.replace(/^\D*?(?=\d)/, '');
  if (/^P\d/i.test(phase.id)) return `${phase.id[0]}${written}`;
  if (/^M\d/i.test(phase.id)) return `${phase.id[0]}${written}`;
  if (/^\d/.test(phase.id)) return written;
  return `${phase.id.replace(/\s*\S+$/, '')} ${written}`;
}

function kindWord(phase: Phase): string {
  return phase.kind === 'phase' ? 'Phase' : phase.kind;
}

