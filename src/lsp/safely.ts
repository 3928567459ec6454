/**
 * A request handler that never takes the server down: whatever it throws is
 * logged to the editor's output and the request gets an empty answer.
 */
import type { RemoteConsole } from "vscode-languageserver/node.js";

export function safely<P, R>(console: RemoteConsole, what: string, empty: R, handler: (params: P) => R): (params: P) => R {
  return (params) => {
    try {
      return handler(params);
    } catch (error) {
      logFailure(console, what, error);
      return empty;
    }
  };
}

export function logFailure(console: RemoteConsole, what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`policyc: ${what} failed: ${detail}`);
}
