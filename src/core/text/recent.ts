/**
 * A bounded memo for a pure function of a short string. A keystroke re-reads every heading and
 * task of its plan, and all but one are the texts the previous keystroke read; remembering the
 * answers turns those re-reads into lookups. Emptied when full, so memory stays bounded however
 * many documents pass through; longer inputs are computed every time.
 */
export function rememberRecent<T>(compute: (text: string) => T, limit = 20_000, maxLength = 500): (text: string) => T {
  const known = new Map<string, T>();
  return (text: string): T => {
    const remembered = known.get(text);
    if (remembered !== undefined || known.has(text)) return remembered as T;
    const result = compute(text);
    if (text.length <= maxLength) {
      if (known.size >= limit) known.clear();
      known.set(text, result);
    }
    return result;
  };
}
