import type { Phase, Plan, TextEdit } from '../model';
import { atxHeadingText, fencedLines, headingEndLine, isThematicBreak, readAtxHeading } from '../text/markdownLines';
import { eolAfterLine, splitLines } from './text';
import { CRITERIA_LABELS, UNIT_WORD } from '../vocabulary';

/** How a plan writes its success criteria, so a new skeleton looks like the rest. */
export interface CriteriaStyle {
  form: 'field' | 'heading';
  /** The label as the plan writes it: "Success Criteria", "Success Gate", "Acceptance Criteria". */
  label: string;
  /** Field form: the label line up to its value (`**Success Gate**: `, `Exit criteria:`). */
  fieldPrefix?: string;
  /** Field form: the plan writes the criterion on the label's own line rather than as a list. */
  inline?: boolean;
}

/** Labels worth copying; "Validation" and "Checkpoint" are too vague to name a new section. */
/** The criteria labels the parser reads (one vocabulary), so a skeleton copies whatever label the plan already uses. */
const LABEL = CRITERIA_LABELS.join('|');
/** A criteria heading's text: an optional phase id, then the label. */
const HEADING_LABEL = new RegExp(String.raw`^[^\p{L}\p{N}]*(?:(?:${UNIT_WORD}|p)\s*[\d.]+[a-z]?\s*[:\-–—]?\s*)?[^\p{L}\p{N}]*(?<label>${LABEL})(?![\p{L}\p{N}])`, 'iu');
const FIELD = new RegExp(
  String.raw`^(?<prefix>\s*(?:[-*+]\s+)?(?:(?:\*\*|__)(?<boldLabel>${LABEL})(?:\*\*|__)\s*:|(?:\*\*|__)(?<innerLabel>${LABEL}):(?:\*\*|__)|(?<plainLabel>${LABEL})\s*:)[ \t]*)(?<value>.*)$`,
  'iu',
);

export const DEFAULT_CRITERIA_STYLE: CriteriaStyle = { form: 'heading', label: 'Success Criteria' };

const styleOfFrozenLines = new WeakMap<readonly string[], CriteriaStyle>();

/**
 * The first criteria heading or field outside code decides the style; headings by default.
 * Remembered for the shared lines of `splitLines`: every missing-criteria finding asks.
 */
export function detectCriteriaStyle(lines: readonly string[]): CriteriaStyle {
  const known = styleOfFrozenLines.get(lines);
  if (known) return known;
  const style = findCriteriaStyle(lines);
  if (Object.isFrozen(lines)) styleOfFrozenLines.set(lines, style);
  return style;
}

function findCriteriaStyle(lines: readonly string[]): CriteriaStyle {
  const fenced = fencedLines(lines);
  for (let index = 0; index < lines.length; index++) {
    if (fenced[index]) continue;
    const line = lines[index]!;
    const headingText = atxHeadingText(line);
    const heading = headingText === undefined ? undefined : HEADING_LABEL.exec(headingText);
    if (heading?.groups) return { form: 'heading', label: titleCase(heading.groups.label!) };
    // Every form of the field has a colon; most lines do not, and the pattern is costly to fail.
    const field = line.includes(':') ? FIELD.exec(line) : null;
    if (field?.groups) {
      const label = field.groups.boldLabel ?? field.groups.innerLabel ?? field.groups.plainLabel!;
      return { form: 'field', label, fieldPrefix: field.groups.prefix!.trimStart(), inline: field.groups.value!.trim() !== '' };
    }
  }
  return DEFAULT_CRITERIA_STYLE;
}

function titleCase(label: string): string {
  return label.toLowerCase().replace(/\b(?!of\b)\p{L}/gu, (letter) => letter.toUpperCase());
}


/** The text a criteria skeleton offers the author to replace. */
export function placeholderCriterion(phaseName: string): string {
  return `TODO: what must be true when ${phaseName} is done`;
}

/**
 * Inserts a success-criteria skeleton into the phase's first section, in the plan's style.
 *
 * Where: a field goes in the phase's own text, before its first sub-heading (a field further
 * down would read as part of that sub-section); a heading goes one level below the phase,
 * before the first child phase, or at the end of the section when there is none. Either way
 * it follows the last line of content, so trailing blank lines and `---` stay where they are.
 */
export function insertCriteriaSkeletonEdits(_plan: Plan, phase: Phase, text: string, phaseName = phase.id): TextEdit[] {
  const lines = splitLines(text);
  if (!Number.isFinite(phase.line) || phase.line < 1 || phase.line > lines.length) return [];
  const detected = detectCriteriaStyle(lines);
  const style: CriteriaStyle = detected.form === 'heading' && phase.level >= 6 ? { form: 'field', label: detected.label } : detected;

  const first = phase.sections?.[0] ?? { line: phase.line, endLine: phase.endLine };
  const sectionEnd = Math.min(Math.max(Number.isFinite(first.endLine) ? first.endLine : phase.line, phase.line), lines.length);
  const fenced = fencedLines(lines);
  let boundary = sectionEnd + 1;
  if (style.form === 'field') {
    for (let line = headingEndLine(lines, phase.line) + 1; line <= sectionEnd; line++) {
      if (!fenced[line - 1] && readAtxHeading(lines[line - 1]!)) {
        boundary = line;
        break;
      }
    }
  } else {
    for (const child of phase.children ?? []) {
      if (child.line > phase.line && child.line <= sectionEnd) boundary = Math.min(boundary, child.line);
    }
  }

  const headingEnd = headingEndLine(lines, phase.line);
  let after = boundary - 1;
  while (after > headingEnd && (lines[after - 1]!.trim() === '' || (isThematicBreak(lines[after - 1]!) && !fenced[after - 1]))) after--;

  const eol = eolAfterLine(text, after);
  const skeleton = skeletonLines(style, phase.level, phaseName).join(eol);
  const end = lines[after - 1]!.length;
  return [{ range: { line: after, column: end, endLine: after, endColumn: end }, newText: eol + eol + skeleton }];
}

function skeletonLines(style: CriteriaStyle, phaseLevel: number, phaseName: string): string[] {
  const item = placeholderCriterion(phaseName);
  if (style.form === 'heading') return [`${'#'.repeat(Math.min(phaseLevel + 1, 6))} ${style.label}`, '', `- [ ] ${item}`];
  const prefix = style.fieldPrefix ?? `**${style.label}**: `;
  const label = prefix.endsWith(' ') ? prefix : `${prefix} `;
  if (style.inline) return [`${label}${item}`];
  return [label.trimEnd(), `- [ ] ${item}`];
}

