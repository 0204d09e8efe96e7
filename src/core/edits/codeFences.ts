/**
 * Which lines stand inside fenced code (fence lines included). Fences inside list items are
 * indented, so any indentation opens one here: a line scan that missed them would read a
 * commented-out `<!-- phaselens-disable -->` or a `## heading` in a code sample as real.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inside: boolean[] = new Array(lines.length).fill(false);
  let fence: { char: string; length: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence) {
      inside[index] = true;
      const close = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const open = /^[ \t]*(?:>[ \t]?)*(`{3,}|~{3,})(.*)$/.exec(line);
    // A backtick fence's info string may not contain backticks; otherwise it is inline code.
    if (open && (open[1]![0] === '~' || !open[2]!.includes('`'))) {
      inside[index] = true;
      fence = { char: open[1]![0]!, length: open[1]!.length };
    }
  }
  return inside;
}
