import { cleanMojibake } from './mojibake';
import { rememberRecent } from './recent';

/**
 * Display text as a reader sees it: mojibake repaired, emoji and pictographs dropped,
 * markdown emphasis marks removed, whitespace collapsed.
 */

const PICTOGRAPHS = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}\u{E0020}-\u{E007F}\u{1F3FB}-\u{1F3FF}\u{FFFD}]/gu;
/** Symbols that decorate headings but are not pictographs: ★ ☆ ✓ ✔ ✗ ✘ ➜ ► ▶ • ⚡ … */
const DECORATIONS = /[\u2022\u2023\u25A0-\u25FF\u2600-\u27BF\u2B00-\u2BFF]/gu;
const EMPHASIS_MARKS = /(\*\*|__|~~)/g;

function stripEmoji(text: string): string {
  return text.replace(PICTOGRAPHS, '').replace(DECORATIONS, '');
}

/** Remembered for recent texts (see recent.ts): a keystroke re-cleans every heading and task of its plan. */
export const cleanText = rememberRecent((text: string): string =>
  stripEmoji(cleanMojibake(text)).replace(EMPHASIS_MARKS, '').replace(/\s+/g, ' ').trim(),
);
