import type { PhaseRef, WorkspaceIndex } from '../graph';
import { readField } from '../parse/fields';
import { referenceTextFor } from '../edits/references';
import type { Phase, PhaseStatus, Plan } from '../model';
import { allPhases, phaseAtLine, phaseName } from '../phases';
import { UNIT_WORD } from '../vocabulary';

export interface IdCompletion {
  /** What is inserted: the id as the plan writes it ("2B", "P3.1", "Stage 1"). */
  insertText: string;
  label: string;
  detail: string;
  status: PhaseStatus;
  /** Phases of the same plan first, then in workspace order. */
  sortText: string;
  file: string;
  /** The phase offered, for its summary. */
  ref: PhaseRef;
}

/**
 * Phase ids to offer when the cursor stands in the value of a dependency field
 * (`**Dependencies**: P0, |`). Returns undefined elsewhere, so plain prose gets no noise.
 */
export function dependencyCompletions(index: WorkspaceIndex, plan: Plan, lineText: string, column: number): IdCompletion[] | undefined {
  const field = readField(lineText);
  if (!field || field.kind !== 'dependencies' || column < field.valueColumn) return undefined;
  const items: IdCompletion[] = [];
  const seen = new Set<string>();
  let order = 0;
  const plans = [plan, ...index.plans.filter((other) => other.file !== plan.file)];
  plans.forEach((candidate, planIndex) => {
    for (const phase of allPhases(candidate)) {
      if (seen.has(phase.key)) continue;
      const ref = index.lookup(phase.key, candidate.file).find((found) => found.phase === phase);
      if (!ref) continue;
      seen.add(phase.key);
      items.push({
        ref,
        insertText: phase.id,
        label: phaseName(phase),
        detail: `${phase.title}${phase.title ? ' · ' : ''}${phase.status}${planIndex === 0 ? '' : ` · ${candidate.title}`}`,
        status: phase.status,
        sortText: `${planIndex === 0 ? 0 : 1}${String(order++).padStart(6, '0')}`,
        file: candidate.file,
      });
    }
  });
  return items;
}

/** The id being typed in a dependency field: columns of the partial text (0-based, end exclusive). */
export interface TypedReference {
  /** Where the partial id starts. */
  start: number;
  /** The cursor. */
  column: number;
  /** Where the id under the cursor ends (the cursor, or further when it stands inside an id). */
  end: number;
  /** What is typed so far: `""`, `"7"`, `"P7"`, `"Phase 7"`, `"Sta"`. */
  text: string;
}

/** A kind word with its space ("Phase 7", "Stage "), or one run of id characters ("71", "P7", "Sta"). */
const KIND_WORD = String.raw`(?<![\p{L}\p{N}])(?:${UNIT_WORD})`;
const TYPED = new RegExp(String.raw`(?:${KIND_WORD}\s+)?[\w.-]*$`, 'iu');
/** The whole id from where the partial starts: `Stage 72` when the cursor stands after its `S`. */
const WHOLE_ID = new RegExp(String.raw`^(?:${KIND_WORD}\s+[\w.-]+|[\w.-]*)`, 'iu');

/** The partial id at `column` of a dependency field's value; undefined outside such a value. */
export function typedReferenceAt(lineText: string, column: number): TypedReference | undefined {
  const field = readField(lineText);
  if (!field || field.kind !== 'dependencies' || column < field.valueColumn || column > lineText.length) return undefined;
  const before = lineText.slice(field.valueColumn, column);
  const text = TYPED.exec(before)![0];
  const start = column - text.length;
  return { start, column, end: Math.max(column, start + WHOLE_ID.exec(lineText.slice(start))![0].length), text };
}

export interface DependencyCompletion extends IdCompletion {
  /** Fuzzy-matched against what is typed: the inserted text and the title, so "tok" finds "71A Tokenizer". */
  filterText: string;
}

/**
 * Completions at a cursor (`line` 1-based, `column` 0-based) in a dependency field: the phases
 * of the workspace except the one the field belongs to and those the line already names, each
 * spelled as the author is typing it ("P7" → "P71A", "Phase 7" → "Phase 71A", "" → the id as its
 * heading writes it).
 */
export function dependencyCompletionsAt(index: WorkspaceIndex, plan: Plan, lineText: string, line: number, column: number): { typed: TypedReference; items: DependencyCompletion[] } | undefined {
  const typed = typedReferenceAt(lineText, column);
  const items = typed && dependencyCompletions(index, plan, lineText, column);
  if (!typed || !items) return undefined;
  const own = phaseAtLine(plan, line);
  const listed = new Set(
    allPhases(plan)
      .flatMap((phase) => phase.dependsOn)
      .filter((ref) => ref.range.line === line && (column < ref.range.column || column > ref.range.endColumn))
      .map((ref) => ref.key),
  );
  return {
    typed,
    items: items
      .filter((item) => item.ref.phase.key !== own?.key && !listed.has(item.ref.phase.key))
      .map((item) => {
        const insertText = spellingFor(typed.text, item.ref.phase);
        return { ...item, insertText, filterText: item.ref.phase.title ? `${insertText} ${item.ref.phase.title}` : insertText };
      }),
  };
}

/** What you type is the beginning of what is inserted, whenever the phase allows it. */
function spellingFor(typed: string, phase: Phase): string {
  const lower = typed.toLowerCase();
  if (lower === '' || phase.id.toLowerCase().startsWith(lower)) return phase.id;
  const word = phase.kind === 'phase' ? 'phase' : phase.kind === 'milestone' ? 'milestone' : undefined;
  if (!word) return phase.id;
  if (/^[a-z]+$/.test(lower) && word.startsWith(lower)) return referenceTextFor(word[0]!.toUpperCase() + word.slice(1), phase);
  return referenceTextFor(typed, phase);
}
