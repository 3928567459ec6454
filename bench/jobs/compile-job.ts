/**
 * The compile job: YAML texts (or, over the plugin's YAML limit, the REST
 * API dump) to decision table and generated module through `compile()` from
 * dist/, timed, with the process's peak memory; leaves policy.json and
 * policy.js for the engine jobs of the same R.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile, type CompileInput, type CompileResult } from "policyc";
import { peakResidentMiB, residentMiB } from "../measure/memory.js";
import { median } from "../measure/stats.js";
import { buildPolicy } from "../workload/workload.js";
import type { CompileJob, CompileReport } from "./job.js";

function compiledOrThrow(result: CompileResult): CompileResult & { table: NonNullable<CompileResult["table"]>; outputs: NonNullable<CompileResult["outputs"]> } {
  if (!result.table || !result.outputs) {
    const errors = result.diagnostics.filter((d) => d.severity === "error").slice(0, 5);
    throw new Error(`the generated policy does not compile: ${JSON.stringify(errors)}`);
  }
  return { ...result, table: result.table, outputs: result.outputs };
}

export function runCompileJob(job: CompileJob): CompileReport {
  const { policy, texts: yamlTexts, compileTexts } = buildPolicy(job.roles, job.seed);
  const texts = compileTexts.texts;
  const input: CompileInput = { files: Object.entries(texts).map(([path, text]) => ({ path, text })) };
  const rssBefore = residentMiB();
  const runs: number[] = [];
  let result: CompileResult | undefined;
  const budgetStarted = performance.now();
  let peak = 0;
  for (let run = 0; run < job.runs && (run === 0 || performance.now() - budgetStarted < job.budgetMs); run++) {
    const started = performance.now();
    result = compile(input, { js: true });
    runs.push(performance.now() - started);
    // The peak of one compile in a fresh process: later runs only add the garbage of earlier ones,
    // which the collector has not had to reclaim yet.
    if (run === 0) peak = peakResidentMiB();
  }
  const compiled = compiledOrThrow(result!);
  const tableText = compiled.outputs["policy.json"] ?? JSON.stringify(compiled.table);
  const moduleText = compiled.outputs["policy.js"];
  writeFileSync(join(job.dir, "policy.json"), tableText);
  // After the timed runs and the peak reading: the table with provenance, for the `runtime_prov` engine.
  const withProvenance = compiledOrThrow(compile(input, { module: false, provenance: true }));
  const provenanceTableText = withProvenance.outputs["policy.json"] ?? JSON.stringify(withProvenance.table);
  writeFileSync(join(job.dir, "policy-provenance.json"), provenanceTableText);
  if (moduleText !== undefined) writeFileSync(join(job.dir, "policy.js"), moduleText);
  return {
    compile_ms: median(runs),
    compile_runs_ms: runs,
    compile_peak_rss_mb: peak,
    rss_before_compile_mb: rssBefore,
    yaml_bytes: byteCount(yamlTexts),
    input_format: compileTexts.format,
    input_bytes: byteCount(texts),
    table_bytes: Buffer.byteLength(tableText),
    provenance_table_bytes: Buffer.byteLength(provenanceTableText),
    module_bytes: moduleText === undefined ? null : Buffer.byteLength(moduleText),
    index_patterns: compiled.table.indexPatterns.length,
    action_patterns: compiled.table.actionPatterns.length,
    users: policy.users.length,
    warnings: compiled.diagnostics.length,
  };
}

function byteCount(texts: Readonly<Record<string, string>>): number {
  return Object.values(texts).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
}
