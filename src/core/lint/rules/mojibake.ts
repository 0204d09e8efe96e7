import type { MojibakeRun } from '../../model';
import { mojibakeBlocks, repairEdits } from '../../text/mojibake';
import type { Fix, Rule, RuleFinding } from '../types';

const CODE_PAGE_NAMES: Record<MojibakeRun['codePage'], string> = {
  'windows-1252': 'Windows-1252',
  'windows-1254': 'Windows-1254',
};

function quoted(text: string): string {
  const short = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return `"${short}"`;
}

/**
 * The findings of each plan's runs, by its first run: a keystroke on another line leaves every
 * run the same object (the document parser shares unchanged runs), and so the same findings.
 * Rebuilding them was a tenth of a keystroke in a plan with hundreds of garbled runs.
 */
const findingsOfRuns = new WeakMap<MojibakeRun, { runs: readonly MojibakeRun[]; findings: RuleFinding[] }>();

export const mojibake: Rule = {
  id: 'mojibake',
  description: 'Text was garbled by reading UTF-8 as a Windows code page and saving it again',
  defaultSeverity: 'warning',
  tags: ['encoding'],
  check({ plan, report }) {
    // A run without a position cannot be shown or repaired.
    const runs = plan.mojibake.filter((run) => run.range !== undefined);
    if (runs.length === 0) return;
    const known = findingsOfRuns.get(runs[0]!);
    let findings = known && known.runs.length === runs.length && known.runs.every((run, index) => run === runs[index]) ? known.findings : undefined;
    if (!findings) {
      findings = findingsOf(runs);
      findingsOfRuns.set(runs[0]!, { runs, findings });
    }
    for (const finding of findings) report(finding);
  },
};

function findingsOf(runs: readonly MojibakeRun[]): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const fixAll = repairEdits(runs);
  for (const block of mojibakeBlocks(runs)) {
    const repairable = block.runs.filter((run) => run.repaired !== undefined);
    const first = repairable[0] ?? block.runs[0]!;
    const cause = `UTF-8 read as ${CODE_PAGE_NAMES[first.codePage]}`;
    if (repairable.length === 0) {
      findings.push({
        range: block.range,
        message: `Garbled text (${cause}) cannot be repaired: bytes of ${quoted(first.text)} were lost; retype it`,
        severity: 'info',
      });
      continue;
    }
    const others = block.runs.length - 1;
    const lost = block.unrepairable > 0 ? `; ${block.unrepairable} cannot be repaired` : '';
    const more = others > 0 ? ` (and ${others} more on ${block.range.endLine > block.range.line ? 'these lines' : 'this line'}${lost})` : '';
    const fixes: Fix[] = [{ title: 'Repair the garbled text', edits: repairEdits(block.runs), isPreferred: true, scope: 'line', safe: true }];
    fixes.push({ title: 'Repair all garbled text in this file', edits: fixAll, scope: 'file' });
    findings.push({
      range: block.range,
      message: `Garbled text (${cause}): ${quoted(first.text)} should read ${quoted(first.repaired!)}${more}`,
      fixes,
    });
  }
  return findings;
}
