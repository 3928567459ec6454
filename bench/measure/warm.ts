/**
 * Warm timing with benchmark.js: a fixed stream looped. Each benchmarked call
 * decides a batch of consecutive requests (so benchmark.js's own per-call
 * cost stays negligible next to fast engines); ns per check is the time per
 * call divided by the batch.
 */
import Benchmark from "benchmark";
import type { Engine } from "../engines/engine.js";
import type { TimedStream } from "./agreement.js";
import { summarize, type Summary } from "./stats.js";

export interface WarmOptions {
  /** benchmark.js `maxTime`, `minTime` (seconds) and `minSamples`. */
  readonly maxTime: number;
  readonly minTime: number;
  readonly minSamples: number;
  /** The time one benchmarked call should take, in ns (fast engines get larger batches). */
  readonly callNs: number;
}

export interface WarmResult extends Summary {
  /** Distinct requests looped. */
  readonly requests: number;
  /** Requests per benchmarked call. */
  readonly batch: number;
  /** benchmark.js's relative margin of error, percent. */
  readonly rme_percent: number;
}

/** Keeps results observable so the checks cannot be optimized away. */
export let warmSink = 0;

/** Loops the first `count` requests until `budgetMs` is spent, so the JIT compiles the engine's paths. */
export function warmUpJit(engine: Engine, stream: TimedStream, count: number, budgetMs: number): void {
  const check = engine.check;
  const started = performance.now();
  let allowed = 0;
  while (performance.now() - started < budgetMs) for (let i = 0; i < count; i++) if (check(stream.requests[i]!)) allowed++;
  warmSink += allowed;
}

/** Times `count` requests of the stream, looped; `estimateNs` (from the agreement pass) sizes the batch. */
export function timeWarm(engine: Engine, stream: TimedStream, count: number, estimateNs: number, options: WarmOptions): WarmResult {
  const requests = stream.requests.slice(0, count);
  const batch = Math.max(1, Math.min(4 * count, Math.round(options.callNs / Math.max(estimateNs, 1))));
  const check = engine.check;
  let cursor = 0;
  let allowed = 0;
  const decideBatch = (): void => {
    for (let i = 0; i < batch; i++) {
      if (check(requests[cursor]!)) allowed++;
      cursor = cursor + 1 === count ? 0 : cursor + 1;
    }
  };
  const slow = estimateNs > 1e6;
  const benchmark = new Benchmark(`${engine.name}/${stream.kind}`, decideBatch, {
    maxTime: slow ? Math.min(options.maxTime, 1) : options.maxTime,
    minSamples: slow ? Math.min(options.minSamples, 3) : options.minSamples,
    minTime: options.minTime,
    initCount: 1,
  });
  benchmark.run();
  if (benchmark.error) throw benchmark.error;
  warmSink += allowed;
  const perCheck = benchmark.stats.sample.map((seconds) => (seconds * 1e9) / batch);
  return { ...summarize(perCheck), requests: count, batch, rme_percent: benchmark.stats.rme };
}
