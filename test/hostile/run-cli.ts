/**
 * Runs `policyc` as the hostile corpus test needs it: a child process with
 * its heap capped (it dies rather than take more), measured by
 * measure-child.cjs (CPU time, peak resident memory).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/policyc.js", import.meta.url));
const MEASURE = fileURLToPath(new URL("./measure-child.cjs", import.meta.url));

/** The heap the CLI gets: the corpus must be handled within it. */
export const HEAP_MIB = 256;

export interface CliRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** CPU time (user + system) and peak resident memory of the child; absent if it died before reporting. */
  readonly cpuMs: number | undefined;
  readonly maxRssMiB: number | undefined;
  readonly wallMs: number;
}

export async function runPolicyc(args: readonly string[], cwd: string): Promise<CliRun> {
  const scratch = mkdtempSync(join(tmpdir(), "policyc-measure-"));
  const measureOut = join(scratch, "usage.json");
  const started = performance.now();
  try {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, "-r", MEASURE, BIN, ...args], {
      cwd,
      env: { ...process.env, POLICYC_MEASURE_OUT: measureOut, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (code, sig) => resolve([code, sig])));
    const usage = readUsage(measureOut);
    return {
      exitCode,
      signal,
      stdout: Buffer.concat(stdout).toString("utf8"),
      stderr: Buffer.concat(stderr).toString("utf8"),
      cpuMs: usage?.cpuMs,
      maxRssMiB: usage?.maxRssMiB,
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readUsage(path: string): { cpuMs: number; maxRssMiB: number } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as { cpuMs: number; maxRssMiB: number };
  } catch {
    return undefined;
  }
}

/** A JavaScript stack trace: `    at name (file:line:col)` lines. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text) || /^(?:Type|Range|Reference|Syntax)?Error: /m.test(text);
}
