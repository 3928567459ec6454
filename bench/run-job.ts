/** Runs one job (jobs/job.ts) in a fresh `node` process and reads its JSON report. */
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Job } from "./jobs/job.js";

const WORKER = fileURLToPath(new URL("./worker.js", import.meta.url));

export class JobError extends Error {}

/** The job's report; throws JobError with the child's message if it fails. */
export async function runJob<T>(job: Job): Promise<T> {
  let stderr = "";
  const child = spawn(process.execPath, [WORKER, JSON.stringify(job)], { stdio: ["ignore", "inherit", "pipe"] });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new JobError(stderr.trim() || `the ${job.mode} job exited with code ${code}`);
  const report = JSON.parse(readFileSync(job.resultPath, "utf8")) as T;
  rmSync(job.resultPath, { force: true });
  return report;
}
