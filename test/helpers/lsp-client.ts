/**
 * A small LSP client for end-to-end tests, driving `policyc lsp --stdio` the
 * way an editor does: JSON-RPC messages framed with `Content-Length`
 * headers, responses matched to requests by id, notifications collected
 * (diagnostics above all). Every wait has a timeout, so a server that hangs
 * fails its test instead of the whole run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/policyc.js", import.meta.url));

/** How long one answer may take before the test fails. */
const DEFAULT_TIMEOUT_MS = 5_000;

interface Message {
  readonly jsonrpc: "2.0";
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Waiter {
  readonly method: string;
  readonly matches: (params: unknown) => boolean;
  readonly resolve: (params: unknown) => void;
}

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly LspDiagnostic[];
}

export interface LspDiagnostic {
  readonly range: LspRange;
  readonly severity?: number;
  readonly code?: string | number;
  readonly source?: string;
  readonly message: string;
  readonly data?: unknown;
}

export interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly notifications: Message[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly exit: Promise<number | null>;
  /** What the server wrote to stderr, for failure messages. */
  stderr = "";

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exit = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    child.on("exit", () => {
      for (const { reject } of this.pending.values()) reject(new Error(`the server exited before answering; stderr: ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Spawns `policyc` with these arguments (by default `lsp --stdio`). */
  static start(args: readonly string[] = ["lsp", "--stdio"]): LspClient {
    return new LspClient(spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] }));
  }

  /** `initialize` then `initialized`, as every editor starts. */
  async initialize(rootUri: string | null = null): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>("initialize", { processId: null, rootUri, capabilities: {} });
    this.notify("initialized", {});
    return result;
  }

  request<R>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const id = this.nextId++;
    const answer = new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: (result) => resolve(result as R), reject });
    });
    this.send({ jsonrpc: "2.0", id, method, params });
    return withTimeout(answer, timeoutMs, `no answer to ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`);
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** How many notifications have arrived: a mark to wait for later ones only. */
  mark(): number {
    return this.notifications.length;
  }

  /** The first notification of this method (since `after`, a {@link mark}) whose params match, already here or still to come. */
  notification<P>(method: string, matches: (params: P) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS, after = 0): Promise<P> {
    const seen = this.notifications.slice(after).find((message) => message.method === method && matches(message.params as P));
    if (seen) return Promise.resolve(seen.params as P);
    const arrival = new Promise<P>((resolve) => {
      this.waiters.push({ method, matches: (params) => matches(params as P), resolve: (params) => resolve(params as P) });
    });
    return withTimeout(arrival, timeoutMs, `no ${method} notification within ${timeoutMs} ms; stderr: ${this.stderr}`);
  }

  /** The diagnostics published for a document at a version. */
  diagnostics(uri: string, version: number, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishedDiagnostics> {
    return this.notification<PublishedDiagnostics>("textDocument/publishDiagnostics", (params) => params.uri === uri && params.version === version, timeoutMs);
  }

  /** The first diagnostics published for a document after a {@link mark} (another document's edit re-checks it). */
  diagnosticsSince(after: number, uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishedDiagnostics> {
    return this.notification<PublishedDiagnostics>("textDocument/publishDiagnostics", (params) => params.uri === uri, timeoutMs, after);
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces a range of a document (an incremental change, as editors send them). */
  change(uri: string, version: number, range: LspRange, text: string): void {
    this.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** `shutdown` then `exit`; resolves to the exit code. */
  async stop(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    await this.request("shutdown", null, timeoutMs);
    this.notify("exit", null);
    return this.exited(timeoutMs);
  }

  exited(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    return withTimeout(this.exit, timeoutMs, `the server did not exit within ${timeoutMs} ms`);
  }

  /** Ends the server if a test left it running. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = /Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1];
      if (length === undefined) throw new Error(`a message without Content-Length: ${this.buffer.subarray(0, headerEnd).toString("ascii")}`);
      const start = headerEnd + 4;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (registrations, progress): accept it.
      this.send({ jsonrpc: "2.0", id: message.id, result: null });
    } else if (message.method !== undefined) {
      this.notifications.push(message);
      for (const waiter of this.waiters.filter((candidate) => candidate.method === message.method && candidate.matches(message.params))) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message.params);
      }
    } else if (typeof message.id === "number") {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending?.resolve(message.result);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
