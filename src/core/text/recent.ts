/** What `rememberRecent` stores for an answer of `undefined`. */
const NOTHING: unique symbol = Symbol('nothing');

/**
 * A bounded memo for a pure function of a short string. A keystroke re-reads every heading and
 * task of its plan, and all but one are the texts the previous keystroke read; remembering the
 * answers turns those re-reads into lookups. Emptied when full, so memory stays bounded however
 * many documents pass through; longer inputs are computed every time.
 */
export function rememberRecent<T>(compute: (text: string) => T, limit = 20_000, maxLength = 500): (text: string) => T {
  // Most lines are no field, heading or id: `undefined` is stored as a marker, so one lookup answers.
  const known = new Map<string, T | typeof NOTHING>();
  return (text: string): T => {
    const remembered = known.get(text);
    if (remembered !== undefined) return (remembered === NOTHING ? undefined : remembered) as T;
    const result = compute(text);
    if (text.length <= maxLength) {
      if (known.size >= limit) known.clear();
      known.set(text, result === undefined ? NOTHING : result);
    }
    return result;
  };
}
