import { fillTemplate } from './promptTemplate';

/**
 * Git branch names for phases (`phaselens.launch.branch`, e.g. `phase-${phaseId}-${slug}`).
 * Whatever the plan's ids and titles hold, the name that reaches git obeys
 * `git check-ref-format --branch`:
 * - no control characters, space, `~ ^ : ? * [ \`, no `..`, no `@{`, not `@` alone;
 * - no component that is empty, starts with `.` or ends with `.lock`; no leading, trailing or
 *   doubled `/`; no trailing `.`;
 * - as a branch: not starting with `-`, not `HEAD`.
 * Dashes stand in for what is removed; case and non-ASCII letters that git accepts are kept
 * (a team's `feature/ABC-12` stays as it is); only `${slug}` is lowercase ASCII.
 */
export const BRANCH_VARIABLES = ['phaseId', 'slug', 'planSlug'] as const;
export type BranchVariable = (typeof BRANCH_VARIABLES)[number];

/** Long enough to read, short enough for every file system that stores refs as files. */
export const MAX_BRANCH_LENGTH = 120;
const MAX_SLUG_LENGTH = 48;

/** Letters that Unicode decomposition does not reduce to ASCII but that have a usual spelling in it. */
const SPELLED: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** "Exporter & CSV (v2) — ünïcødé" → "exporter-csv-v2-unicode": lowercase ASCII words joined by dashes. */
export function slugify(text: string, maxLength = MAX_SLUG_LENGTH): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => SPELLED[letter]!);
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  // Cut at a word boundary when there is one in the second half, so no word is left half-written.
  const boundary = cut.lastIndexOf('-');
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : cut).replace(/-+$/, '');
}

/**
 * What git refuses anywhere in a ref name (controls, DEL, space, `~ ^ : ? * [ \`), and what it
 * accepts but a reader cannot see: other spaces, invisible format characters (a right-to-left
 * override would make a name read differently from what it is), unassigned and private-use code points.
 */
const FORBIDDEN = /[\u0000-\u0020\u007F~^:?*[\\\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Z}]+/gu;

function cleanComponent(component: string): string {
  let out = component.replace(/\.{2,}/g, '.');
  for (;;) {
    const next = out
      .replace(/^[.-]+/, '')
      .replace(/\.lock$/i, '-lock')
      .replace(/[.-]+$/, '');
    if (next === out) return out;
    out = next;
  }
}

/** `name` made acceptable to git, or '' when nothing usable is left. */
export function sanitizeBranchName(name: string): string {
  const dashed = name
    .replace(FORBIDDEN, '-')
    .replace(/@\{/g, '-')
    .replace(/-{2,}/g, '-');
  const clean = (text: string) => text.split('/').map(cleanComponent).filter(Boolean).join('/');
  let out = clean(dashed);
  // Cut whole characters only: half a surrogate pair would be a character of its own.
  if (out.length > MAX_BRANCH_LENGTH) out = clean(out.slice(0, MAX_BRANCH_LENGTH).replace(/[\uD800-\uDBFF]$/, ''));
  if (out === '@' || out === 'HEAD') return '';
  return out;
}

/** The rules of `git check-ref-format --branch`, checked one by one (the tests hold git itself to the same answers). */
export function isValidBranchName(name: string): boolean {
  if (name === '' || name === '@' || name === 'HEAD' || name.startsWith('-')) return false;
  if (/[\u0000-\u0020\u007F~^:?*[\\]/.test(name) || name.includes('..') || name.includes('@{')) return false;
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//') || name.endsWith('.')) return false;
  return name.split('/').every((component) => !component.startsWith('.') && !component.endsWith('.lock'));
}

export interface BranchNameInput {
  phaseId: string;
  phaseTitle: string;
  planTitle: string;
}

export interface BranchName {
  /** '' when the template gives nothing git accepts. */
  name: string;
  /** `${name}`s in the template that are not branch variables (left as written, then sanitized). */
  unknown: string[];
}

export function branchNameFor(template: string, input: BranchNameInput): BranchName {
  const values: Record<BranchVariable, string> = { phaseId: input.phaseId, slug: slugify(input.phaseTitle), planSlug: slugify(input.planTitle) };
  const filled = fillTemplate(template.trim(), values);
  return { name: sanitizeBranchName(filled.text), unknown: filled.unknown };
}
