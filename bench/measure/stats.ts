/** Summaries of repeated measurements: the median and the spread around it. */

export interface Summary {
  /** Median nanoseconds per check. */
  readonly median_ns: number;
  readonly min_ns: number;
  readonly max_ns: number;
  /** Number of samples (benchmark.js cycles, or timed passes) the summary is over. */
  readonly samples: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("no values");
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/** The summary of per-check times in nanoseconds. */
export function summarize(nsPerCheck: readonly number[]): Summary {
  if (nsPerCheck.length === 0) throw new RangeError("no samples to summarize");
  const sorted = [...nsPerCheck].sort((a, b) => a - b);
  return { median_ns: quantile(sorted, 0.5), min_ns: sorted[0]!, max_ns: sorted[sorted.length - 1]!, samples: sorted.length };
}

/** The spread as ± percent of the median: half the min–max range. */
export function spreadPercent(summary: Summary): number {
  return summary.median_ns === 0 ? 0 : ((summary.max_ns - summary.min_ns) / 2 / summary.median_ns) * 100;
}
