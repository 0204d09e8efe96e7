import type { PhaseRef, WorkspaceIndex } from '../graph';
import { parseIdToken, type ParsedId } from '../ids';
import { referenceTextFor } from '../edits/references';
import type { Phase, TextEdit } from '../model';
import { phaseName } from '../phases';
import { referencesTo } from './mentions';

export type RenameResult = { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; reason: string };

/**
 * Renames a phase id: its heading and every dependency on it, in every plan, each written in
 * the author's own spelling ("Phase 2A" → "Phase 2E", "P3" → "P7", "2A+2B" → "2E+2B").
 * Refuses an id of another kind, or one that is already taken where a reference would then
 * resolve to a different phase.
 */
export function renamePhase(index: WorkspaceIndex, target: PhaseRef, newIdText: string, lineOf: (file: string, line: number) => string | undefined): RenameResult {
  const parsed = parseIdToken(newIdText.trim()) ?? parseIdToken(`${kindWord(target.phase)} ${newIdText.trim()}`);
  if (!parsed) return { ok: false, reason: `"${newIdText}" is not a phase id: write it like ${phaseName(target.phase)}` };
  if (parsed.kind !== target.phase.kind) return { ok: false, reason: `${phaseName(target.phase)} can only be renamed to another ${target.phase.kind} id, not "${newIdText}"` };
  if (parsed.key === target.phase.key) return { ok: false, reason: `${phaseName(target.phase)} already has that id` };

  const references = referencesTo(index, target);
  const files = new Set([target.plan.file, ...references.map((reference) => reference.file)]);
  for (const file of files) {
    const clash = index.lookup(parsed.key, file).find((candidate) => candidate.plan.file === file);
    if (clash) return { ok: false, reason: `${phaseName(clash.phase)} already exists in ${file} (line ${clash.phase.line})` };
  }

  const renamed: Pick<Phase, 'id' | 'key' | 'kind'> = { id: idFor(parsed, target.phase), key: parsed.key, kind: parsed.kind };
  const edits = new Map<string, TextEdit[]>();
  const add = (file: string, edit: TextEdit) => edits.set(file, [...(edits.get(file) ?? []), edit]);

  const heading = target.phase.idRange;
  const headingLine = lineOf(target.plan.file, heading.line);
  if (headingLine === undefined) return { ok: false, reason: `cannot read ${target.plan.file}` };
  add(target.plan.file, { range: heading, newText: referenceTextFor(headingLine.slice(heading.column, heading.endColumn), renamed as Phase) });
  for (const reference of references) {
    const line = lineOf(reference.file, reference.range.line);
    if (line === undefined) continue;
    add(reference.file, { range: reference.range, newText: referenceTextFor(line.slice(reference.range.column, reference.range.endColumn), renamed as Phase) });
  }
  return { ok: true, edits };
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

