/**
 * The work a benchmark child process does, and what it reports back. Each
 * job runs in a fresh `node` process so that one engine's heap (or the
 * compiler's) never slows another's measurements.
 */
import type { EngineName } from "../engines/engine.js";
import type { ColdOptions, ColdResult } from "../measure/cold.js";
import type { WarmOptions, WarmResult } from "../measure/warm.js";
import type { StreamKind, StreamSizes } from "../workload/streams.js";

export interface TimingOptions {
  readonly warm: WarmOptions;
  readonly cold: ColdOptions;
  /** Time allowed for checking one warm stream against the runtime; its verified prefix is what gets timed. */
  readonly agreementBudgetMs: number;
  /** Time each verified warm stream is then looped, so that cold passes find the JIT warm. */
  readonly jitWarmupMs: number;
  /** The fewest requests a slow engine is timed on per stream. */
  readonly minRequests: number;
}

interface JobBase {
  readonly roles: number;
  readonly seed: number;
  /** Directory shared by the jobs of one R: policy.json, policy.js, expected.json. */
  readonly dir: string;
  /** Where the job writes its JSON result. */
  readonly resultPath: string;
}

export interface CompileJob extends JobBase {
  readonly mode: "compile";
  /** At most this many compile() runs, and no new one once `budgetMs` is spent (at least one). */
  readonly runs: number;
  readonly budgetMs: number;
}

export interface OracleJob extends JobBase {
  readonly mode: "oracle";
  readonly sizes: StreamSizes;
}

export interface EngineJob extends JobBase {
  readonly mode: "engine";
  readonly engine: EngineName;
  readonly sizes: StreamSizes;
  readonly timing: TimingOptions;
}

export type Job = CompileJob | OracleJob | EngineJob;

export interface CompileReport {
  /** Median of the runs, input texts to table and module through compile(). */
  readonly compile_ms: number;
  readonly compile_runs_ms: readonly number[];
  /** The child's peak resident set (VmHWM) after compiling, and its resident set just before. */
  readonly compile_peak_rss_mb: number;
  readonly rss_before_compile_mb: number;
  /** The policy's YAML texts, whether or not they were compiled. */
  readonly yaml_bytes: number;
  /** What was compiled: the YAML files, or the REST API dump where the YAML is over the plugin's 3 MiB limit. */
  readonly input_format: "yaml" | "api-dump";
  readonly input_bytes: number;
  readonly table_bytes: number;
  /** Size of the same policy.json compiled with provenance. */
  readonly provenance_table_bytes: number;
  /** Size of the generated policy.js; null when the compiler emits none. */
  readonly module_bytes: number | null;
  readonly index_patterns: number;
  readonly action_patterns: number;
  readonly users: number;
  readonly warnings: number;
}

export interface StreamReport {
  readonly requests: number;
  readonly allowed_share: number;
}

export interface OracleReport {
  readonly warm: Readonly<Partial<Record<StreamKind, StreamReport>>>;
  readonly cold: Readonly<Partial<Record<StreamKind, { readonly segments: readonly number[] }>>>;
}

export interface KindTiming {
  /** Null when no request of the stream is left for the engine. */
  readonly warm: (WarmResult & { readonly allowed_share: number }) | null;
  readonly cold: ColdResult | null;
  /** Requests the engine cannot express, left out of its warm stream and cold segments. */
  readonly left_out: { readonly warm: number; readonly cold: number };
}

export interface EngineReport {
  readonly engine: EngineName;
  /** Why the engine did not run (e.g. no generated module yet). */
  readonly absent?: string;
  /** Time to build the engine (parse, preparse, load the table or module). */
  readonly load_ms?: number;
  /** Where the job's time went: building the workload and the engine, checking the warm streams, cold and warm timing. */
  readonly phases?: { readonly workload_ms: number; readonly load_ms: number; readonly verify_ms: number; readonly cold_ms: number; readonly warm_ms: number };
  readonly notes?: readonly string[];
  readonly kinds?: Readonly<Partial<Record<StreamKind, KindTiming>>>;
}
