/** The machine a run was measured on, recorded with its results. */
import { cpus, totalmem } from "node:os";

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly memory_mb: number;
}

export function machineInfo(): MachineInfo {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? "unknown",
    cores: processors.length,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    memory_mb: Math.round(totalmem() / (1024 * 1024)),
  };
}
