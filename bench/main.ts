/**
 * `npm run bench [-- --json] [-- --quick]`: for each R, a compile job, an
 * oracle job (the runtime's decisions), then one job per engine, each in a
 * fresh process; prints the report and, with --json, writes
 * bench/results.json.
 */
import { lstatSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArguments, UsageError, type BenchConfig } from "./config.js";
import type { EngineName } from "./engines/engine.js";
import type { CompileReport, EngineReport, OracleReport } from "./jobs/job.js";
import { machineInfo } from "./machine.js";
import { repoPath } from "./paths.js";
import { roleResult, type BenchResults, type EngineOutcome, type RoleRun } from "./report/results.js";
import { evaluateTargets } from "./report/targets.js";
import { formatReport } from "./report/text.js";
import { runJob } from "./run-job.js";

/** The reference evaluator reads data/ relative to itself; in .bench-build/ that is a link to the real one. */
function linkData(): void {
  const link = repoPath(".bench-build/data");
  try {
    lstatSync(link);
  } catch {
    symlinkSync("../data", link, "dir");
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function runEngine(config: BenchConfig, roles: number, dir: string, engine: EngineName): Promise<EngineOutcome> {
  const started = performance.now();
  try {
    const resultPath = join(dir, `${engine}.result.json`);
    const report = await runJob<EngineReport>({ mode: "engine", engine, roles, seed: config.seed, dir, resultPath, sizes: config.sizes, timing: config.timing });
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const phases = report.phases ? ` (workload ${seconds(report.phases.workload_ms)}, load ${seconds(report.phases.load_ms)}, verify ${seconds(report.phases.verify_ms)}, cold ${seconds(report.phases.cold_ms)}, warm ${seconds(report.phases.warm_ms)})` : "";
    log(`  ${engine}: ${report.absent ? `n/a (${report.absent})` : "done"} in ${seconds(performance.now() - started)} s${phases}`);
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`  ${engine}: FAILED: ${message}`);
    return { engine, error: message };
  }
}

async function runRoles(config: BenchConfig, roles: number): Promise<RoleRun> {
  const dir = mkdtempSync(join(tmpdir(), `policyc-bench-${roles}-`));
  try {
    log(`R=${roles.toLocaleString("en-US")}`);
    const base = { roles, seed: config.seed, dir };
    const compile = await runJob<CompileReport>({ ...base, mode: "compile", runs: config.compileRuns, budgetMs: config.compileBudgetMs, resultPath: join(dir, "compile.result.json") });
    log(`  compile: ${compile.compile_ms.toFixed(0)} ms, peak ${compile.compile_peak_rss_mb.toFixed(0)} MiB`);
    const oracle = await runJob<OracleReport>({ ...base, mode: "oracle", sizes: config.sizes, resultPath: join(dir, "oracle.result.json") });
    const engines = new Map<EngineName, EngineOutcome>();
    for (const engine of config.engines) engines.set(engine, await runEngine(config, roles, dir, engine));
    return { roles, compile, oracle, engines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeResults(results: BenchResults): void {
  const path = repoPath("bench/results.json");
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, path);
  log(`wrote ${path}`);
}

async function main(): Promise<number> {
  const config = parseArguments(process.argv.slice(2));
  linkData();
  const started = performance.now();
  const runs: RoleRun[] = [];
  for (const roles of config.roleCounts) runs.push(await runRoles(config, roles));
  const results = runs.map(roleResult);
  const report: BenchResults = {
    format: "policyc-bench-results",
    version: 1,
    generated_at: new Date().toISOString(),
    quick: config.quick,
    seed: config.seed,
    machine: machineInfo(),
    method: { sizes: config.sizes, timing: config.timing },
    results,
    targets: evaluateTargets(results),
    total_seconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(formatReport(report));
  if (config.json) writeResults(report);
  return runs.some((run) => [...run.engines.values()].some((outcome) => outcome.error)) ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
