/**
 * The plugin's configuration file types policyc reads, and how a file is
 * recognized by its base name: OpenSearch Security's (`roles.yml` & co.) and
 * Search Guard's (`sg_roles.yml` & co.).
 */
import type { Flavor } from "../../model/types.js";

/** A `_meta.type` of the five policy files. */
export type PolicyConfigType = "roles" | "rolesmapping" | "actiongroups" | "internalusers" | "tenants";

export interface PolicyConfigKind {
  readonly type: PolicyConfigType;
  /** The schema in the package's `schemas/` directory. */
  readonly schema: string;
  /** What one top-level entry is, for messages: `role \`x\``. */
  readonly entryNoun: string;
  /** The usual file name, for messages. */
  readonly fileName: string;
  /** Whose rules read the file. */
  readonly flavor: Flavor;
}

export const POLICY_CONFIG_KINDS: Readonly<Record<PolicyConfigType, PolicyConfigKind>> = {
  roles: { type: "roles", schema: "schemas/roles.schema.json", entryNoun: "role", fileName: "roles.yml", flavor: "opensearch" },
  rolesmapping: { type: "rolesmapping", schema: "schemas/roles_mapping.schema.json", entryNoun: "role mapping", fileName: "roles_mapping.yml", flavor: "opensearch" },
  actiongroups: { type: "actiongroups", schema: "schemas/action_groups.schema.json", entryNoun: "action group", fileName: "action_groups.yml", flavor: "opensearch" },
  internalusers: { type: "internalusers", schema: "schemas/internal_users.schema.json", entryNoun: "internal user", fileName: "internal_users.yml", flavor: "opensearch" },
  tenants: { type: "tenants", schema: "schemas/tenants.schema.json", entryNoun: "tenant", fileName: "tenants.yml", flavor: "opensearch" },
};

/** Search Guard's files of the same five types; their schemas are Search Guard's. */
export const SG_POLICY_CONFIG_KINDS: Readonly<Record<PolicyConfigType, PolicyConfigKind>> = {
  roles: { type: "roles", schema: "schemas/sg_roles.schema.json", entryNoun: "role", fileName: "sg_roles.yml", flavor: "searchguard" },
  rolesmapping: { type: "rolesmapping", schema: "schemas/sg_roles_mapping.schema.json", entryNoun: "role mapping", fileName: "sg_roles_mapping.yml", flavor: "searchguard" },
  actiongroups: { type: "actiongroups", schema: "schemas/sg_action_groups.schema.json", entryNoun: "action group", fileName: "sg_action_groups.yml", flavor: "searchguard" },
  internalusers: { type: "internalusers", schema: "schemas/sg_internal_users.schema.json", entryNoun: "internal user", fileName: "sg_internal_users.yml", flavor: "searchguard" },
  tenants: { type: "tenants", schema: "schemas/sg_tenants.schema.json", entryNoun: "tenant", fileName: "sg_tenants.yml", flavor: "searchguard" },
};

/** The kinds of a flavor's policy files. */
export function policyConfigKinds(flavor: Flavor): Readonly<Record<PolicyConfigType, PolicyConfigKind>> {
  return flavor === "searchguard" ? SG_POLICY_CONFIG_KINDS : POLICY_CONFIG_KINDS;
}

/**
 * Every `CType` name the plugin's `_meta.type` accepts (case-insensitively):
 * a valid but different type is accepted by the plugin, an unknown one fails.
 */
export const PLUGIN_CONFIG_TYPES: readonly string[] = [
  "actiongroups",
  "allowlist",
  "audit",
  "config",
  "internalusers",
  "nodesdn",
  "roles",
  "rolesmapping",
  "tenants",
  "whitelist",
];

/**
 * What a file is, by base name. `settings` are node settings (opensearch.yml,
 * or Search Guard's elasticsearch.yml); `config` is OpenSearch's config.yml;
 * `sg-authz` and `sg-multi-tenancy` are Search Guard's sg_authz.yml and
 * sg_frontend_multi_tenancy.yml. The static_*.yml files are read with the
 * flavor of the files around them (`config` is OpenSearch's kind for them).
 */
export type FileClass =
  | { readonly kind: "policy"; readonly config: PolicyConfigKind }
  | { readonly kind: "settings" }
  | { readonly kind: "config" }
  | { readonly kind: "sg-authz" }
  | { readonly kind: "sg-multi-tenancy" }
  | { readonly kind: "other" };

const POLICY_BASE_NAMES = new Map<string, PolicyConfigType>([
  ["roles", "roles"],
  ["roles_mapping", "rolesmapping"],
  ["action_groups", "actiongroups"],
  ["internal_users", "internalusers"],
  ["tenants", "tenants"],
  // The built-ins are plain configuration files too; the plugin loads them the same way.
  ["static_roles", "roles"],
  ["static_action_groups", "actiongroups"],
  ["static_tenants", "tenants"],
]);

const SG_POLICY_BASE_NAMES = new Map<string, PolicyConfigType>([
  ["sg_roles", "roles"],
  ["sg_roles_mapping", "rolesmapping"],
  ["sg_action_groups", "actiongroups"],
  ["sg_internal_users", "internalusers"],
  ["sg_tenants", "tenants"],
]);

/** The built-ins' files, which both plugins name alike. */
const STATIC_BASE_NAMES = new Set(["static_roles", "static_action_groups", "static_tenants"]);

/** Classifies a path by its base name (`roles.yml`, `config/roles.yaml`, `sg_roles.yml`, …). */
export function classifyFile(path: string): FileClass {
  const stem = yamlStem(path);
  if (stem === undefined) return { kind: "other" };
  const type = POLICY_BASE_NAMES.get(stem);
  if (type !== undefined) return { kind: "policy", config: POLICY_CONFIG_KINDS[type] };
  const sgType = SG_POLICY_BASE_NAMES.get(stem);
  if (sgType !== undefined) return { kind: "policy", config: SG_POLICY_CONFIG_KINDS[sgType] };
  if (stem === "opensearch" || stem === "elasticsearch") return { kind: "settings" };
  if (stem === "config") return { kind: "config" };
  if (stem === "sg_authz") return { kind: "sg-authz" };
  if (stem === "sg_frontend_multi_tenancy") return { kind: "sg-multi-tenancy" };
  return { kind: "other" };
}

/**
 * The flavor a file's name says, if it says one: `sg_*.yml` are Search
 * Guard's, roles.yml & co. and config.yml OpenSearch's; the static_*.yml
 * files and the node settings file belong to either.
 */
export function flavorOfFileName(path: string): Flavor | undefined {
  const stem = yamlStem(path);
  if (stem === undefined || STATIC_BASE_NAMES.has(stem)) return undefined;
  const classified = classifyFile(path);
  switch (classified.kind) {
    case "policy":
      return classified.config.flavor;
    case "config":
      return "opensearch";
    case "sg-authz":
    case "sg-multi-tenancy":
      return "searchguard";
    case "settings":
    case "other":
      return undefined;
  }
}

/** The kind to read a policy file with under a flavor: a static_*.yml takes the flavor's kind of its type. */
export function policyKindFor(config: PolicyConfigKind, flavor: Flavor): PolicyConfigKind {
  return policyConfigKinds(flavor)[config.type];
}

function yamlStem(path: string): string | undefined {
  const match = /^(.*)\.ya?ml$/.exec(baseName(path));
  return match ? match[1] : undefined;
}

/** The base name of a path, for messages. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
