import type { Finding, Severity } from '../../core/api';
import { countSeverities, plural } from './findingCounts';

/**
 * ESLint's "stylish" layout: per file a header, then `line:col  severity  message  rule` with
 * the columns aligned, and a summary. Columns are shown 1-based, as editors count them.
 */
export function formatStylish(findings: readonly Finding[], color: boolean): string {
  if (findings.length === 0) return '';
  const paint = painter(color);
  const out: string[] = [''];
  for (const [file, group] of groupByFile(findings)) {
    out.push(paint.underline(file));
    const lineWidth = Math.max(...group.map((f) => String(f.line).length));
    const columnWidth = Math.max(...group.map((f) => String(f.column + 1).length));
    const severityWidth = Math.max(...group.map((f) => f.severity.length));
    const messageWidth = Math.max(...group.map((f) => oneLine(f.message).length));
    for (const finding of group) {
      const position = `${String(finding.line).padStart(lineWidth)}:${String(finding.column + 1).padEnd(columnWidth)}`;
      const severity = paint.severity(finding.severity, finding.severity.padEnd(severityWidth));
      const message = oneLine(finding.message).padEnd(messageWidth);
      out.push(`  ${paint.dim(position)}  ${severity}  ${message}  ${paint.dim(finding.rule)}`);
    }
    out.push('');
  }
  const counts = countSeverities(findings);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.info, 'info')];
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  const summary = `✖ ${plural(findings.length, 'problem')} (${parts.join(', ')})`;
  out.push(counts.error > 0 ? paint.red(summary) : counts.warning > 0 ? paint.yellow(summary) : summary, '');
  return out.join('\n');
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** A message is one row of the table; a stray line break would break the alignment. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

function painter(color: boolean) {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const blue = wrap(34, 39);
  const dim = wrap(2, 22);
  const bySeverity: Record<Severity, (text: string) => string> = { error: red, warning: yellow, info: blue, hint: dim };
  return { red, yellow, dim, underline: wrap(4, 24), severity: (severity: Severity, text: string) => bySeverity[severity](text) };
}
