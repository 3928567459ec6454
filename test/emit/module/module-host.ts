/**
 * Runs generated modules as an application would: written to a temporary
 * directory and imported by Node itself, in a worker thread (vitest's own
 * loader would transform them first and takes several times longer).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

/**
 * A call of one of the module's exports (`authorize`, `rolesOf`, …) with
 * JSON-like arguments; with `authorizer`, of a `createAuthorizer(authorizer)`
 * instance's method. `$exports` and `$global` are the worker's own
 * (import-worker.mjs).
 */
export interface ModuleCall {
  readonly name: string;
  readonly args: readonly unknown[];
  readonly authorizer?: Readonly<Record<string, unknown>>;
}

export type CallResult = { readonly value: unknown } | { readonly error: string };

type Reply = { id: number; results: CallResult[] } | { id: number; failure: string };

export class ModuleHost {
  private readonly worker = new Worker(new URL("./import-worker.mjs", import.meta.url));
  private readonly directory = mkdtempSync(join(tmpdir(), "policyc-module-"));
  private readonly pending = new Map<number, { resolve: (results: CallResult[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id)!;
      this.pending.delete(reply.id);
      if ("failure" in reply) waiting.reject(new Error(`the module cannot be imported: ${reply.failure}`));
      else waiting.resolve(reply.results);
    });
  }

  /** Writes the files into a directory of their own; returns the path of `entry` in it. */
  write(files: Readonly<Record<string, string>>, entry = "policy.js"): string {
    const directory = join(this.directory, String(this.nextId++));
    mkdirSync(directory);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    return join(directory, entry);
  }

  /** Imports the module at `path` (once per path) and makes the calls in order. */
  call(path: string, calls: readonly ModuleCall[]): Promise<CallResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, path, calls });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** The value of a call that must not throw. */
export function valueOf(result: CallResult | undefined): unknown {
  if (result === undefined) throw new Error("no result");
  if ("error" in result) throw new Error(`the call threw ${result.error}`);
  return result.value;
}
