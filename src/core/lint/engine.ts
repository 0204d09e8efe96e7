import type { WorkspaceIndex } from '../graph';
import type { Phase, Plan, Range, TextEdit } from '../model';
import { allPhases } from '../phases';
import { splitLines } from '../edits/text';
import { effectiveSetting } from './config';
import { readSuppressions } from './disable';
import { SEVERITIES } from './types';
import type { Finding, Fix, LintConfig, Rule, RuleFinding, Severity } from './types';

/** Called when a rule throws: the rule's findings for that plan are dropped, the others stand. */
export type RuleErrorHandler = (ruleId: string, file: string, error: unknown) => void;

export interface RunOptions {
  workspace: WorkspaceIndex;
  config?: LintConfig;
  onRuleError?: RuleErrorHandler;
}

/** Set to rethrow rule crashes instead of swallowing them (tests, debugging a rule). */
const RETHROW_ENV = 'PHASELENS_RULE_ERRORS';

function rethrowRequested(): boolean {
  return typeof process !== 'undefined' && process.env?.[RETHROW_ENV] === 'throw';
}

/** The quieter of two severities: a rule's per-finding level never outshouts its configuration. */
function quieter(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

const whole = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback);

/**
 * A range every consumer can trust: whole numbers, 1-based lines inside the document, end after
 * start. With `reuseIfSane`, a range that is already so is returned itself, not copied.
 */
function sanitizeRange(range: Partial<Range> | undefined, lineCount: number, fallbackLine: number, reuseIfSane = false): Range {
  const last = Math.max(lineCount, 1);
  const line = Math.min(Math.max(whole(range?.line, fallbackLine), 1), last);
  const column = Math.max(whole(range?.column, 0), 0);
  let endLine = Math.min(Math.max(whole(range?.endLine, line), line), last);
  let endColumn = Math.max(whole(range?.endColumn, column), 0);
  if (endLine === line && endColumn < column) endColumn = column;
  if (endLine < line) [endLine, endColumn] = [line, column];
  if (reuseIfSane && range?.line === line && range.column === column && range.endLine === endLine && range.endColumn === endColumn) return range as Range;
  return { line, column, endLine, endColumn };
}

/** Runs every enabled rule over one plan and returns its findings, suppressions applied, sorted. */
export function runRules(rules: readonly Rule[], plan: Plan, text: string, options: RunOptions): Finding[] {
  const lines = splitLines(text);
  const suppressions = readSuppressions(text);
  const findings: Finding[] = [];
  const phaseAt = phaseLookup(plan);
  // A file-wide fix (repair all) shares one edit list among every finding of its rule: check
  // that list once, not once per finding, or a file with many findings costs findings × edits.
  const checkedEdits = new WeakMap<readonly TextEdit[], TextEdit[]>();
  const checkFix = (fix: Fix): Fix => {
    let edits = checkedEdits.get(fix.edits);
    if (!edits) {
      // A keystroke re-lints the plan: copying every edit of every fix was a tenth of what it allocated.
      const editLines = lines.length + 1;
      edits = fix.edits.every((edit) => edit.range !== undefined && sanitizeRange(edit.range, editLines, 1, true) === edit.range)
        ? (fix.edits as TextEdit[])
        : fix.edits.filter((edit) => edit.range !== undefined).map((edit) => ({ range: sanitizeRange(edit.range, editLines, 1), newText: edit.newText }));
      checkedEdits.set(fix.edits, edits);
    }
    return edits === fix.edits ? fix : { ...fix, edits };
  };
  for (const rule of rules) {
    const setting = effectiveSetting(rule, options.config);
    if (setting.severity === 'off') continue;
    const configured = setting.severity;
    const reported: Finding[] = [];
    const report = (finding: RuleFinding) => {
      const range = sanitizeRange(finding.range, lines.length, finding.phase?.line ?? 1);
      if (suppressions.isSuppressed(rule.id, range.line)) return;
      const phase: Phase | undefined = finding.phase ?? phaseAt(range.line);
      const result: Finding = {
        file: plan.file,
        line: range.line,
        column: range.column,
        endLine: range.endLine,
        endColumn: range.endColumn,
        severity: finding.severity ? quieter(configured, finding.severity) : configured,
        rule: rule.id,
        message: finding.message,
      };
      if (phase) result.phase = phase.id;
      // Most findings have no related information and many no fix: no arrays made for them.
      if (finding.fixes?.length) {
        const fixes = finding.fixes.map(checkFix).filter((fix) => fix.edits.length > 0);
        if (fixes.length > 0) result.fixes = fixes;
      }
      if (finding.related?.length) {
        const related = finding.related.filter((info) => typeof info.file === 'string').map((info) => ({ ...info, range: sanitizeRange(info.range, Number.MAX_SAFE_INTEGER, 1) }));
        if (related.length > 0) result.related = related;
      }
      reported.push(result);
    };
    try {
      rule.check({ plan, text, lines, workspace: options.workspace, options: setting.options, report });
      findings.push(...reported);
    } catch (error) {
      if (rethrowRequested()) throw error;
      options.onRuleError?.(rule.id, plan.file, error);
    }
  }
  return findings;
}

/**
 * `phaseAtLine` for many lines of one plan: the first call fills a table of the innermost phase
 * on every line (a plan with thousands of findings would otherwise walk its phases thousands
 * of times). Same answer as `phaseAtLine`, ties included: the smallest section wins, and among
 * equal ones the first in tree order.
 */
export function phaseLookup(plan: Plan): (line: number) => Phase | undefined {
  let table: Int32Array | undefined;
  let phases: Phase[] = [];
  const build = () => {
    phases = allPhases(plan);
    const sections: { phase: number; line: number; endLine: number; order: number }[] = [];
    phases.forEach((phase, index) => {
      for (const section of phase.sections) sections.push({ phase: index, line: section.line, endLine: section.endLine, order: sections.length });
    });
    // Widest first and, among equals, last in order first: later writes (narrower, earlier) win.
    sections.sort((a, b) => b.endLine - b.line - (a.endLine - a.line) || b.order - a.order);
    const size = sections.reduce((most, section) => Math.max(most, section.endLine), plan.lineCount) + 1;
    const built = new Int32Array(size).fill(-1);
    for (const section of sections) built.fill(section.phase, Math.max(section.line, 0), Math.max(section.endLine + 1, 0));
    return built;
  };
  return (line) => {
    table ??= build();
    if (!Number.isInteger(line) || line < 0 || line >= table.length) return undefined;
    const index = table[line]!;
    return index < 0 ? undefined : phases[index];
  };
}

/** File, then position, then registry order, then message: stable output for CLI and tests. */
export function sortFindings(findings: Finding[], rules: readonly Rule[]): Finding[] {
  const order = new Map(rules.map((rule, index) => [rule.id, index]));
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
