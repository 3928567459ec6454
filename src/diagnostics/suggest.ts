/**
 * "Did you mean" suggestions: the closest candidate by edit distance, used by
 * the checks, the CLI and the language server's quick fixes.
 */

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `name`, if it is close enough to be a plausible
 * typo: at most a third of the name's length (at least 1, at most 4) edits.
 * Ties go to the alphabetically first candidate, so the answer is stable.
 */
export function closestMatch(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(4, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate, bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : abbreviatedMatch(name, candidates);
}

/**
 * A candidate whose words start with the name's words, in order, from the
 * first word on: `async_full_access` abbreviates
 * `asynchronous_search_full_access`. The one with the fewest extra words wins.
 */
function abbreviatedMatch(name: string, candidates: Iterable<string>): string | undefined {
  const words = name.split(/[_\-.:/]+/).filter(Boolean);
  if (words.length < 2) return undefined;
  let best: string | undefined;
  let bestExtra = Infinity;
  for (const candidate of candidates) {
    const candidateWords = candidate.split(/[_\-.:/]+/).filter(Boolean);
    if (!startsWithWords(candidateWords, words)) continue;
    const extra = candidateWords.length - words.length;
    if (extra < bestExtra || (extra === bestExtra && best !== undefined && candidate < best)) {
      best = candidate;
      bestExtra = extra;
    }
  }
  return best;
}

/** Whether each word is a prefix of a later word of `candidate`, the first word of the first. */
function startsWithWords(candidate: readonly string[], words: readonly string[]): boolean {
  if (!candidate[0]?.startsWith(words[0]!)) return false;
  let at = 1;
  for (const word of words.slice(1)) {
    while (at < candidate.length && !candidate[at]!.startsWith(word)) at++;
    if (at++ >= candidate.length) return false;
  }
  return true;
}

/** `; did you mean `x`?` or the empty string, to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestMatch(name, candidates);
  return match === undefined ? "" : `; did you mean \`${match}\`?`;
}
