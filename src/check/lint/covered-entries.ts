/**
 * Which entries of a list another entry of the same list already covers.
 * Of two entries that cover each other (a repeat), the later one is the
 * redundant one, so that removing every entry found keeps what the list grants.
 */

/** Lists longer than this are not compared pair by pair (the work grows with the square of the length). */
const MAX_COMPARED = 1000;

export interface CoveredEntry {
  /** The position of the redundant entry. */
  readonly narrow: number;
  /** The position of the first entry that covers it. */
  readonly broad: number;
}

export function coveredEntries<T>(items: readonly T[], covers: (broad: T, narrow: T) => boolean): CoveredEntry[] {
  if (items.length < 2 || items.length > MAX_COMPARED) return [];
  const found: CoveredEntry[] = [];
  items.forEach((narrow, i) => {
    const broad = items.findIndex((other, j) => j !== i && covers(other, narrow) && !(j > i && covers(narrow, other)));
    if (broad >= 0) found.push({ narrow: i, broad });
  });
  return found;
}
