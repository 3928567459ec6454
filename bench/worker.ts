/**
 * Entry point of a benchmark child process: `node worker.js '<job JSON>'`.
 * Runs one job (jobs/job.ts) and writes its report as JSON to the job's
 * result path; exits 1 with the error on stderr if the job fails.
 */
import { writeFileSync } from "node:fs";
import { runCompileJob } from "./jobs/compile-job.js";
import { runEngineJob } from "./jobs/engine-job.js";
import type { Job } from "./jobs/job.js";
import { runOracleJob } from "./jobs/oracle-job.js";

async function run(job: Job): Promise<unknown> {
  switch (job.mode) {
    case "compile":
      return runCompileJob(job);
    case "oracle":
      return runOracleJob(job);
    case "engine":
      return runEngineJob(job);
  }
}

const job = JSON.parse(process.argv[2] ?? "null") as Job;
try {
  writeFileSync(job.resultPath, JSON.stringify(await run(job)));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
