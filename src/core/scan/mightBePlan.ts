import { cleanMojibake } from '../text/mojibake';
import { UNIT_WORD } from '../vocabulary';

/**
 * A cheap test, without remark, that a text may define a phase: `false` means `parsePlan`
 * would find no phase in it, so a workspace scan can skip the file unparsed. `true` only
 * means "parse it and see".
 *
 * Why it is safe: a phase comes only from a top-level heading (ATX with at most three spaces
 * of indentation, or a setext paragraph), a list item, a table row or a `<summary>` whose text
 * holds an id, or a numbered bold item below a line naming a unit (`## Phases` over `1) **Base**`),
 * or from a plan tool's front matter, and every id has an ASCII
 * digit next to a kind word (`Phase 3`, `Week 1-2`, `Milestone 0`) or straight after a `P` or
 * `M` (`P5.1`, `M1`), or is a lone capital after a unit word (`Track A`). The heading's text as the parser sees it is its source with markup
 * removed, character references decoded, mojibake repaired and emoji dropped. So the source
 * line, with markup and non-ASCII characters removed, holds the same ASCII letters and digits
 * in the same order, and the test below looks for the id there. Character references (`&#80;1`
 * is "P1") and the two non-ASCII letters that case-fold to ASCII ones (ſ, the Kelvin sign) are
 * taken as a possible id outright. The unit tests check "false ⇒ no phase" on the seeds, the
 * corpus, the fixtures and random documents.
 */

const ATX_HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;
/** Lines that may carry a phase outside a heading: a list item, a table row, a `<summary>`. */
const PHASE_CARRIER = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]|^[ \t>]*\||\|[ \t]*$|<summary/i;
/** Front matter of a Cursor plan (`todos:`) or a GSD plan (`phase:`): a plan by its format. */
const FRONT_MATTER_PLAN = /^(?:todos|phase)[ \t]*:/m;
/** Kiro's numbered task tree: `- [ ] 2. Title` is phase 2 when `2.1 …` tasks follow. */
const NUMBERED_TASK = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX~-]\]\*?[ \t]+\d/;
/** `1) **Foundations** — …`, `### 1. Foundation`: phase 1 when a heading above names the unit (`## Phases`). */
const GROUPED_ITEM = /^[ \t>]*\d{1,3}[.)][ \t]+(?:\[[ xX~-]\][ \t]+)?(?:\*\*|__)|^[ \t]{0,3}#{1,6}[ \t]+[^\p{L}\p{N}]*\d{1,3}[.)][ \t]/u;
const DIGIT = /\d/;
/** Every unit word of the vocabulary, unanchored and in any case; an inflection only adds letters. */
const UNIT = new RegExp(UNIT_WORD, 'iu');
/** A unit named by a lone capital instead of a number (`Track A`, `Phase B`): the one id without a digit. */
const LETTER_ID = new RegExp(String.raw`(?:${UNIT_WORD})\p{L}*[^\p{L}\p{N}]*[A-Z](?![\p{L}\p{N}])`, 'iu');
/** A letter straight before a digit: `P5.1`, `M1`, `v0.3`, `Q1`, a sibling code `S4`. */
const SHORT_ID = /[a-z]\d/i;
/** Inline markup the parser removes from a heading's text: emphasis, code, links, escapes, HTML. */
const MARKUP = /[*_~`\\[\]()!<>]/g;
const NON_ASCII = /[^\x00-\x7f]/g;
const HAS_NON_ASCII = /[^\x00-\x7f]/;
/** Letters that fold to ASCII ones in a case-insensitive match (ſ → s, Kelvin sign → k). */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

export function mightBePlan(text: string): boolean {
  // A Cursor plan's phase is named by its front matter, digits or not.
  if (/^\uFEFF?---[ \t]*\r?\n/.test(text) && FRONT_MATTER_PLAN.test(text)) return true;
  // Fast exit: no digit and no unit named by a letter anywhere, no id anywhere.
  if (!DIGIT.test(text) && !HAS_NON_ASCII.test(text) && !LETTER_ID.test(text.replace(MARKUP, ''))) return false;
  // Most plans name a phase near the top: read the first lines alone before splitting it all.
  // The scan goes line by line and only looks back, so a `true` from whole lines at the start is
  // the `true` the whole text gives.
  let prefixEnd = text.length > PREFIX_LENGTH ? text.lastIndexOf('\n', PREFIX_LENGTH) : -1;
  if (text.charCodeAt(prefixEnd - 1) === 13) prefixEnd--;
  if (prefixEnd > 0 && anyLineMayHoldId(linesWithoutBom(text.slice(0, prefixEnd)))) return true;
  return anyLineMayHoldId(linesWithoutBom(text));
}

/** Characters read before the rest of a text (about a screenful of a plan). */
const PREFIX_LENGTH = 4096;

/** The lines as the parser counts them, a leading byte order mark left out. */
function linesWithoutBom(text: string): string[] {
  const lines = text.split(/\r?\n|\r/);
  if (lines.length > 0 && lines[0]!.charCodeAt(0) === 0xfeff) lines[0] = lines[0]!.slice(1);
  return lines;
}

function anyLineMayHoldId(lines: readonly string[]): boolean {
  let unitNamed = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (NUMBERED_TASK.test(line)) return true;
    if (!unitNamed) unitNamed = UNIT.test(line);
    else if (GROUPED_ITEM.test(line)) return true;
    if (ATX_HEADING.test(line) || PHASE_CARRIER.test(line)) {
      if (mayHoldId(line)) return true;
    } else if (index > 0 && SETEXT_UNDERLINE.test(line) && lines[index - 1]!.trim() !== '') {
      // The heading's text is the paragraph above the underline, possibly several lines.
      let start = index - 1;
      while (start > 0 && lines[start - 1]!.trim() !== '') start--;
      if (mayHoldId(lines.slice(start, index).join('\n'))) return true;
    }
  }
  return false;
}

function mayHoldId(source: string): boolean {
  const hasDigit = DIGIT.test(source);
  if (!hasDigit && !HAS_NON_ASCII.test(source) && !source.includes('&') && !LETTER_ID.test(source.replace(MARKUP, ''))) return false;
  if (source.includes('&') || FOLDS_TO_ASCII.test(source)) return true;
  const variants = [source, source.replace(MARKUP, '')];
  // Mojibake repair can yield a letter that folds to ASCII ("Å¿" is ſ): look at the repaired text too.
  if (HAS_NON_ASCII.test(source)) variants.push(...variants.map((variant) => cleanMojibake(variant)));
  return variants.some((variant) => {
    if (FOLDS_TO_ASCII.test(variant) || LETTER_ID.test(variant)) return true;
    const ascii = variant.replace(NON_ASCII, '');
    if (LETTER_ID.test(ascii) || LETTER_ID.test(ascii.replace(MARKUP, ''))) return true;
    if (!hasDigit) return false;
    return UNIT.test(variant) || UNIT.test(ascii) || SHORT_ID.test(ascii.replace(MARKUP, ''));
  });
}
