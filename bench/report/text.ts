/** The plain-text report `npm run bench` prints. */
import { ENGINE_NAMES, type EngineName } from "../engines/engine.js";
import { spreadPercent, type Summary } from "../measure/stats.js";
import { STREAM_KINDS, type StreamKind } from "../workload/streams.js";
import type { BenchResults, RoleResult } from "./results.js";

const CELL = 20;

function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

function nanoseconds(summary: Summary): string {
  const median = summary.median_ns < 10 ? summary.median_ns.toFixed(1) : count(summary.median_ns);
  return `${median} ±${spreadPercent(summary).toFixed(0)}%`;
}

function row(label: string, cells: readonly string[]): string {
  return label.padEnd(22) + cells.map((cell) => cell.padStart(CELL)).join("");
}

function roleHeader(results: readonly RoleResult[]): string {
  return row("", results.map((r) => `R=${count(r.roles)}`));
}

function cell(result: RoleResult, engine: EngineName, kind: StreamKind, phase: "warm" | "cold"): string {
  const outcome = result.engines[engine];
  if (!outcome) return "-";
  if (outcome.error) return "FAILED";
  if (outcome.absent) return "n/a";
  const summary = outcome.kinds?.[kind]?.[phase];
  return summary ? nanoseconds(summary) : "-";
}

function timingTable(results: readonly RoleResult[], phase: "warm" | "cold"): string[] {
  const title =
    phase === "warm"
      ? "Warm: ns per check, median ±half-range over benchmark.js samples (fixed stream looped)"
      : "Cold: ns per check, median ±half-range over timed passes (no (action, index) pair seen before)";
  const lines = [title, roleHeader(results)];
  for (const kind of STREAM_KINDS) {
    for (const engine of ENGINE_NAMES) lines.push(row(`${kind.padEnd(9)}${engine}`, results.map((r) => cell(r, engine, kind, phase))));
  }
  return lines;
}

function compileTable(results: readonly RoleResult[]): string[] {
  const line = (label: string, value: (r: RoleResult) => string) => row(label, results.map(value));
  return [
    "Compile (input texts to table and module through compile(), in a child process)",
    roleHeader(results),
    line("input", (r) => `${r.input_format} ${count(r.input_bytes / 1024)} KiB`),
    line("users", (r) => count(r.users)),
    line("index patterns", (r) => count(r.index_patterns)),
    line("action patterns", (r) => count(r.action_patterns)),
    line("compile ms (median)", (r) => count(r.compile_ms)),
    line("peak RSS MiB", (r) => count(r.compile_peak_rss_mb)),
    line("module KiB", (r) => (r.module_bytes === null ? "n/a" : count(r.module_bytes / 1024))),
    line("table KiB", (r) => count(r.table_bytes / 1024)),
    line("  with provenance KiB", (r) => count(r.provenance_table_bytes / 1024)),
  ];
}

function streamLines(results: readonly RoleResult[]): string[] {
  const lines = ["Warm streams: requests, allowed share (runtime's decisions)", roleHeader(results)];
  for (const kind of STREAM_KINDS) {
    lines.push(row(kind, results.map((r) => (r.streams[kind] ? `${r.streams[kind].requests}, ${(r.streams[kind].allowed_share * 100).toFixed(0)}% allowed` : "-"))));
  }
  return lines;
}

/** How many requests of each kind the engine could not express, warm and cold; undefined when none. */
function leftOutLine(engine: EngineName, r: RoleResult): string | undefined {
  const list = (phase: "warm" | "cold") =>
    STREAM_KINDS.flatMap((kind) => {
      const leftOut = r.engines[engine]?.kinds?.[kind]?.left_out[phase] ?? 0;
      return leftOut > 0 ? [`${kind} ${count(leftOut)}`] : [];
    }).join(", ");
  const warm = list("warm");
  const cold = list("cold");
  if (!warm && !cold) return undefined;
  return `  ${engine}, R=${count(r.roles)}: requests left out (cannot express): warm ${warm || "none"}; cold ${cold || "none"}`;
}

/** The kinds on which a slow engine was timed on a prefix of the warm stream; undefined when none. */
function cappedLine(engine: EngineName, r: RoleResult): string | undefined {
  const capped = STREAM_KINDS.flatMap((kind) => {
    const timing = r.engines[engine]?.kinds?.[kind];
    const full = r.streams[kind]?.requests ?? 0;
    return timing?.warm && timing.warm.requests + timing.left_out.warm < full ? [`${kind} ${timing.warm.requests}`] : [];
  });
  return capped.length > 0 ? `  ${engine}, R=${count(r.roles)}: slow, timed on the first requests only (within the agreement budget): ${capped.join(", ")}` : undefined;
}

/** Each engine's encoding notes, the requests peers could not take, and where slow engines were capped. */
function engineNotes(results: readonly RoleResult[]): string[] {
  const lines = ["Engines"];
  for (const engine of ENGINE_NAMES) {
    const outcome = results.map((r) => r.engines[engine]).find((o) => o?.notes);
    for (const note of outcome?.notes ?? []) lines.push(`  ${engine}: ${note}`);
    for (const r of results) lines.push(...[leftOutLine(engine, r), cappedLine(engine, r)].filter((line): line is string => line !== undefined));
  }
  return lines;
}

function failures(results: readonly RoleResult[]): string[] {
  return results.flatMap((r) =>
    ENGINE_NAMES.flatMap((engine) => {
      const outcome = r.engines[engine];
      if (outcome?.error) return [`FAILED ${engine} at R=${count(r.roles)}: ${outcome.error}`];
      if (outcome?.absent) return [`n/a ${engine} at R=${count(r.roles)}: ${outcome.absent}`];
      return [];
    }),
  );
}

function targetLines(results: BenchResults): string[] {
  return [
    "Targets",
    ...results.targets.map((t) => {
      const mark = t.met === null ? "[n/a]   " : t.met ? "[met]   " : "[MISSED]";
      const value = t.value === null ? "n/a" : t.id.startsWith("compile") ? count(t.value) : `${t.value.toFixed(2)}x`;
      return `  ${mark} ${t.description}: ${value} (${t.detail})`;
    }),
  ];
}

export function formatReport(results: BenchResults): string {
  const m = results.machine;
  const header = `policyc benchmark${results.quick ? " (quick)" : ""}: ${m.cpu}, ${m.cores} cores, Node ${m.node}, seed ${results.seed}, ${results.total_seconds.toFixed(0)} s`;
  const sections = [
    [header],
    compileTable(results.results),
    streamLines(results.results),
    timingTable(results.results, "warm"),
    timingTable(results.results, "cold"),
    targetLines(results),
    engineNotes(results.results),
    failures(results.results),
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join("\n")).join("\n\n") + "\n";
}
