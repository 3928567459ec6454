/**
 * The plugin's configuration file types policyc reads, and how a file is
 * recognized by its base name.
 */

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
}

export const POLICY_CONFIG_KINDS: Readonly<Record<PolicyConfigType, PolicyConfigKind>> = {
  roles: { type: "roles", schema: "schemas/roles.schema.json", entryNoun: "role", fileName: "roles.yml" },
  rolesmapping: { type: "rolesmapping", schema: "schemas/roles_mapping.schema.json", entryNoun: "role mapping", fileName: "roles_mapping.yml" },
  actiongroups: { type: "actiongroups", schema: "schemas/action_groups.schema.json", entryNoun: "action group", fileName: "action_groups.yml" },
  internalusers: { type: "internalusers", schema: "schemas/internal_users.schema.json", entryNoun: "internal user", fileName: "internal_users.yml" },
  tenants: { type: "tenants", schema: "schemas/tenants.schema.json", entryNoun: "tenant", fileName: "tenants.yml" },
};

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

/** What a file is, by base name. */
export type FileClass =
  | { readonly kind: "policy"; readonly config: PolicyConfigKind }
  | { readonly kind: "settings" }
  | { readonly kind: "config" }
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

/** Classifies a path by its base name (`roles.yml`, `config/roles.yaml`, …). */
export function classifyFile(path: string): FileClass {
  const base = path.split(/[\\/]/).pop() ?? path;
  const match = /^(.*)\.ya?ml$/.exec(base);
  if (!match) return { kind: "other" };
  const stem = match[1]!;
  const type = POLICY_BASE_NAMES.get(stem);
  if (type !== undefined) return { kind: "policy", config: POLICY_CONFIG_KINDS[type] };
  if (stem === "opensearch") return { kind: "settings" };
  if (stem === "config") return { kind: "config" };
  return { kind: "other" };
}

/** The base name of a path, for messages. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
