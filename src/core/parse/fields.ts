/**
 * Labelled fields: `**Dependencies**: P0, P1`, `**Status:** ✅ Complete`, `Success Gate: …`,
 * `- **Depends on**: Phase 1`, `**Exit criteria (all must be satisfied)**`.
 * A field starts its line or list item with the label, bold or not, followed by a colon
 * (inside or outside the bold); a bold label with no colon counts when it is the whole line.
 */

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

const CRITERIA_NAMES = [
  'success criteria',
  'success metrics?',
  'success gate',
  'acceptance criteria',
  'exit criteria',
  'completion criteria',
  'done criteria',
  'definition of done',
  'dod',
  'done when',
  'validation',
  'verification',
  'checkpoints?',
  'proof required',
  'test gate',
  'independent test',
  'acceptance(?=\\s*[:：]?\\s*$)',
  '验收标准',
  '驗收標準',
  'crit[ée]rios de aceita[çc][ãa]o',
  'criterios de aceptaci[óo]n',
];

const DEPENDENCY_NAMES = [
  'dependencies',
  'dependency',
  'depends on',
  'depends',
  'builds on',
  'build on',
  'built on',
  'requires',
  'prerequisites?',
  'blocked by',
  'after',
  'depende de',
  'depende',
  '依赖',
  '依賴',
  '前置条件',
];

const STATUS_NAMES = ['status', 'state', 'estado', '状态', '狀態'];

const LABELS: ReadonlyArray<[FieldKind, RegExp]> = [
  ['criteria', new RegExp(`^(?:${CRITERIA_NAMES.join('|')})$`, 'iu')],
  ['dependencies', new RegExp(`^(?:${DEPENDENCY_NAMES.join('|')})$`, 'iu')],
  ['status', new RegExp(`^(?:${STATUS_NAMES.join('|')})$`, 'iu')],
];

const ALL_NAMES = [...CRITERIA_NAMES, ...DEPENDENCY_NAMES, ...STATUS_NAMES].join('|');
const EMOJI = String.raw`(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]\s*)*`;
const PREFIX = String.raw`^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?`;
const MARK = String.raw`(?:\*\*|__|\*|_)`;

/** `**Label**:`, `**Label:**`, `Label:`, `**Label** (note):`, `**Label (note):**`. */
const WITH_COLON = new RegExp(
  String.raw`${PREFIX}(?<open>${MARK})?\s*${EMOJI}(?<label>${ALL_NAMES})(?:\s*\([^)]*\))?\s*(?:${MARK}\s*(?:\([^)]*\)\s*)?[:：]|[:：]\s*${MARK}?)[ \t]*`,
  'iu',
);
/** `**Label**` or `**Label (note)**` alone on its line, optionally with a trailing colon. */
const BOLD_ALONE = new RegExp(
  String.raw`${PREFIX}(?:\*\*|__)\s*${EMOJI}(?<label>${ALL_NAMES})(?:\s*\([^)]*\))?\s*[:：]?\s*(?:\*\*|__)\s*[:：]?\s*$`,
  'iu',
);

function kindOf(label: string): FieldKind | undefined {
  const normalized = label.replace(/\s+/g, ' ').trim();
  for (const [kind, pattern] of LABELS) if (pattern.test(normalized)) return kind;
  return undefined;
}

export function readField(line: string): Field | undefined {
  const match = WITH_COLON.exec(line) ?? BOLD_ALONE.exec(line);
  if (!match?.groups) return undefined;
  const label = match.groups.label!;
  const kind = kindOf(label);
  if (!kind) return undefined;
  const valueColumn = match[0].length;
  return { kind, label, value: line.slice(valueColumn).trimEnd(), valueColumn };
}

/**
 * A criteria heading: after an optional phase id, section number and emoji, its text starts
 * with a criteria name ("PHASE 3 SUCCESS CRITERIA", "📊 Success Metrics & Validation",
 * "N.5 Definition of Done"). Returns the text before the name (where a phase id may stand).
 */
const CRITERIA_HEADING = new RegExp(
  String.raw`^(?<before>.*?)(?:^|\s|[:\-–—])\s*(?<name>${CRITERIA_NAMES.join('|')})(?![\p{L}\p{N}])`,
  'iu',
);

export function readCriteriaHeading(plainText: string): { before: string } | undefined {
  const match = CRITERIA_HEADING.exec(plainText);
  if (!match?.groups) return undefined;
  const before = match.groups.before!.trim();
  // Only an id, a section number or decoration may stand before the name.
  if (before && !/^(?:(?:phase|stage|milestone|feature|epic|story|sprint|week|day|step)s?\s*[\w.\-–]+|P\d[\w.]*|M\d+|\d[\w.]*)?[\s:.\-–—]*$/iu.test(before)) {
    return undefined;
  }
  return { before };
}
