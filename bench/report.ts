/** One figure of the benchmark, as printed and as written to bench/results.json. */
export interface Figure {
  section: string;
  label: string;
  /** NaN when not measured. */
  value: number;
  unit: string;
  /** Ours divided by the yardstick of the same run (raw remark, or cold for warm). */
  ratio?: number;
  budget: { text: string; met: boolean | undefined };
  detail?: string;
}

function formatValue(value: number, unit: string): string {
  if (Number.isNaN(value)) return 'not measured';
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function verdict(met: boolean | undefined): string {
  if (met === undefined) return '';
  return met ? 'met' : 'NOT MET';
}

export function formatReport(figures: readonly Figure[]): string {
  const out: string[] = [];
  let section = '';
  for (const figure of figures) {
    if (figure.section !== section) {
      section = figure.section;
      out.push('', section);
    }
    const ratio = figure.ratio === undefined || Number.isNaN(figure.ratio) ? '' : `ratio ${figure.ratio.toFixed(2)}`;
    const budget = figure.budget.met === undefined ? `budget: ${figure.budget.text}` : `budget ${figure.budget.text}: ${verdict(figure.budget.met)}`;
    out.push(`  ${figure.label.padEnd(58)} ${formatValue(figure.value, figure.unit).padStart(13)}  ${ratio.padEnd(11)} ${budget}`);
    if (figure.detail) out.push(`      ${figure.detail}`);
  }
  return out.join('\n');
}
