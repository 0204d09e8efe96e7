import type { Block } from '../blocks';
import { readPhaseHeading, type PhaseHeading } from '../headings';

/**
 * `<details><summary><b>Phase 1: Genesis (Completed) 🟢</b></summary> … </details>`: a phase
 * whose title is the summary and whose body runs to the matching `</details>`.
 */
export interface SummaryPhase {
  line: number;
  /** The summary's text without tags. */
  text: string;
  read: PhaseHeading;
}

const SUMMARY = /<summary\b[^>]*>(?<inner>.*?)<\/summary>/i;
const TAG = /<[^>]*>/g;

export function readSummaryPhase(lines: readonly string[], first: number, last: number): SummaryPhase | undefined {
  let inDetails = false;
  for (let line = first; line <= last; line++) {
    if (/<details\b/i.test(lines[line - 1] ?? '')) inDetails = true;
    // A summary outside <details> summarises nothing a reader can open.
    if (!inDetails) continue;
    const match = SUMMARY.exec(lines[line - 1] ?? '');
    if (!match?.groups) continue;
    const text = match.groups.inner!.replace(TAG, '').replace(/&nbsp;/g, ' ').trim();
    const read = readPhaseHeading(text);
    if (!read || !read.idLeads) return undefined;
    return { line, text, read };
  }
  return undefined;
}

/** The line of the `</details>` that closes the block opened in `opening`; the document's end when none does. */
export function findDetailsEnd(lines: readonly string[], blocks: readonly Block[], opening: Block): number {
  let depth = 0;
  for (const block of blocks) {
    if (block.line < opening.line || block.type !== 'html') continue;
    for (let line = block.line; line <= block.endLine; line++) {
      const text = lines[line - 1] ?? '';
      depth += (text.match(/<details\b/gi) ?? []).length;
      depth -= (text.match(/<\/details\s*>/gi) ?? []).length;
      if (depth <= 0 && line >= opening.line && /<\/details\s*>/i.test(text)) return line;
    }
  }
  return lines.length;
}
