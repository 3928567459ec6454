/**
 * One HTTP request of a script, as the console and curl readers find it:
 * the method, the path (the API's part of the URL) and the body, each with
 * where it was written, so that what the API would say about it can be said
 * at the right place.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import type { JsonText } from "./json-tree.js";

export interface ApiRequest {
  /** Upper case: `PUT`, `PATCH`, `DELETE`, `GET`, … */
  readonly method: string;
  /** The request as a whole (the request line, or the curl command), for messages about it. */
  readonly span: SourceSpan;
  /** The URL or path as written, with where each character of it stands. */
  readonly url: JsonText;
  /** The body's text; absent when the request has none. */
  readonly body?: JsonText;
  /** `host:port` when the URL names one literally. */
  readonly host?: string;
  /** Sent with the TLS admin certificate (`curl --cert`): the API lets a super admin change reserved and hidden entries. */
  readonly superAdmin: boolean;
}

/** A span of a piece of a located text. */
export function spanOfText(text: JsonText, start: number, end: number): SourceSpan {
  return { file: text.file, start: text.offsetAt(start), end: text.offsetAt(end) };
}
