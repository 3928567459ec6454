/**
 * Search Guard's settings files: sg_authz.yml (one flat document; dotted keys
 * and nested maps are the same, as the plugin splits dotted names into a tree)
 * and sg_frontend_multi_tenancy.yml. Only the keys that change decisions are
 * read into settings; sg_authz.yml's other keys are accepted and an unknown
 * one is an error, as the plugin rejects the file (`checkForUnusedAttributes`
 * in `AuthorizationConfig.parse`). sg_frontend_multi_tenancy.yml's other keys
 * (`index`, `server_user`, …) belong to the commercial module and are ignored.
 */
import type { DiagnosticSink } from "../../../diagnostics/diagnostic.js";
import type { SourceSpan } from "../../../diagnostics/source-file.js";
import { code } from "../../../diagnostics/message-text.js";
import { didYouMean } from "../../../diagnostics/suggest.js";
import { SETTING_DEFINITIONS, type SettingKey, type Settings } from "../../../model/settings.js";
import { readSettingValue, type SettingsPatch } from "../settings-values.js";
import { isNull, type YamlMap, type YamlNode, type YamlScalar, type YamlTree } from "../yaml-nodes.js";

/** A key of a settings file, by which catalog setting it sets (undefined: accepted, no effect on decisions). */
type FileKeys = ReadonlyMap<string, SettingKey | undefined>;

/** `AuthorizationConfig.parse`: every attribute sg_authz.yml may have. */
const SG_AUTHZ_KEYS: FileKeys = new Map<string, SettingKey | undefined>([
  ["role_mapping.resolution_mode", "rolesMappingResolution"],
  ["ignore_unauthorized_indices.enabled", undefined],
  ["ignore_unauthorized_indices.affected_actions", undefined],
  ["ignore_unauthorized_indices.empty_result_allowed_for_actions", undefined],
  ["field_anonymization.salt", undefined],
  ["debug", undefined],
  ["aliases.allow_if_all_indices_are_allowed", undefined],
  ["metrics", undefined],
]);

const SG_MULTI_TENANCY_KEYS: FileKeys = new Map<string, SettingKey | undefined>([
  ["enabled", "searchguardMultitenancyEnabled"],
  ["global_tenant_enabled", "searchguardGlobalTenantEnabled"],
]);

export function readSgAuthzFile(tree: YamlTree, sink: DiagnosticSink): SettingsPatch {
  return readSgSettingsFile(tree, SG_AUTHZ_KEYS, { fileName: "sg_authz.yml", strict: true }, sink);
}

export function readSgMultiTenancyFile(tree: YamlTree, sink: DiagnosticSink): SettingsPatch {
  return readSgSettingsFile(tree, SG_MULTI_TENANCY_KEYS, { fileName: "sg_frontend_multi_tenancy.yml", strict: false }, sink);
}

interface FileRules {
  readonly fileName: string;
  /** Whether a key not in the file's list is an error (the plugin rejects it) or ignored. */
  readonly strict: boolean;
}

function readSgSettingsFile(tree: YamlTree, keys: FileKeys, rules: FileRules, sink: DiagnosticSink): SettingsPatch {
  const values = new Map<SettingKey, Settings[SettingKey]>();
  const origins = new Map<SettingKey, SourceSpan>();
  const { root } = tree;
  if (root && root.kind !== "map") {
    sink.report("PC2007", `${code(rules.fileName)} must be a mapping of attribute names to values`, root.span);
    return { values, origins };
  }
  for (const { name, key, value } of flattenDotted(root)) {
    if (!keys.has(name)) {
      if (rules.strict) sink.report("PC2006", `unknown attribute ${code(name)} in ${rules.fileName}; the plugin rejects the file${didYouMean(name, [...keys.keys()])}`, key.span);
      continue;
    }
    const settingKey = keys.get(name);
    const definition = SETTING_DEFINITIONS.find((candidate) => candidate.key === settingKey);
    if (!definition || isNull(value)) continue; // an empty value leaves the default
    const read = readSettingValue(definition, value, { name, sink, reader: "jackson" });
    if (read === undefined) continue;
    values.set(definition.key, read);
    origins.set(definition.key, { file: tree.file, start: key.span.start, end: value.span.end });
  }
  return { values, origins };
}

interface DottedLeaf {
  readonly name: string;
  readonly key: YamlScalar;
  readonly value: YamlNode;
}

/** Every leaf under its dotted name (`a: {b: 1}` and `a.b: 1` alike), in source order. */
function flattenDotted(map: YamlMap | undefined, prefix = ""): DottedLeaf[] {
  if (!map) return [];
  return map.entries.flatMap(({ key, value }) => {
    const name = prefix === "" ? key.value : `${prefix}.${key.value}`;
    // A map under a list-valued attribute does not occur; depth is bounded by the reader's limit.
    return value.kind === "map" ? flattenDotted(value, name) : [{ name, key, value }];
  });
}
