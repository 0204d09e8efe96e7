import { parseIdToken, type ParsedId } from '../../ids';
import { readPhaseHeading } from '../headings';

/**
 * A list item that names a phase: `- **Phase 1: Setup**`, `- [x] **Phase 2: Auth** (done)`,
 * `1. **Phase 1: Name** (Foundation) - 2 hours`, `- Sprint A (Week 1–2): …`, and Kiro's numbered
 * task trees (`- [ ] 2. Title` with `- [ ] 2.1 …` below). An item that is a link ("[Phase 1
 * Complete](PHASE_1.md)") points at a phase written elsewhere: a table of contents, not a phase.
 */
export interface ListItemPhase extends ParsedId {
  title: string;
  /** The id's text as written, to locate it in the line. */
  idText: string;
}

/** The list marker, an optional checkbox (GFM or Kiro's `[-]`/`[~]`) and an optional `*` after it. */
const ITEM_LEAD = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX~-]\]\*?[ \t]+)?/;
/** Kiro's numbered task: "2. Title", "2 Title". */
const NUMBERED_TASK = /^(?<number>\d{1,3})\.?\s+(?<title>\S.*)$/u;

/**
 * Reads an item's first line. `bold` items need only an id ("**Phase 1**: …"); plain ones need
 * the id followed by punctuation ("Phase 1: …", "Phase 2 — …"), so prose such as "Phase 2 depends
 * on Phase 1" is not a phase.
 */
export function readListItemPhase(rawLine: string, itemText: string): ListItemPhase | undefined {
  const lead = ITEM_LEAD.exec(rawLine);
  if (!lead) return undefined;
  const content = rawLine.slice(lead[0].length).trimStart();
  if (/^(?:\*\*|__)?\[/.test(content) || /^<a\s/i.test(content)) return undefined;
  const bold = /^(?:\*\*|__)/.test(content);
  const firstLine = itemText.split('\n')[0]!;
  const read = readPhaseHeading(firstLine);
  if (!read || !read.idLeads) return undefined;
  if (!bold && !read.separated) return undefined;
  // A bare number ("1. Setup" read as Phase 1) is the list's numbering, never an id here.
  if (/^\d/.test(read.idText) && !/^\d+[A-Z]/.test(read.idText)) return undefined;
  // "- **P0**: must have" is a priority legend: a lone P and a whole number name a priority in lists.
  if (/^P\d+$/i.test(read.idText)) return undefined;
  return { kind: read.kind, id: read.id, key: read.key, title: read.title, idText: read.idText };
}

/** Kiro's `- [ ] 2. Title` whose children are `2.1 …` tasks: the item is phase 2. */
export function readNumberedTaskPhase(itemText: string, childTexts: readonly string[]): ListItemPhase | undefined {
  const match = NUMBERED_TASK.exec(itemText.split('\n')[0]!.trim());
  if (!match?.groups) return undefined;
  const number = match.groups.number!;
  if (!childTexts.some((child) => child.trim().startsWith(`${number}.`))) return undefined;
  const parsed = parseIdToken(number);
  if (!parsed) return undefined;
  return { ...parsed, title: match.groups.title!.trim(), idText: number };
}

