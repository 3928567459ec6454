/**
 * Requests as text: Dev Tools console requests, or a POSIX shell script of
 * curl commands (the body in a quoted here-document, so that no character of
 * it needs escaping; the cluster's URL and credentials from the environment).
 */
export type ScriptFormat = "console" | "curl";

export interface ScriptRequest {
  readonly method: "PUT" | "PATCH" | "DELETE";
  /** The path after `_plugins/_security/api/`, names already percent-encoded. */
  readonly path: string;
  readonly body?: unknown;
  /** Sent with the TLS admin certificate (curl `--cert`): only a super admin may send it. */
  readonly superAdmin?: boolean;
}

const API_PREFIX = "_plugins/_security/api/";

/** The path of an entry, its name percent-encoded (a name may hold `/`, spaces, `%`, …). */
export function entryPath(type: string, name?: string): string {
  return name === undefined ? type : `${type}/${encodeURIComponent(name)}`;
}

export function renderScript(requests: readonly ScriptRequest[], format: ScriptFormat, header: readonly string[]): string {
  return format === "console" ? renderConsole(requests, header) : renderCurl(requests, header);
}

function renderConsole(requests: readonly ScriptRequest[], header: readonly string[]): string {
  const parts = [header.map((line) => `# ${line}`.trimEnd()).join("\n")];
  for (const request of requests) {
    const body = request.body === undefined ? "" : `\n${JSON.stringify(request.body, null, 2)}`;
    parts.push(`${request.method} ${API_PREFIX}${request.path}${body}`);
  }
  return `${parts.join("\n\n")}\n`;
}

const CURL_PRELUDE = [
  "set -eu",
  ': "${OPENSEARCH_URL:=https://localhost:9200}"',
  ': "${OPENSEARCH_AUTH:?set OPENSEARCH_AUTH to user:password of an administrator}"',
];

function renderCurl(requests: readonly ScriptRequest[], header: readonly string[]): string {
  const lines = ["#!/bin/sh", ...header.map((line) => `# ${line}`.trimEnd()), ...CURL_PRELUDE];
  for (const request of requests) {
    const url = `"$OPENSEARCH_URL/${API_PREFIX}${request.path}"`;
    const credentials = request.superAdmin === true ? '--cert "$OPENSEARCH_ADMIN_CERT" --key "$OPENSEARCH_ADMIN_KEY"' : '-u "$OPENSEARCH_AUTH"';
    const command = `curl -sS --fail-with-body ${credentials} -X ${request.method} ${url}`;
    if (request.body === undefined) {
      lines.push("", command);
      continue;
    }
    // A JSON text never has a line of its own that reads `JSON`: strings cannot hold line breaks.
    lines.push("", `${command} -H 'Content-Type: application/json' --data-binary @- <<'JSON'`, JSON.stringify(request.body, null, 2), "JSON");
  }
  return `${lines.join("\n")}\n`;
}
