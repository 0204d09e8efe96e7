import type { Plan } from '../model';
import type { Block, HeadingBlock } from './blocks';
import { deriveStatuses } from './deriveStatus';
import { readListContent, readParagraph } from './build/content';
import { applyIndexEntry, closeSections, nestById, resolveDependencies } from './build/finish';
import { onHeading, readHeadingPhases } from './build/headingPhases';
import { readListItemPhases } from './build/listItemPhases';
import { closeEndedDetails } from './build/placement';
import { PlanDraft } from './build/planDraft';
import type { SourceLines } from './build/sourceText';
import { summaryPhases } from './build/summaryPhases';
import { applyRowFields, tableRowPhases } from './build/tableRowPhases';

export type { SourceLines } from './build/sourceText';

/**
 * Turns a document's blocks into the plan model. One pass over the blocks hands each to the
 * reader of its notation (heading, list, table row, `<details>` summary) or to the content
 * readers, which ask the placement rules (`build/placement.ts`) where it belongs; a second pass
 * nests phases by id, closes sections, merges roadmap index entries and derives statuses.
 */
export function buildPlan(file: string, title: string, source: SourceLines, blocks: readonly Block[]): Plan {
  const headingLines = blocks.filter((block): block is HeadingBlock => block.type === 'heading');
  const { phaseHeadings, hasStrongPhase } = readHeadingPhases(headingLines);
  const headingKeys = new Set([...phaseHeadings.values()].map((read) => read.key));
  const draft = new PlanDraft(file, title, source, headingKeys, hasStrongPhase);

  for (const block of blocks) {
    closeEndedDetails(draft.stack, block.line);
    switch (block.type) {
      case 'heading':
        onHeading(draft, phaseHeadings, block);
        break;
      case 'table':
        draft.pending = undefined;
        if (!draft.context().criteria) tableRowPhases(draft, block);
        break;
      case 'html':
        if (!draft.context().criteria) summaryPhases(draft, blocks, block);
        draft.pending = undefined;
        break;
      case 'paragraph':
        readParagraph(draft, block);
        break;
      case 'list':
        if (!readListContent(draft, block)) readListItemPhases(draft, block);
        break;
      default:
        draft.pending = undefined;
    }
  }

  const { plan, byKey } = draft;
  nestById(plan, byKey, draft.drafts);
  closeSections(plan, headingLines, source.lines, draft.fixedEnds);
  for (const [key, entry] of draft.indexEntries) {
    const phase = byKey.get(key)?.[0];
    if (phase) applyIndexEntry(phase, entry, (target, row) => applyRowFields(draft, target, row));
  }
  resolveDependencies(byKey);
  deriveStatuses(plan.phases);
  return plan;
}
