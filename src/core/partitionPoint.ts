/**
 * The number of leading indices in `[0, length)` for which `before` holds, by binary search:
 * `before` must hold for a prefix of the range and fail for the rest (a sorted array asked
 * "is this element before the value?").
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
