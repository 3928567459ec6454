/** Resident memory of this process, for the compile job's peak-memory figure. */
import { readFileSync } from "node:fs";

/** The peak resident set (VmHWM from /proc where available, else getrusage's maxRSS), in MiB. */
export function peakResidentMiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // No /proc (macOS): fall through to getrusage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** The current resident set, in MiB. */
export function residentMiB(): number {
  return process.memoryUsage.rss() / (1024 * 1024);
}
