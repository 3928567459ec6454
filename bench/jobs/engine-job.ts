/**
 * The engine job: builds one engine from the workload (and the compile
 * job's outputs); checks each warm stream against the runtime's decisions
 * and keeps looping it for a moment so the JIT has compiled the engine's
 * paths; then times it cold on every kind (pairs never seen, warm streams
 * included), then warm.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine } from "../engines/engine.js";
import { createEngine } from "../engines/index.js";
import { allowedShare, checkPrefix, restrict, type ExpectedDecisions, type TimedStream } from "../measure/agreement.js";
import { timeCold } from "../measure/cold.js";
import { timeWarm, warmUpJit } from "../measure/warm.js";
import { STREAM_KINDS, type StreamKind } from "../workload/streams.js";
import { buildWorkload, type Workload } from "../workload/workload.js";
import type { EngineJob, EngineReport, KindTiming } from "./job.js";

/** A warm stream after its agreement check: the verified prefix and the cost per check seen meanwhile. */
interface VerifiedStream {
  readonly stream: TimedStream;
  readonly count: number;
  readonly estimateNs: number;
}

function verifyWarm(engine: Engine, workload: Workload, expected: ExpectedDecisions, job: EngineJob, k: number): VerifiedStream {
  const stream = restrict(workload.warm[k]!, expected.warm[k]!, engine.unsupported);
  if (stream.requests.length === 0) return { stream, count: 0, estimateNs: 0 };
  const started = performance.now();
  const count = checkPrefix(engine, stream, job.timing.agreementBudgetMs, job.timing.minRequests);
  const estimateNs = ((performance.now() - started) * 1e6) / count;
  warmUpJit(engine, stream, count, job.timing.jitWarmupMs);
  return { stream, count, estimateNs };
}

function coldTiming(engine: Engine, workload: Workload, expected: ExpectedDecisions, job: EngineJob, k: number): Pick<KindTiming, "cold"> & { leftOut: number } {
  const segments = (workload.cold.get(STREAM_KINDS[k]!) ?? []).map((segment, s) => restrict(segment, expected.cold[k]![s]!, engine.unsupported));
  return { cold: timeCold(engine, segments, job.timing.cold) ?? null, leftOut: segments.reduce((sum, segment) => sum + segment.leftOut, 0) };
}

function warmTiming(engine: Engine, verified: VerifiedStream, job: EngineJob): KindTiming["warm"] {
  if (verified.count === 0) return null;
  const timing = timeWarm(engine, verified.stream, verified.count, verified.estimateNs, job.timing.warm);
  return { ...timing, allowed_share: allowedShare(verified.stream, verified.count) };
}

export async function runEngineJob(job: EngineJob): Promise<EngineReport> {
  const jobStarted = performance.now();
  const workload = buildWorkload(job.roles, job.seed, job.sizes);
  const workloadMs = performance.now() - jobStarted;
  const modulePath = join(job.dir, "policy.js");
  const artifacts = {
    tablePath: join(job.dir, "policy.json"),
    provenanceTablePath: join(job.dir, "policy-provenance.json"),
    modulePath: existsSync(modulePath) ? modulePath : undefined,
  };
  const started = performance.now();
  const engine = await createEngine(job.engine, { workload, artifacts });
  const loadMs = performance.now() - started;
  if ("absent" in engine) return { engine: job.engine, absent: engine.absent };
  const expected = JSON.parse(readFileSync(join(job.dir, "expected.json"), "utf8")) as ExpectedDecisions;
  const verifyStarted = performance.now();
  const verified = STREAM_KINDS.map((_, k) => verifyWarm(engine, workload, expected, job, k));
  const coldStarted = performance.now();
  const cold = STREAM_KINDS.map((_, k) => coldTiming(engine, workload, expected, job, k));
  const warmStarted = performance.now();
  const kinds: Partial<Record<StreamKind, KindTiming>> = {};
  STREAM_KINDS.forEach((kind, k) => {
    kinds[kind] = { warm: warmTiming(engine, verified[k]!, job), cold: cold[k]!.cold, left_out: { warm: verified[k]!.stream.leftOut, cold: cold[k]!.leftOut } };
  });
  const phases = {
    workload_ms: workloadMs,
    load_ms: loadMs,
    verify_ms: coldStarted - verifyStarted,
    cold_ms: warmStarted - coldStarted,
    warm_ms: performance.now() - warmStarted,
  };
  return { engine: job.engine, load_ms: loadMs, phases, notes: engine.notes, kinds };
}
