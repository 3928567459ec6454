/**
 * Cold timing: a warm-up pass on one segment, then one timed pass per
 * further segment, each made of requests the engine has never seen (no
 * (action, index) pair repeats). Decisions are recorded during the timed
 * pass and compared with the runtime's afterwards, since checking them
 * first would warm the very caches the pass is meant to find cold. No
 * garbage collection is forced before a pass.
 */
import type { Engine } from "../engines/engine.js";
import { verifyRecorded, type TimedStream } from "./agreement.js";
import { summarize, type Summary } from "./stats.js";

export interface ColdOptions {
  /** Time allowed for one timed pass; slow engines get a prefix of each segment. */
  readonly passBudgetMs: number;
  readonly warmupBudgetMs: number;
  /** The fewest requests a pass is cut to. */
  readonly minRequests: number;
}

export interface ColdResult extends Summary {
  /** Requests per timed pass (the largest, when segments differ). */
  readonly requests_per_pass: number;
}

/** Decides `count` requests, recording decisions; returns elapsed ns. */
function timedPass(engine: Engine, stream: TimedStream, count: number, recorded: Uint8Array): number {
  const check = engine.check;
  const requests = stream.requests;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) recorded[i] = check(requests[i]!) ? 1 : 0;
  return Number(process.hrtime.bigint() - started);
}

/** The warm-up pass, within its budget; returns the estimated ns per check. */
function warmUp(engine: Engine, stream: TimedStream, options: ColdOptions): number {
  const recorded = new Uint8Array(stream.requests.length);
  const started = process.hrtime.bigint();
  const budgetNs = BigInt(Math.round(options.warmupBudgetMs * 1e6));
  let count = 0;
  while (count < stream.requests.length && (count < options.minRequests || process.hrtime.bigint() - started < budgetNs)) {
    recorded[count] = engine.check(stream.requests[count]!) ? 1 : 0;
    count++;
  }
  verifyRecorded(engine, stream, recorded, count);
  return count === 0 ? 0 : Number(process.hrtime.bigint() - started) / count;
}

/** Times the segments (segment 0 is the warm-up); undefined when no segment has requests. */
export function timeCold(engine: Engine, segments: readonly TimedStream[], options: ColdOptions): ColdResult | undefined {
  const [first, ...timed] = segments;
  if (!first || first.requests.length === 0) return undefined;
  const estimate = warmUp(engine, first, options);
  const cap = Math.max(options.minRequests, Math.floor((options.passBudgetMs * 1e6) / Math.max(estimate, 1)));
  const perCheck: number[] = [];
  let largest = 0;
  for (const segment of timed) {
    const count = Math.min(cap, segment.requests.length);
    if (count === 0) continue;
    const recorded = new Uint8Array(count);
    const elapsed = timedPass(engine, segment, count, recorded);
    verifyRecorded(engine, segment, recorded, count);
    perCheck.push(elapsed / count);
    largest = Math.max(largest, count);
  }
  return perCheck.length === 0 ? undefined : { ...summarize(perCheck), requests_per_pass: largest };
}
