import type { Section } from '../../model';
import type { Block } from '../blocks';
import { findDetailsEnd, readSummaryPhase } from '../notations/summary';
import { readHeadingStatus } from '../status';
import { summaryLevel } from './placement';
import type { PlanDraft } from './planDraft';
import { locateWrittenId } from './sourceText';

/** `<details><summary>Phase 2: …</summary>`: a phase whose body runs to `</details>`. */
export function summaryPhases(draft: PlanDraft, blocks: readonly Block[], block: Block): boolean {
  const summary = readSummaryPhase(draft.lines, block.line, block.endLine);
  if (!summary) return false;
  const closesAt = findDetailsEnd(draft.lines, blocks, block);
  if (draft.byKey.has(summary.read.key)) return false;
  const level = summaryLevel(draft.stack);
  const section: Section = { line: summary.line, endLine: closesAt, level, title: summary.read.title, idLeads: true, criteriaOnly: false };
  draft.fixedEnds.add(section);
  const idRange = locateWrittenId(draft.lineText(summary.line), summary.read.idText, summary.line, draft.range);
  const phase = draft.addPhase(summary.read, summary.read.title || summary.read.id, summary.text, section, idRange, draft.innermostPhase());
  phase.notation = 'summary';
  const fromText = readHeadingStatus(summary.text, summary.read.title);
  if (fromText) {
    phase.status = fromText;
    phase.statusSource = 'heading';
  }
  draft.stack.push({ level, phase, closesAt });
  return true;
}
