/**
 * Dev Tools console requests (`.console`, and `.http` files of the same
 * shape): a request line `METHOD path` (the path may be a full URL, with or
 * without a leading `/`, and an `HTTP/1.1` suffix as `.http` files write it),
 * optional header lines, then the JSON body up to the next request line.
 * Lines starting with `#` or `//` between requests are comments.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { SourceFile } from "../../diagnostics/source-file.js";
import type { ApiRequest } from "./api-request.js";
import { fileJsonText } from "./json-tree.js";

const REQUEST_LINE = /^([A-Za-z]+)[ \t]+(\S+)(?:[ \t]+HTTP\/[0-9.]+)?[ \t]*$/;
const METHODS = new Set(["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"]);
const HEADER_LINE = /^[A-Za-z0-9-]+:[ \t]/;

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function readConsoleScript(file: SourceFile, sink: DiagnosticSink): ApiRequest[] {
  const lines = splitLines(file.text);
  const requests: ApiRequest[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.text.trim();
    if (trimmed === "" || isComment(trimmed)) {
      i++;
      continue;
    }
    const match = REQUEST_LINE.exec(line.text.trimStart());
    const indent = line.text.length - line.text.trimStart().length;
    if (!match || !METHODS.has(match[1]!.toUpperCase())) {
      const span = { file, start: line.start + indent, end: line.end };
      sink.report("PC2101", `expected a request line such as \`PUT _plugins/_security/api/roles/<name>\`, found ${code(trimmed)}`, span);
      i = nextRequestLine(lines, i + 1);
      continue;
    }
    const methodStart = line.start + indent;
    const urlStart = methodStart + line.text.slice(indent).indexOf(match[2]!, match[1]!.length);
    const bodyEnd = nextRequestLine(lines, i + 1);
    const bodyLines = skipHeaders(lines.slice(i + 1, bodyEnd));
    const body = bodyRange(bodyLines);
    requests.push({
      method: match[1]!.toUpperCase(),
      span: { file, start: methodStart, end: line.end },
      url: fileJsonText(file, urlStart, urlStart + match[2]!.length),
      ...(body ? { body: fileJsonText(file, body.start, body.end) } : {}),
      superAdmin: false,
      ...hostOf(match[2]!),
    });
    i = bodyEnd;
  }
  return requests;
}

function isComment(trimmed: string): boolean {
  return trimmed.startsWith("#") || trimmed.startsWith("//");
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const piece of text.split("\n")) {
    const content = piece.endsWith("\r") ? piece.slice(0, -1) : piece;
    lines.push({ start, end: start + content.length, text: content });
    start += piece.length + 1;
  }
  return lines;
}

/** The index of the next line that starts a request (a method at the start of the line), or the end. */
function nextRequestLine(lines: readonly Line[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const match = REQUEST_LINE.exec(lines[i]!.text);
    if (match && METHODS.has(match[1]!.toUpperCase()) && !/^\s/.test(lines[i]!.text)) return i;
  }
  return lines.length;
}

/** `.http` files put headers between the request line and the body. */
function skipHeaders(lines: readonly Line[]): readonly Line[] {
  let i = 0;
  while (i < lines.length && HEADER_LINE.test(lines[i]!.text)) i++;
  return lines.slice(i);
}

/** From the first line with text to the last one that is not a comment; undefined when there is no body. */
function bodyRange(lines: readonly Line[]): { start: number; end: number } | undefined {
  const content = lines.filter((line) => line.text.trim() !== "" && !isComment(line.text.trim()));
  if (content.length === 0) return undefined;
  const first = content[0]!;
  const last = content[content.length - 1]!;
  return { start: first.start + (first.text.length - first.text.trimStart().length), end: last.start + last.text.trimEnd().length };
}

/** The host of a full URL (`https://localhost:9200/…`). */
export function hostOf(url: string): { host?: string } {
  const match = /^[a-z]+:\/\/([^/?#\s]+)/i.exec(url);
  return match && !match[1]!.includes("$") ? { host: match[1]!.replace(/^[^@]*@/, "") } : {};
}
