import type { Phase, PhaseStatus, Plan, StatusField, TextEdit } from '../model';
import { headingStatusEdits, plansStatusInHeadings } from './headingStatus';
import { findLooseStatus } from './looseStatus';
import { checkboxStatusEdits } from './notationStatus';
import { editableLines } from './section';
import { eolAfterLine, splitLines } from './text';
import { headingEndLine } from '../text/markdownLines';

/** The words PhaseLens writes for each status. */
export const STATUS_WORDS: Readonly<Record<PhaseStatus, string>> = {
  planned: 'Planned',
  'in-progress': 'In Progress',
  done: 'Complete',
  blocked: 'Blocked',
};

/** The emoji convention, used only where the plan already puts an emoji before its status. */
const STATUS_EMOJI: Readonly<Record<PhaseStatus, string>> = {
  planned: '📋',
  'in-progress': '🚧',
  done: '✅',
  blocked: '⛔',
};
/** Emoji that already say "planned"; kept rather than swapped for 📋. */
const PLANNED_EMOJI = new Set(['📋', '⏳', '🗓️', '🗓', '⬜', '🔲']);

const EMOJI_RUN = /^(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]\s*)+/u;
const EMPHASIS_OPEN = /^(\*\*|__|\*|_)/;
/** Where a status phrase ends when it is not wrapped in emphasis: "Complete (2024-05-01)". */
const PHRASE_END = /\s+[-–—|]\s|\s*[(,;:[]/;

interface ValueParts {
  /** Columns, relative to the start of the value, of the emoji prefix (empty when none). */
  emojiStart: number;
  emojiEnd: number;
  /** The status phrase to replace. */
  coreStart: number;
  coreEnd: number;
}

/**
 * Splits a status value into an emoji prefix and the status phrase:
 * `✅ **Complete** (May 1)` → emoji `✅`, phrase `Complete`. Mojibake runs that start the value
 * (`âœ… Complete`) count as its emoji.
 */
function splitValue(value: string, garbledPrefixLength: number): ValueParts {
  const lead = /^\s*/.exec(value)![0].length;
  let position = lead;
  let emojiStart = lead;
  let emojiEnd = lead;
  const takeEmoji = () => {
    const length = position === lead && garbledPrefixLength > 0 ? garbledPrefixLength : (EMOJI_RUN.exec(value.slice(position))?.[0].length ?? 0);
    if (length === 0) return;
    emojiStart = position;
    emojiEnd = position + value.slice(position, position + length).trimEnd().length;
    position += length;
    position += /^\s*/.exec(value.slice(position))![0].length;
  };

  takeEmoji();
  const open = EMPHASIS_OPEN.exec(value.slice(position));
  if (open) {
    const marker = open[1]!;
    const close = value.indexOf(marker, position + marker.length);
    if (close > position + marker.length) {
      position += marker.length;
      if (emojiEnd === emojiStart) takeEmoji();
      const inner = value.slice(position, close);
      return { emojiStart, emojiEnd, coreStart: position, coreEnd: position + inner.trimEnd().length };
    }
  }
  const rest = value.slice(position);
  const end = PHRASE_END.exec(rest);
  const phrase = end ? rest.slice(0, end.index) : rest;
  return { emojiStart, emojiEnd, coreStart: position, coreEnd: position + phrase.trimEnd().length };
}

/** Writes `word` in the case the old phrase used: `COMPLETE`, `complete` or `Complete`. */
function inCaseOf(old: string, word: string): string {
  const letters = old.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return word.toUpperCase();
  if (letters.length >= 2 && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return word.toLowerCase();
  return word;
}

function emojiFor(status: PhaseStatus, oldEmoji: string): string {
  if (status === 'planned' && PLANNED_EMOJI.has(oldEmoji.trim())) return oldEmoji.trim();
  return STATUS_EMOJI[status];
}

/**
 * Sets a phase's status in the text. An existing `Status:` field keeps its label, emphasis,
 * emoji habit and any note after the phrase; only the status phrase (and its emoji) changes:
 * `**Status**: ✅ **Complete**` → `**Status**: 🚧 **In Progress**`. A value that says nothing
 * about the phase's own work ("All Planning Complete") is kept after the new status. A plan that
 * keeps status in its headings ("## Phase 2 ✅") gets the heading mark swapped instead. Otherwise a
 * field is inserted under the heading in the style of the plan's other status fields.
 */
export function setStatusEdits(plan: Plan, phase: Phase, status: PhaseStatus, text: string): TextEdit[] {
  const lines = splitLines(text);
  const editable = editableLines(phase);
  const field = phase.statusField;
  if (field?.valueRange && lines[field.line - 1] !== undefined && editable(field.line)) return rewriteField(plan, field, status, lines);
  const viaCheckbox = checkboxStatusEdits(phase, status, lines);
  if (viaCheckbox) return viaCheckbox;
  if (!Number.isFinite(phase.line) || lines.length === 0) return [];
  const firstSection = phase.sections?.[0] ?? { line: phase.line, endLine: phase.endLine };
  const loose = findLooseStatus(lines, phase.line + 1, firstSection.endLine);
  if (loose) return rewriteField(plan, loose, status, lines);
  if (phase.notation === 'list-item') {
    const viaItem = listItemFieldEdits(phase, newFieldText(plan, lines, status), lines, text);
    if (viaItem) return viaItem;
  }
  if (phase.statusSource === 'heading' || plansStatusInHeadings(plan)) {
    const viaHeading = headingStatusEdits(phase, status, lines);
    if (viaHeading) return viaHeading;
  }
  const edits = insertField(plan, phase, status, lines, text);
  // A heading mark that says otherwise would contradict the new field; it goes.
  if (phase.statusSource === 'heading') edits.push(...(headingStatusEdits(phase, 'planned', lines) ?? []));
  return edits;
}

function rewriteField(plan: Plan, field: StatusField, status: PhaseStatus, lines: readonly string[]): TextEdit[] {
  const line = lines[field.line - 1]!;
  const valueStart = Math.min(field.valueRange.column, line.length);
  const valueEnd = field.valueRange.endLine === field.line ? Math.min(Math.max(field.valueRange.endColumn, valueStart), line.length) : line.length;
  const value = line.slice(valueStart, valueEnd);
  const garbled = plan.mojibake.find((run) => run.range?.line === field.line && run.range.column === valueStart + /^\s*/.exec(value)![0].length);
  const parts = splitValue(value, garbled ? garbled.range.endColumn - garbled.range.column : 0);
  const hasEmoji = parts.emojiEnd > parts.emojiStart;
  const at = (from: number, to: number) => ({ line: field.line, column: valueStart + from, endLine: field.line, endColumn: valueStart + to });

  // Already says so, in the author's own words ("⏳ Pending" is planned): nothing to change.
  if (field.status === status) return [];

  if (field.status === undefined) {
    // The value describes another activity; keep it and put the phase's own status first.
    const lead = /^\s*/.exec(value)![0].length;
    const word = STATUS_WORDS[status];
    const prefix = hasEmoji ? `${STATUS_EMOJI[status]} ${word}` : word;
    return [{ range: at(lead, lead), newText: `${prefix} — ` }];
  }

  const edits: TextEdit[] = [];
  if (hasEmoji) {
    const oldEmoji = value.slice(parts.emojiStart, parts.emojiEnd);
    const newEmoji = emojiFor(status, oldEmoji);
    if (newEmoji !== oldEmoji) edits.push({ range: at(parts.emojiStart, parts.emojiEnd), newText: newEmoji });
  }
  const oldPhrase = value.slice(parts.coreStart, parts.coreEnd);
  // An emoji-only status ("✅") stays emoji-only.
  if (oldPhrase === '' && hasEmoji) return edits;
  const newPhrase = inCaseOf(oldPhrase, STATUS_WORDS[status]);
  if (newPhrase !== oldPhrase) edits.push({ range: at(parts.coreStart, parts.coreEnd), newText: newPhrase });
  return edits;
}

/** A line that reads as a `Label: value` field: new fields join such a block. */
const FIELD_LINE = /^\s*(?:[-*+]\s+)?(?:(?:\*\*|__)[^*_]{1,40}?(?:\*\*|__)\s*:|(?:\*\*|__)[^*_]{1,40}?:(?:\*\*|__)|[A-Z][\p{L} ]{1,30}:\s)/u;

function insertField(plan: Plan, phase: Phase, status: PhaseStatus, lines: readonly string[], text: string): TextEdit[] {
  const fieldText = newFieldText(plan, lines, status);
  const headingLine = Math.min(Math.max(phase.line, 1), lines.length);
  const headingEnd = headingEndLine(lines, headingLine);

  const sectionEnd = Math.max(phase.endLine, headingEnd);
  let firstContent = headingEnd + 1;
  while (firstContent <= sectionEnd && firstContent <= lines.length && lines[firstContent - 1]!.trim() === '') firstContent++;
  const contentLine = lines[firstContent - 1];
  const contentInSection = firstContent <= sectionEnd && contentLine !== undefined;

  if (contentInSection && FIELD_LINE.test(contentLine) && !/^ {0,3}#/.test(contentLine)) {
    // Join the heading's block of fields, above the first one; the new line follows the one above it.
    return [{ range: { line: firstContent, column: 0, endLine: firstContent, endColumn: 0 }, newText: fieldText + eolAfterLine(text, firstContent - 1) }];
  }
  const eol = eolAfterLine(text, headingEnd);
  const endOfHeading = { line: headingEnd, column: lines[headingEnd - 1]!.length, endLine: headingEnd, endColumn: lines[headingEnd - 1]!.length };
  const nextIsBlank = headingEnd >= lines.length || lines[headingEnd]!.trim() === '';
  return [{ range: endOfHeading, newText: nextIsBlank ? eol + eol + fieldText : eol + fieldText + eol }];
}

/** A list item's marker and checkbox: what its own text is indented past. */
const ITEM_LEAD = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX~-]\][ \t]+)?/;

/**
 * A phase written as a list item with no box and no field gets its status as the item's first
 * nested item (`   - **Status**: In Progress`), below the item's own lines. A line at the
 * heading's place would end the list, or join the item's sentence and not be read at all.
 */
function listItemFieldEdits(phase: Phase, fieldText: string, lines: readonly string[], text: string): TextEdit[] | undefined {
  const first = lines[phase.line - 1];
  const lead = first === undefined ? undefined : ITEM_LEAD.exec(first);
  if (!lead) return undefined;
  const indent = ' '.repeat(/^[ \t]*(?:[-*+]|\d{1,9}[.)])/.exec(first!)![0].length + 1);
  let last = phase.line;
  while (last < lines.length && lines[last]!.trim() !== '' && !ITEM_LEAD.test(lines[last]!) && !/^\s*(?:#|```|~~~|\|)/.test(lines[last]!)) last++;
  const end = lines[last - 1]!.length;
  return [{ range: { line: last, column: end, endLine: last, endColumn: end }, newText: `${eolAfterLine(text, last)}${indent}- ${fieldText}` }];
}

/** `**Status**: In Progress`, or the label and emoji habit of the plan's other status fields. */
function newFieldText(plan: Plan, lines: readonly string[], status: PhaseStatus): string {
  const model = modelField(plan, lines);
  const word = STATUS_WORDS[status];
  if (!model) return `**Status**: ${word}`;
  const line = lines[model.line - 1]!;
  const label = line.slice(0, Math.min(model.valueRange.column, line.length)).trimStart();
  const usesEmoji = EMOJI_RUN.test((model.rawValue ?? '').trimStart()) || plan.mojibake.some((run) => run.range?.line === model.line && run.range.column >= model.valueRange.column && run.range.column <= model.valueRange.column + 1);
  const emphasis = /^\s*(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]\s*)*(\*\*|__)/u.exec(model.rawValue ?? '')?.[1] ?? '';
  const labelText = /\s$/.test(label) || label === '' ? label : `${label} `;
  return `${labelText || '**Status**: '}${usesEmoji ? `${STATUS_EMOJI[status]} ` : ''}${emphasis}${word}${emphasis}`;
}

/** Per plan (and the lines it is written into), the first status field a new one copies its style from: asked once per fix. */
const modelFields = new WeakMap<Plan, { lines: readonly string[]; model: StatusField | undefined }>();

function modelField(plan: Plan, lines: readonly string[]): StatusField | undefined {
  const known = modelFields.get(plan);
  if (known?.lines === lines) return known.model;
  const model = allPhaseFields(plan).find((field) => field.valueRange && lines[field.line - 1] !== undefined);
  modelFields.set(plan, { lines, model });
  return model;
}

function allPhaseFields(plan: Plan): StatusField[] {
  const fields: StatusField[] = [];
  const visit = (phases: readonly Phase[]) => {
    for (const phase of phases) {
      if (phase.statusField) fields.push(phase.statusField);
      visit(phase.children);
    }
  };
  visit(plan.phases);
  return fields;
}
