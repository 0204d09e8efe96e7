/**
 * "Did you mean 2B?": existing keys of the same kind one edit away from a missing key
 * (a character replaced, inserted, deleted, or two neighbours swapped), e.g. `2E` → `2D`,
 * `5.13` → `5.1.3`, `3.l` → `3.1`. Generating the neighbours of the missing key and looking them
 * up keeps this cheap however many phases the workspace holds.
 *
 * Short numbers are where a near miss says least: `Phase 9` is not a typo of `Phase 2`, and
 * `P2` is not a typo of `2A` (a sub-phase). So a replaced or swapped character needs numbers of
 * two characters or more, and an inserted or dropped one needs three or more.
 */
export interface Suggestion {
  key: string;
  /** For a replaced character, how far apart the two are (`2E`→`2D` beats `2E`→`2A`); else 0. */
  gap: number;
}

export function keysOneEditAway(missingKey: string, alphabet: ReadonlySet<string>, exists: (key: string) => boolean): Suggestion[] {
  const colon = missingKey.indexOf(':');
  const kind = missingKey.slice(0, colon + 1);
  const number = missingKey.slice(colon + 1);
  const found = new Map<string, number>();
  const consider = (candidate: string, gap: number, minLength = 2) => {
    if (candidate === number || candidate.length === 0) return;
    if (Math.max(candidate.length, number.length) < minLength) return;
    const key = kind + candidate;
    if (!exists(key)) return;
    const known = found.get(key);
    if (known === undefined || gap < known) found.set(key, gap);
  };

  for (let i = 0; i < number.length; i++) {
    consider(number.slice(0, i) + number.slice(i + 1), 0, 3);
    for (const char of alphabet) {
      consider(number.slice(0, i) + char + number.slice(i + 1), Math.abs(char.charCodeAt(0) - number.charCodeAt(i)));
    }
    if (i + 1 < number.length) {
      consider(number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2), 0);
    }
  }
  for (let i = 0; i <= number.length; i++) {
    for (const char of alphabet) consider(number.slice(0, i) + char + number.slice(i), 0, 3);
  }
  return [...found].map(([key, gap]) => ({ key, gap }));
}
