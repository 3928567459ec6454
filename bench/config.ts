/**
 * Command-line options of `npm run bench` and the sizes and time budgets of
 * a full run and of the quick smoke run (`--quick`).
 */
import { ENGINE_NAMES, type EngineName } from "./engines/engine.js";
import type { TimingOptions } from "./jobs/job.js";
import type { StreamSizes } from "./workload/streams.js";

export interface BenchConfig {
  readonly quick: boolean;
  /** Write bench/results.json. */
  readonly json: boolean;
  readonly seed: number;
  readonly roleCounts: readonly number[];
  readonly engines: readonly EngineName[];
  readonly sizes: StreamSizes;
  readonly timing: TimingOptions;
  /** compile() runs per R (the median is reported), and the time after which no further run starts. */
  readonly compileRuns: number;
  readonly compileBudgetMs: number;
}

const FULL: Omit<BenchConfig, "json" | "seed" | "engines"> = {
  quick: false,
  roleCounts: [10, 100, 1_000, 10_000],
  sizes: { warm: 256, coldSegment: 2048, coldSegments: 5 },
  timing: {
    warm: { maxTime: 0.25, minTime: 0.05, minSamples: 8, callNs: 50_000 },
    cold: { passBudgetMs: 100, warmupBudgetMs: 150, minRequests: 2 },
    agreementBudgetMs: 600,
    jitWarmupMs: 150,
    minRequests: 4,
  },
  compileRuns: 5,
  compileBudgetMs: 8000,
};

const QUICK: Omit<BenchConfig, "json" | "seed" | "engines"> = {
  quick: true,
  roleCounts: [10, 100],
  sizes: { warm: 64, coldSegment: 256, coldSegments: 3 },
  timing: {
    warm: { maxTime: 0.02, minTime: 0.005, minSamples: 3, callNs: 20_000 },
    cold: { passBudgetMs: 20, warmupBudgetMs: 20, minRequests: 4 },
    agreementBudgetMs: 100,
    jitWarmupMs: 20,
    minRequests: 4,
  },
  compileRuns: 1,
  compileBudgetMs: 0,
};

export class UsageError extends Error {}

function valueOf(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  return value;
}

function parseList<T>(text: string | undefined, parse: (item: string) => T): T[] | undefined {
  return text === undefined ? undefined : text.split(",").map((item) => parse(item.trim()));
}

function parseEngine(name: string): EngineName {
  if (!(ENGINE_NAMES as readonly string[]).includes(name)) throw new UsageError(`unknown engine \`${name}\` (engines: ${ENGINE_NAMES.join(", ")})`);
  return name as EngineName;
}

function parseCount(text: string): number {
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`\`${text}\` is not a role count`);
  return value;
}

const KNOWN_FLAGS = new Set(["--json", "--quick", "--seed", "--roles", "--engines"]);

/** Reads `--json`, `--quick`, `--seed N`, `--roles 10,100`, `--engines module,casl`. */
export function parseArguments(args: readonly string[]): BenchConfig {
  args.forEach((arg, i) => {
    if (arg.startsWith("--") && !KNOWN_FLAGS.has(arg)) throw new UsageError(`unknown option \`${arg}\``);
    if (!arg.startsWith("--") && !["--seed", "--roles", "--engines"].includes(args[i - 1] ?? "")) throw new UsageError(`unexpected argument \`${arg}\``);
  });
  const base = args.includes("--quick") ? QUICK : FULL;
  const seed = Number(valueOf(args, "--seed") ?? 1);
  if (!Number.isInteger(seed)) throw new UsageError("--seed needs a whole number");
  return {
    ...base,
    json: args.includes("--json"),
    seed,
    roleCounts: parseList(valueOf(args, "--roles"), parseCount) ?? base.roleCounts,
    engines: parseList(valueOf(args, "--engines"), parseEngine) ?? ENGINE_NAMES,
  };
}
