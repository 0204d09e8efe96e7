import { disableForFileFix, disableForLineFix, type Finding, type Range, type TextEdit } from '../../core/api';

/**
 * What the code-action provider offers, as plain data: one entry per distinct fix, each a set of
 * edits against one version of the document. Pure, so the choice and order of fixes is tested
 * without an editor.
 */
export interface FixAction {
  title: string;
  edits: TextEdit[];
  isPreferred: boolean;
  /** `fix` repairs the finding, `disable` silences its rule; `fixAll` applies every preferred fix. */
  kind: 'fix' | 'disable' | 'fixAll';
  /** The findings this action resolves (one fix can serve several: "repair all garbled text"). */
  findings: Finding[];
}

/**
 * Every fix the findings carry, then "Disable <rule> for this line" and "… for this file" per
 * rule. The same fix reached through two findings (a file-wide repair, a disable comment for
 * two findings of one rule on one line) is offered once. Disable actions come last: fixing a
 * problem is the better answer, and the list reads best in that order.
 */
export function quickFixActions(findings: readonly Finding[], text: string): FixAction[] {
  const fixes = new Map<string, FixAction>();
  const disables = new Map<string, FixAction>();
  const add = (into: Map<string, FixAction>, action: Omit<FixAction, 'findings'>, finding: Finding) => {
    if (action.edits.length === 0) return;
    const key = `${action.title}\u0000${JSON.stringify(action.edits)}`;
    const existing = into.get(key);
    if (existing) {
      if (!existing.findings.includes(finding)) existing.findings.push(finding);
      existing.isPreferred ||= action.isPreferred;
    } else into.set(key, { ...action, findings: [finding] });
  };
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) add(fixes, { title: fix.title, edits: fix.edits, isPreferred: fix.isPreferred === true, kind: 'fix' }, finding);
  }
  for (const finding of findings) {
    const line = disableForLineFix(finding, text);
    add(disables, { title: line.title, edits: line.edits, isPreferred: false, kind: 'disable' }, finding);
  }
  for (const finding of findings) {
    const file = disableForFileFix(finding, text);
    add(disables, { title: file.title, edits: file.edits, isPreferred: false, kind: 'disable' }, finding);
  }
  return [...fixes.values(), ...disables.values()];
}

/**
 * The preferred fix of every finding that has one, as one edit set: what "fix all" and
 * `source.fixAll.phaselens` (format on save) apply. A fix whose edits would overlap an edit
 * already taken is left out (an editor rejects overlapping edits); its finding stays, and the
 * next fix-all takes it against the new text. Undefined when nothing can be fixed.
 */
export function fixAllAction(findings: readonly Finding[]): FixAction | undefined {
  const taken: TextEdit[] = [];
  const fixed: Finding[] = [];
  const seen = new Set<readonly TextEdit[]>();
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.isPreferred && candidate.edits.length > 0);
    if (!fix) continue;
    if (seen.has(fix.edits)) {
      fixed.push(finding);
      continue;
    }
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit.range, other.range)))) continue;
    seen.add(fix.edits);
    taken.push(...fix.edits);
    fixed.push(finding);
  }
  if (fixed.length === 0) return undefined;
  return { title: 'Fix all auto-fixable PhaseLens problems in this file', edits: taken, isPreferred: false, kind: 'fixAll', findings: fixed };
}

function compare(lineA: number, columnA: number, lineB: number, columnB: number): number {
  return lineA - lineB || columnA - columnB;
}

/**
 * Whether two edits touch the same text. Edits that only meet (one ends where the other starts)
 * and insertions at one point do not overlap; an insertion inside a replaced span does.
 */
export function overlaps(a: Range, b: Range): boolean {
  return compare(a.line, a.column, b.endLine, b.endColumn) < 0 && compare(b.line, b.column, a.endLine, a.endColumn) < 0;
}

/** Whether a finding's range meets `range` (both inclusive of their ends, as editors ask). */
export function findingTouches(finding: Range, range: Range): boolean {
  return compare(finding.line, finding.column, range.endLine, range.endColumn) <= 0 && compare(range.line, range.column, finding.endLine, finding.endColumn) <= 0;
}
