/**
 * An API dump: the body of `GET _plugins/_security/api/<type>` saved to a
 * file (`roles.json`, `rolesmapping.json`, `actiongroups.json`,
 * `internalusers.json`, `tenants.json`), a JSON object of entries by name in
 * the shape of the YAML files' entries. The fields the API adds (`static`
 * everywhere, an empty `hash` for every internal user) are read-only and
 * ignored; the static entries it lists (the built-in roles, action groups and
 * tenant) are the plugin's own and are not read as definitions.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import { POLICY_CONFIG_KINDS } from "../yaml/config-kinds.js";
import { sourceFileOf } from "../yaml/parse-file.js";
import { checkSchema } from "../yaml/schema-check.js";
import { treeToModel, emptyParts, type PolicyParts } from "../yaml/to-model.js";
import { flag } from "../yaml/to-model-values.js";
import { findEntry, type YamlEntry, type YamlMap, type YamlNode } from "../yaml/yaml-nodes.js";
import type { ApiEndpoint } from "./api-endpoints.js";
import { builtinNames } from "./builtin-names.js";
import { fileJsonText, parseJsonTree } from "./json-tree.js";

/** Fields the API writes into its answers that the configuration files do not have. */
const READ_ONLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  rolesmapping: ["static"],
  internalusers: ["service", "enabled"],
};

export function parseApiDump(path: string, text: string, endpoint: ApiEndpoint, sink: DiagnosticSink): PolicyParts {
  const file = sourceFileOf(path, text);
  const root = parseJsonTree(fileJsonText(file, 0, file.text.length), sink);
  if (!root) return emptyParts();
  if (root.kind !== "map") {
    sink.report("PC2109", `an API dump must be a JSON object of ${endpoint.resourceName} entries by name`, root.span, {
      help: `save the answer of \`GET _plugins/_security/api/${endpoint.path}\` as it comes`,
    });
    return emptyParts();
  }
  const errorMessage = errorResponseMessage(root);
  if (errorMessage !== undefined) {
    sink.report("PC2109", `the file holds an error answer of the API, not a dump: ${code(errorMessage)}`, root.span, {
      help: "check the credentials and the URL of the request that wrote it, and dump again",
    });
    return emptyParts();
  }
  const statics = builtinNames(endpoint.type);
  const entries: YamlEntry[] = [];
  for (const entry of root.entries) {
    if (entry.key.value === "_meta") continue;
    const body = entry.value.kind === "map" ? entry.value : undefined;
    if (flag(body ? findEntry(body, "static")?.value : undefined)) {
      if (statics.has(entry.key.value)) continue; // the built-in itself, which the resolver adds
      sink.report("PC2110", `${endpoint.resourceName} ${code(entry.key.value)} is static in the dumped cluster but not built into policyc; it is read as a custom one`, entry.key.span, {
        help: "the cluster runs another version of the plugin than the one whose built-ins policyc knows",
      });
    }
    entries.push({ key: entry.key, value: withoutReadOnlyFields(entry.value, endpoint) });
  }
  const tree = { file, root: { ...root, entries } satisfies YamlMap, unreadable: false };
  checkSchema(tree, POLICY_CONFIG_KINDS[endpoint.type], sink);
  return treeToModel(tree, endpoint.type);
}

/** The message of an error answer (`{"status": "FORBIDDEN", "message": …}` or `{"error": …, "status": 401}`), if the object is one. */
function errorResponseMessage(root: YamlMap): string | undefined {
  const status = findEntry(root, "status");
  if (!status || status.value.kind !== "scalar") return undefined;
  for (const key of ["message", "reason", "error"]) {
    const value = findEntry(root, key)?.value;
    if (value?.kind === "scalar") return value.value;
    if (value?.kind === "map") {
      const reason = findEntry(value, "reason")?.value;
      if (reason?.kind === "scalar") return reason.value;
    }
  }
  return undefined;
}

/** An entry without the API's read-only fields, and without the empty `hash` the API puts in place of every password hash. */
function withoutReadOnlyFields(node: YamlNode, endpoint: ApiEndpoint): YamlNode {
  if (node.kind !== "map") return node;
  const dropped = READ_ONLY_FIELDS[endpoint.type] ?? [];
  const entries = node.entries.filter(({ key, value }) => {
    if (dropped.includes(key.value)) return false;
    return !(endpoint.type === "internalusers" && key.value === "hash" && value.kind === "scalar" && value.value === "");
  });
  return { ...node, entries };
}
