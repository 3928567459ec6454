/**
 * What a request's URL addresses: an entry or the collection of one of the
 * five configuration endpoints, the cluster settings, or something else.
 */
import type { SourceSpan } from "../../diagnostics/source-file.js";
import { endpointOfPath, type ApiEndpoint } from "./api-endpoints.js";
import { spanOfText, type ApiRequest } from "./api-request.js";

export type RequestTarget =
  | { readonly kind: "entity"; readonly endpoint: ApiEndpoint; readonly name?: string; readonly nameSpan: SourceSpan }
  | { readonly kind: "cluster-settings" }
  /** Another endpoint of the security API (`account`, `authinfo`, …) or of OpenSearch. */
  | { readonly kind: "other"; readonly path: string }
  /** A name with a `%` escape that is not valid UTF-8 percent-encoding. */
  | { readonly kind: "bad-name"; readonly nameSpan: SourceSpan };

const API_PATH = /(?:^|\/)_(?:plugins|opendistro)\/_security\/api\/([^/?#]+)(?:\/([^/?#]*))?\/?(?:[?#].*)?$/;
const CLUSTER_SETTINGS = /(?:^|\/)_cluster\/settings\/?(?:[?#].*)?$/;

export function requestTarget(request: ApiRequest): RequestTarget {
  const { url } = request;
  const match = API_PATH.exec(url.text);
  if (!match) {
    if (CLUSTER_SETTINGS.test(url.text)) return { kind: "cluster-settings" };
    return { kind: "other", path: pathOf(url.text) };
  }
  const endpoint = endpointOfPath(match[1]!);
  if (!endpoint) return { kind: "other", path: pathOf(url.text) };
  const rawName = match[2] ?? "";
  const nameStart = match.index + match[0].indexOf(match[1]!) + match[1]!.length + 1;
  const nameSpan = rawName === "" ? spanOfText(url, 0, url.text.length) : spanOfText(url, nameStart, nameStart + rawName.length);
  if (rawName === "") return { kind: "entity", endpoint, nameSpan };
  try {
    return { kind: "entity", endpoint, name: decodeURIComponent(rawName), nameSpan };
  } catch {
    return { kind: "bad-name", nameSpan };
  }
}

/** The path of a URL, without scheme, host and query, for messages. */
function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/^[^/]*\$\{?[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}?/, "").replace(/[?#].*$/, "").replace(/^\/+/, "");
}
