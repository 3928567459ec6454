/**
 * The issue's targets, as ratios within one run: module vs reference and vs
 * the fastest peer at R = 1,000, a table with provenance vs one without at
 * R = 1,000, flatness from R = 10 to 10,000, cluster and
 * single-index checks vs a bare `Map.get`, compile time and memory at
 * R = 10,000. Each is met, missed, or not measurable in this run (null).
 */
import type { EngineName } from "../engines/engine.js";
import type { StreamKind } from "../workload/streams.js";
import type { RoleResult } from "./results.js";

export interface TargetResult {
  readonly id: string;
  readonly description: string;
  /** The measured ratio or figure; null when this run cannot measure it. */
  readonly value: number | null;
  readonly limit: number;
  /** True when the value must be at least the limit, false when at most. */
  readonly at_least: boolean;
  readonly met: boolean | null;
  readonly detail: string;
}

const PEERS: readonly EngineName[] = ["casl", "casbin", "cedar"];

function median(results: readonly RoleResult[], roles: number, engine: EngineName, kind: StreamKind, phase: "warm" | "cold"): number | null {
  return results.find((r) => r.roles === roles)?.engines[engine]?.kinds?.[kind]?.[phase]?.median_ns ?? null;
}

function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}

function times(value: number | null): string {
  return value === null ? "n/a" : `${value.toFixed(value < 10 ? 2 : 1)}x`;
}

function target(id: string, description: string, value: number | null, limit: number, atLeast: boolean, detail: string): TargetResult {
  const met = value === null ? null : atLeast ? value >= limit : value <= limit;
  return { id, description, value, limit, at_least: atLeast, met, detail };
}

function versusReference(results: readonly RoleResult[]): TargetResult {
  const at = (phase: "warm" | "cold") => ratio(median(results, 1000, "reference", "mixed", phase), median(results, 1000, "module", "mixed", phase));
  return target("module_vs_reference_r1000", "R=1,000: module at least 50x faster than the reference evaluator", at("warm"), 50, true, `warm mixed stream; cold: ${times(at("cold"))}`);
}

function versusPeers(results: readonly RoleResult[]): TargetResult {
  const fastest = (phase: "warm" | "cold") =>
    PEERS.map((peer) => ({ peer, ns: median(results, 1000, peer, "mixed", phase) }))
      .filter((p): p is { peer: EngineName; ns: number } => p.ns !== null)
      .sort((a, b) => a.ns - b.ns)[0];
  const warm = fastest("warm");
  const cold = fastest("cold");
  const module = (phase: "warm" | "cold") => median(results, 1000, "module", "mixed", phase);
  const detail = `fastest peer ${warm?.peer ?? "n/a"} (warm mixed stream); cold: ${times(ratio(cold?.ns ?? null, module("cold")))} vs ${cold?.peer ?? "n/a"}`;
  return target("module_vs_fastest_peer_r1000", "R=1,000: module at least 10x faster than the fastest peer", ratio(warm?.ns ?? null, module("warm")), 10, true, detail);
}

/** Provenance is data for `explain`; a table that carries it must decide as fast as one without. */
function provenanceCost(results: readonly RoleResult[]): TargetResult {
  const at = (phase: "warm" | "cold") => ratio(median(results, 1000, "runtime_prov", "mixed", phase), median(results, 1000, "runtime", "mixed", phase));
  return target(
    "provenance_vs_lean_r1000",
    "R=1,000: authorize on a table compiled with provenance costs at most 1.1x the same table without",
    at("warm"),
    1.1,
    false,
    `runtime_prov / runtime, warm mixed stream; cold: ${times(at("cold"))}`,
  );
}

function flatness(results: readonly RoleResult[]): TargetResult {
  const at = (phase: "warm" | "cold") => ratio(median(results, 10_000, "module", "mixed", phase), median(results, 10, "module", "mixed", phase));
  return target("module_r10000_vs_r10", "module cost per check at R=10,000 at most 1.5x its cost at R=10", at("warm"), 1.5, false, `warm mixed stream; cold: ${times(at("cold"))}`);
}

/** The worst ratio over every R of the run, with each R's ratio in the detail. */
function versusMapGet(results: readonly RoleResult[], kind: StreamKind, limit: number, id: string, description: string): TargetResult {
  const ratios = results.map((r) => ({ roles: r.roles, value: ratio(median(results, r.roles, "module", kind, "warm"), median(results, r.roles, "map_get", kind, "warm")) }));
  const known = ratios.filter((r): r is { roles: number; value: number } => r.value !== null);
  const worst = known.length === 0 ? null : Math.max(...known.map((r) => r.value));
  const detail = `warm ${kind} stream, worst over R: ${ratios.map((r) => `R=${r.roles.toLocaleString("en-US")} ${times(r.value)}`).join(", ")}`;
  return target(id, description, worst, limit, false, detail);
}

function compileTargets(results: readonly RoleResult[]): TargetResult[] {
  const big = results.find((r) => r.roles === 10_000);
  const input = big ? (big.input_format === "yaml" ? "YAML" : "REST API dump (the YAML is over the plugin's 3 MiB)") : "";
  const detail = big ? `R=10,000: ${big.index_patterns.toLocaleString("en-US")} index patterns, from the ${input}, median of ${big.compile_runs_ms.length} compile() runs` : "R=10,000 not in this run";
  return [
    target("compile_r10000_ms", "R=10,000: compile (policy text to table and module) under 5,000 ms", big?.compile_ms ?? null, 5000, false, detail),
    target("compile_r10000_peak_rss_mb", "R=10,000: compile peak memory under 1,024 MiB", big?.compile_peak_rss_mb ?? null, 1024, false, "peak resident set of the compile process"),
  ];
}

export function evaluateTargets(results: readonly RoleResult[]): TargetResult[] {
  return [
    versusReference(results),
    versusPeers(results),
    provenanceCost(results),
    flatness(results),
    versusMapGet(results, "cluster", 4, "cluster_vs_map_get", "a cluster check costs at most 4x a bare Map.get"),
    versusMapGet(results, "single", 10, "single_index_vs_map_get", "a single-index check costs at most 10x a bare Map.get"),
    ...compileTargets(results),
  ];
}
