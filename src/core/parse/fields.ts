/**
 * Labelled fields: `**Dependencies**: P0, P1`, `**Status:** ✅ Complete`, `Success Gate: …`,
 * `- **Depends on**: Phase 1`, `**Exit criteria (all must be satisfied)**`.
 * A field starts its line or list item with the label, bold or not, followed by a colon
 * (inside or outside the bold); a bold label with no colon counts when it is the whole line.
 */

import { rememberRecent } from '../text/recent';
import { CRITERIA_LABELS, DEPENDENCY_LABELS, STATUS_LABELS, UNIT_WORD } from '../vocabulary';

export type FieldKind = 'criteria' | 'dependencies' | 'status';

export interface Field {
  kind: FieldKind;
  /** The label as written, without markup. */
  label: string;
  /** The text after the label and colon (markup kept, trailing whitespace trimmed). */
  value: string;
  /** 0-based column where `value` starts in the line. */
  valueColumn: number;
}

/** Criteria labels that only a field may use: "**Target**: p95 < 200 ms" is a criterion, a "Target Users" heading is not. */
const FIELD_ONLY_CRITERIA = new Set(['targets?']);
const HEADING_CRITERIA_NAMES = CRITERIA_LABELS.filter((label) => !FIELD_ONLY_CRITERIA.has(label));

const LABELS: ReadonlyArray<[FieldKind, RegExp]> = [
  ['criteria', new RegExp(`^(?:${CRITERIA_LABELS.join('|')})$`, 'iu')],
  ['dependencies', new RegExp(`^(?:${DEPENDENCY_LABELS.join('|')})$`, 'iu')],
  ['status', new RegExp(`^(?:${STATUS_LABELS.join('|')})$`, 'iu')],
];

const ALL_NAMES = [...CRITERIA_LABELS, ...DEPENDENCY_LABELS, ...STATUS_LABELS].join('|');
const EMOJI = String.raw`(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}][ \t]*)*`;
/**
 * Quote marks, a list marker and a checkbox. Leading whitespace is cut before matching, and no
 * two whitespace runs here can take the same spaces, so the match is linear in the line.
 */
const PREFIX = String.raw`^(?:>[ \t]*)*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?`;
const MARK = String.raw`(?:\*\*|__|\*|_)`;
/** What ends a label: a colon, a period inside the bold, or a spaced dash ("Exit criteria — …"). */
const END = String.raw`(?:[:：]|\.(?=[ \t]*${MARK}))`;

/** `**Label**:`, `**Label:**`, `Label:`, `**Label** (note):`, `**Label (note):**`, `**Label.**`, `Label — …`. */
const WITH_COLON = new RegExp(
  String.raw`${PREFIX}(?:(?<open>${MARK})[ \t]*)?${EMOJI}(?<label>${ALL_NAMES})(?:[ \t]*\([^)]*\))?(?:[ \t]*${MARK}[ \t]*(?:\([^)]*\)[ \t]*)?(?:${END}|[:：]|[-–—](?=[ \t]))|[ \t]*${END}[ \t]*${MARK}?|[ \t]+[–—-](?=[ \t]|$))[ \t]*`,
  'iu',
);
/** `**Label**` or `**Label (note)**` alone on its line, optionally with a trailing colon or period. */
const BOLD_ALONE = new RegExp(
  String.raw`${PREFIX}(?:\*\*|__)[ \t]*${EMOJI}(?<label>${ALL_NAMES})(?:[ \t]*\([^)]*\))?[ \t]*[:：.]?[ \t]*(?:\*\*|__)[ \t]*[:：.]?[ \t]*$`,
  'iu',
);

function kindOf(label: string): FieldKind | undefined {
  const normalized = label.replace(/\s+/g, ' ').trim();
  for (const [kind, pattern] of LABELS) if (pattern.test(normalized)) return kind;
  return undefined;
}

/**
 * The field a line starts with. Remembered for recent lines (see recent.ts): a keystroke reads
 * every line of its plan again, most of them several times. The result is shared: read-only.
 */
export const readField: (line: string) => Readonly<Field> | undefined = rememberRecent(readFieldOnce);

function readFieldOnce(line: string): Readonly<Field> | undefined {
  const indent = leadingWhitespace(line);
  const rest = indent === 0 ? line : line.slice(indent);
  const match = WITH_COLON.exec(rest) ?? BOLD_ALONE.exec(rest);
  if (!match?.groups) return undefined;
  const label = match.groups.label!;
  const kind = kindOf(label);
  if (!kind) return undefined;
  const valueColumn = indent + match[0].length;
  return Object.freeze({ kind, label, value: line.slice(valueColumn).trimEnd(), valueColumn });
}

/**
 * A criteria heading: after an optional phase id, section number and emoji, its text starts
 * with a criteria name ("PHASE 3 SUCCESS CRITERIA", "📊 Success Metrics & Validation",
 * "N.5 Definition of Done"). Returns the text before the name (where a phase id may stand).
 */
const CRITERIA_HEADING = new RegExp(
  String.raw`^(?<before>.*?)(?:^|\s|[:\-–—])\s*(?<name>${HEADING_CRITERIA_NAMES.join('|')})(?![\p{L}\p{N}])`,
  'iu',
);

/** Only an id, a section number or decoration may stand before the name. */
const BEFORE_CRITERIA_NAME = new RegExp(String.raw`^(?:(?:${UNIT_WORD})\s*[\w.\-–]+|P\d[\w.]*|M\d+|\d[\w.]*)?[\s:.\-–—]*$`, 'iu');

/** Columns of leading spaces and tabs, counted without a regular expression. */
function leadingWhitespace(line: string): number {
  let index = 0;
  while (index < line.length && (line.charCodeAt(index) === 32 || line.charCodeAt(index) === 9)) index++;
  return index;
}

/** Remembered for recent headings; the result is shared: read-only. */
export const readCriteriaHeading: (plainText: string) => Readonly<{ before: string }> | undefined = rememberRecent(readCriteriaHeadingOnce);

function readCriteriaHeadingOnce(plainText: string): Readonly<{ before: string }> | undefined {
  const match = CRITERIA_HEADING.exec(plainText);
  if (!match?.groups) return undefined;
  const before = match.groups.before!.trim();
  // Only an id, a section number or decoration may stand before the name.
  if (before && !BEFORE_CRITERIA_NAME.test(before)) {
    return undefined;
  }
  return Object.freeze({ before });
}
