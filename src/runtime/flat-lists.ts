/**
 * Lists of lists stored flat: the items of all lists in one array, and
 * `starts[i]` … `starts[i + 1] - 1` the positions of list `i`'s items.
 */

/** The start offsets of consecutive lists of the given lengths, with the end as last item. */
export function offsets(lengths: readonly number[]): number[] {
  const out = [0];
  for (const length of lengths) out.push(out[out.length - 1]! + length);
  return out;
}

/** `offsets` in a typed array, for the hot path. */
export function offsetArray(lengths: readonly number[]): Int32Array {
  return Int32Array.from(offsets(lengths));
}
