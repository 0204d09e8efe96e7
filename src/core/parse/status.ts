import type { PhaseStatus } from '../model';
import { cleanMojibake } from '../text/mojibake';

/**
 * What a `Status:` value or a heading says about a phase's own work.
 * A value must *lead* with a status word: "✅ Complete" is done, but "✅ Planning Complete"
 * describes another activity and says nothing about the phase, and "✅ Ready" is planned.
 */

const WORDS: ReadonlyArray<[PhaseStatus, RegExp]> = [
  ['done', /^(?:complete[d]?|done|finished|shipped|delivered|closed|resolved|implemented|merged|released|conclu[íi]d[oa]|completad[oa]|hecho|已完成|完成)(?![\p{L}\p{N}_])/iu],
  ['in-progress', /^(?:in[- ]?progress|wip|work in progress|ongoing|active|started|underway|under way|in development|in review|em andamento|en progreso|en curso|进行中|進行中)(?![\p{L}\p{N}_])/iu],
  ['blocked', /^(?:blocked|on hold|stalled|stuck|bloqueado|阻塞)(?![\p{L}\p{N}_])/iu],
  ['planned', /^(?:planned|pending|ready|not started|not yet started|todo|to do|to-do|next|upcoming|backlog|proposed|draft|queued|scheduled|open|new|future|tbd|pendente|planejad[oa]|pendiente|未开始|待办|計畫中|计划中)(?![\p{L}\p{N}_])/iu],
];

const EMOJI_STATUS: ReadonlyArray<[PhaseStatus, RegExp]> = [
  ['done', /^[\u2705\u2714\u2611\u{1F7E2}]/u],
  ['in-progress', /^[\u{1F6A7}\u{1F504}\u{1F7E1}\u23F3]/u],
  ['blocked', /^[\u26D4\u{1F6D1}\u274C\u{1F534}]/u],
  ['planned', /^[\u2B1C\u26AA\u{1F4CB}\u{1F532}\u{1F5D3}]/u],
];

const DECORATION = /^[\s*_`~>|[\](){}:\-–—•.,!]+/u;
const PICTOGRAPH_RUN = /^(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{FFFD}\u{1F3FB}-\u{1F3FF}]\s*)+/u;

/**
 * Reads a status value. Returns undefined when the value does not lead with a status word
 * (or is only an emoji that carries no status).
 */
export function readStatusValue(value: string): PhaseStatus | undefined {
  let text = cleanMojibake(value).replace(DECORATION, '');
  const emoji = PICTOGRAPH_RUN.exec(text);
  let emojiStatus: PhaseStatus | undefined;
  if (emoji) {
    for (const [status, pattern] of EMOJI_STATUS) if (pattern.test(emoji[0])) emojiStatus = status;
    text = text.slice(emoji[0].length).replace(DECORATION, '');
  }
  if (text === '') return emojiStatus;
  for (const [status, pattern] of WORDS) if (pattern.test(text)) return status;
  return undefined;
}

const HEADING_DONE = /(?:[\u2705\u2714\u2611]|\[[xX]\]|\((?:done|complete|completed)\)|\b(?:DONE|COMPLETE|COMPLETED)\s*$)/u;
const HEADING_IN_PROGRESS = /(?:\u{1F6A7}|\u{1F504}|\bIN[- ]PROGRESS\b|\((?:in progress|wip)\))/iu;
const READINESS = /\b(?:ready|planning|planned|prepared|approved|reviewed)\b/i;

/** A status mark written in the defining heading: ✅, `[x]`, "(done)", 🚧, "IN PROGRESS". */
export function readHeadingStatus(headingText: string, title?: string): PhaseStatus | undefined {
  const text = cleanMojibake(headingText);
  // "Phase 6.5 Complete (Nov 10)": the title itself says the phase is finished.
  if (title !== undefined && /^(?:complete[d]?|done|finished)(?![\p{L}\p{N}])/iu.test(title.trim())) return 'done';
  if (HEADING_IN_PROGRESS.test(text)) return 'in-progress';
  // "Phase 3 - Ready for Implementation ✅": the check mark approves the plan, not the work.
  if (HEADING_DONE.test(text) && !READINESS.test(text)) return 'done';
  return undefined;
}
