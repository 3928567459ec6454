/**
 * The checks the API's request content validator makes on a body, in its
 * order (RequestContentValidator.validate): an empty body, keys that are not
 * allowed or are missing, top-level values of the wrong type, `null` inside
 * arrays, and an empty password. Then, for the nested structure the API
 * leaves to its JSON mapper, the YAML front end's schema check.
 */
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import { didYouMean, closestMatch } from "../../diagnostics/suggest.js";
import type { LocatedString } from "../../model/types.js";
import { POLICY_CONFIG_KINDS } from "../yaml/config-kinds.js";
import { checkSchema } from "../yaml/schema-check.js";
import type { YamlMap, YamlNode } from "../yaml/yaml-nodes.js";
import { ADMIN_ONLY_KEYS, type ApiDataType, type ApiEndpoint } from "./api-endpoints.js";
import { singleEntryTree } from "./api-state.js";
import type { Refusal } from "./refusal.js";

const EXPECTED: Readonly<Record<ApiDataType, string>> = { string: "String expected", array: "Array expected", object: "Object expected", boolean: "" };

/** The first refusal the API answers for this body, or undefined when it takes it. */
export function checkContent(endpoint: ApiEndpoint, name: LocatedString, body: YamlNode, superAdmin: boolean, sink: DiagnosticSink): Refusal | undefined {
  if (body.kind !== "map") return { code: "PC2104", status: 400, reason: "Could not parse content of request.", span: body.span, help: "the body must be one JSON object" };
  if (body.entries.length === 0) return { code: "PC2104", status: 400, reason: "Request body required for this action.", span: body.span };
  const allowed: Record<string, ApiDataType> = { ...endpoint.allowedKeys, ...(superAdmin ? ADMIN_ONLY_KEYS : {}) };
  const refusal = checkKeys(endpoint, body, allowed, superAdmin) ?? checkTypes(body, allowed) ?? checkNulls(body, allowed) ?? checkPassword(body);
  if (refusal) return refusal;
  const schemaSink = new DiagnosticSink();
  // The password is not part of the configuration (the API turns it into `hash`), so the files' schema does not know it.
  const shape = endpoint.type === "internalusers" ? { ...body, entries: body.entries.filter((entry) => entry.key.value !== "password") } : body;
  checkSchema(singleEntryTree({ name, node: shape }), POLICY_CONFIG_KINDS[endpoint.type], schemaSink);
  for (const { code: found, message, span, help, severity, related, suggestion } of schemaSink.diagnostics) {
    sink.report(found, message, span, { severity, related: [...related], ...(help !== undefined ? { help } : {}), ...(suggestion !== undefined ? { suggestion } : {}) });
  }
  return schemaSink.hasErrors() ? { code: "PC2104", status: 400, reason: "Could not parse content of request.", span: body.span, reported: true } : undefined;
}

function checkKeys(endpoint: ApiEndpoint, body: YamlMap, allowed: Record<string, ApiDataType>, superAdmin: boolean): Refusal | undefined {
  const invalid = body.entries.find((entry) => !Object.hasOwn(allowed, entry.key.value));
  if (invalid) {
    const key = invalid.key.value;
    const adminOnly = Object.hasOwn(ADMIN_ONLY_KEYS, key) && !superAdmin;
    const readOnly = key === "static";
    const suggestion = !adminOnly && !readOnly ? closestMatch(key, Object.keys(allowed)) : undefined;
    const help = adminOnly
      ? `only a super admin (the TLS admin certificate, \`curl --cert\`) or a REST admin may set \`${key}\``
      : readOnly
        ? "`static` is read-only: only the plugin's built-in entries are static"
        : `the keys the API takes here: ${Object.keys(allowed).map(code).join(", ")}${didYouMean(key, Object.keys(allowed))}`;
    return { code: "PC2104", status: 400, reason: `Invalid configuration (invalid_keys: ${key})`, span: invalid.key.span, help, ...(suggestion ? { suggestion } : {}) };
  }
  const present = new Set(body.entries.map((entry) => entry.key.value));
  const missing = endpoint.mandatoryKeys.filter((key) => !present.has(key));
  if (missing.length > 0) {
    return { code: "PC2104", status: 400, reason: `Invalid configuration (missing_mandatory_keys: ${missing.join(",")})`, span: body.span };
  }
  if (endpoint.mandatoryOrKeys.length > 0 && !endpoint.mandatoryOrKeys.some((key) => present.has(key))) {
    return { code: "PC2104", status: 400, reason: `Invalid configuration (specify_one_of: ${endpoint.mandatoryOrKeys.join(",")})`, span: body.span };
  }
  return undefined;
}

function checkTypes(body: YamlMap, allowed: Record<string, ApiDataType>): Refusal | undefined {
  for (const { key, value } of body.entries) {
    const type = allowed[key.value];
    if (type === undefined || type === "boolean") continue; // the API does not check booleans
    const fits = type === "string" ? value.kind === "scalar" && value.type === "str" : type === "array" ? value.kind === "seq" : value.kind === "map";
    if (!fits) return { code: "PC2104", status: 400, reason: `Wrong datatype (${key.value}: ${EXPECTED[type]})`, span: value.span };
  }
  return undefined;
}

function checkNulls(body: YamlMap, allowed: Record<string, ApiDataType>): Refusal | undefined {
  for (const { key, value } of body.entries) {
    if (!Object.hasOwn(allowed, key.value)) continue;
    const found = nullInArray(value);
    if (found) return { code: "PC2104", status: 400, reason: "`null` is not allowed as json array element", span: found.span };
  }
  return undefined;
}

function nullInArray(node: YamlNode): YamlNode | undefined {
  if (node.kind === "seq") {
    for (const item of node.items) {
      if (item.kind === "scalar" && item.type === "null") return item;
      const inner = nullInArray(item);
      if (inner) return inner;
    }
  } else if (node.kind === "map") {
    for (const entry of node.entries) {
      const inner = nullInArray(entry.value);
      if (inner) return inner;
    }
  }
  return undefined;
}

function checkPassword(body: YamlMap): Refusal | undefined {
  const password = body.entries.find((entry) => entry.key.value === "password")?.value;
  if (password?.kind === "scalar" && password.value === "") return { code: "PC2104", status: 400, reason: "Password is too short", span: password.span };
  return undefined;
}
