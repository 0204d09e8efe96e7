import type { Finding } from '../../core/api';

/**
 * `phaselens lint --format json`: an array of findings, each with the contract fields (ARCHITECTURE.md) first
 * (`phase` is null when the finding lies outside every phase), then `fixes` and `related`
 * when the rule offers them.
 */
export function formatJson(findings: readonly Finding[]): string {
  const rows = findings.map((finding) => {
    const row: Record<string, unknown> = {
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      severity: finding.severity,
      rule: finding.rule,
      message: finding.message,
      phase: finding.phase ?? null,
    };
    if (finding.fixes) row.fixes = finding.fixes;
    if (finding.related) row.related = finding.related;
    return row;
  });
  return JSON.stringify(rows, null, 2) + '\n';
}
