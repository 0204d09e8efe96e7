import { rememberRecent } from '../text/recent';
import type { PhaseStatus } from '../model';
import { cleanMojibake } from '../text/mojibake';
import { HEADING_DONE_WORDS, HEADING_IN_PROGRESS_WORDS, STATUS_EMOJI, STATUS_WORDS } from '../vocabulary';

/**
 * What a `Status:` value or a heading says about a phase's own work.
 * A value must *lead* with a status word: "✅ Complete" is done, but "✅ Planning Complete"
 * describes another activity and says nothing about the phase, and "✅ Ready" is planned.
 */

const WORDS: ReadonlyArray<[PhaseStatus, RegExp]> = STATUS_WORDS.map(([status, words]) => [status, new RegExp(`^(?:${words})(?![\\p{L}\\p{N}_])`, 'iu')]);

const EMOJI_STATUS = STATUS_EMOJI;

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
  const percent = PERCENT.exec(text);
  if (percent) return percentStatus(Number(percent[1]));
  for (const [status, pattern] of WORDS) if (pattern.test(text)) return status;
  return undefined;
}

/** "80% complete", "100%", "0 %": how far the phase's own work is. */
const PERCENT = /^(\d{1,3})\s?%(?![\p{L}\p{N}])/u;

function percentStatus(percent: number): PhaseStatus | undefined {
  if (percent > 100) return undefined;
  return percent === 100 ? 'done' : percent === 0 ? 'planned' : 'in-progress';
}

/**
 * A heading states its status with a mark (✅, `[x]`, 🚧), a word in brackets ("(done)",
 * "(COMPLETED!)", "[DONE]"), or a capitalised word at its end or after a dash ("🎉 COMPLETED",
 * "- CURRENT PHASE"): capitals and punctuation set it apart from the title's own words.
 */
const HEADING_DONE = new RegExp(
  String.raw`(?:[\u2705\u2714\u2611]|\[[xX]\]|\((?:${HEADING_DONE_WORDS})!?\)|\b(?:${HEADING_DONE_WORDS.toUpperCase()})!?\s*$|[-–—]\s*(?:${HEADING_DONE_WORDS.toUpperCase()})\b)`,
  'u',
);
const HEADING_IN_PROGRESS = new RegExp(
  String.raw`(?:\u{1F6A7}|\u{1F504}|\bIN[- ]PROGRESS\b|\((?:${HEADING_IN_PROGRESS_WORDS})!?\)|[-–—(]\s*(?:${HEADING_IN_PROGRESS_WORDS.toUpperCase()})\b)`,
  'u',
);
/** "(done)", "[DONE]", "(In Progress)": a status word set apart by brackets, in any case. */
const HEADING_IN_PROGRESS_ANY_CASE = new RegExp(String.raw`\((?:${HEADING_IN_PROGRESS_WORDS})!?\)|\[(?:${HEADING_IN_PROGRESS_WORDS})!?\]`, 'iu');
const HEADING_DONE_ANY_CASE = new RegExp(String.raw`\((?:${HEADING_DONE_WORDS})!?\)|\[(?:${HEADING_DONE_WORDS})!?\]`, 'iu');
const READINESS = /\b(?:ready|planning|planned|prepared|approved|reviewed)\b/i;

/** A status mark written in the defining heading: ✅, `[x]`, "(done)", 🚧, "IN PROGRESS". */
export function readHeadingStatus(headingText: string, title?: string): PhaseStatus | undefined {
  // "Phase 6.5 Complete (Nov 10)": the title itself says the phase is finished.
  if (title !== undefined && /^(?:complete[d]?|done|finished)(?![\p{L}\p{N}])/iu.test(title.trim())) return 'done';
  return statusOfHeadingText(headingText);
}

/** Remembered for recent headings (see recent.ts): a keystroke reads every heading of its plan again. */
const statusOfHeadingText = rememberRecent((headingText: string): PhaseStatus | undefined => {
  const text = cleanMojibake(headingText);
  if (HEADING_IN_PROGRESS.test(text) || HEADING_IN_PROGRESS_ANY_CASE.test(text)) return 'in-progress';
  // "Phase 3 - Ready for Implementation ✅": the check mark approves the plan, not the work.
  if ((HEADING_DONE.test(text) || HEADING_DONE_ANY_CASE.test(text)) && !READINESS.test(text)) return 'done';
  return undefined;
});
