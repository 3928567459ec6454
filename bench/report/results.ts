/**
 * The shape of bench/results.json (documented in bench/README.md; other
 * tools read it, so fields are only ever added): per R the headline ns per
 * check of every engine (warm mixed stream; `ns_per_check_cold` for cold),
 * compile time and peak memory, and the full per-kind figures.
 */
import { ENGINE_NAMES, type EngineName } from "../engines/engine.js";
import type { CompileReport, EngineReport, OracleReport, TimingOptions } from "../jobs/job.js";
import type { MachineInfo } from "../machine.js";
import type { StreamSizes } from "../workload/streams.js";
import type { TargetResult } from "./targets.js";

/** An engine job's report, or why it failed (e.g. a disagreement with the runtime). */
export type EngineOutcome = EngineReport & { readonly error?: string };

/** Everything measured for one R. */
export interface RoleRun {
  readonly roles: number;
  readonly compile: CompileReport;
  readonly oracle: OracleReport;
  readonly engines: ReadonlyMap<EngineName, EngineOutcome>;
}

export interface RoleResult extends CompileReport {
  readonly roles: number;
  /** Median ns per check on the warm mixed stream; null when the engine did not run. */
  readonly ns_per_check: Readonly<Record<EngineName, number | null>>;
  readonly ns_per_check_cold: Readonly<Record<EngineName, number | null>>;
  readonly streams: OracleReport["warm"];
  readonly engines: Readonly<Partial<Record<EngineName, EngineOutcome>>>;
}

export interface BenchResults {
  readonly format: "policyc-bench-results";
  readonly version: 1;
  readonly generated_at: string;
  readonly quick: boolean;
  readonly seed: number;
  readonly machine: MachineInfo;
  readonly method: { readonly sizes: StreamSizes; readonly timing: TimingOptions };
  readonly results: readonly RoleResult[];
  readonly targets: readonly TargetResult[];
  readonly total_seconds: number;
}

/** The headline figure of one engine: its median on the mixed stream. */
function headline(outcome: EngineOutcome | undefined, phase: "warm" | "cold"): number | null {
  return outcome?.kinds?.mixed?.[phase]?.median_ns ?? null;
}

function headlines(run: RoleRun, phase: "warm" | "cold"): Record<EngineName, number | null> {
  return Object.fromEntries(ENGINE_NAMES.map((name) => [name, headline(run.engines.get(name), phase)])) as Record<EngineName, number | null>;
}

export function roleResult(run: RoleRun): RoleResult {
  return {
    roles: run.roles,
    ns_per_check: headlines(run, "warm"),
    ns_per_check_cold: headlines(run, "cold"),
    ...run.compile,
    streams: run.oracle.warm,
    engines: Object.fromEntries(run.engines),
  };
}
