/**
 * Builds policies for tests from YAML texts, the way a user writes them:
 * `_meta` blocks are added unless a test gives its own.
 */
import { compile, type CompileResult } from "../../src/index.js";
import { loadTable, type Policy } from "../../src/runtime/index.js";

const META_TYPES: Record<string, string> = {
  "roles.yml": "roles",
  "roles_mapping.yml": "rolesmapping",
  "action_groups.yml": "actiongroups",
  "internal_users.yml": "internalusers",
  "tenants.yml": "tenants",
};

/** The files of a configuration directory, by base name; `_meta` is prepended where missing. */
export type ConfigFiles = Record<string, string>;

export function withMeta(files: ConfigFiles): { path: string; text: string }[] {
  return Object.entries(files).map(([name, text]) => {
    const type = META_TYPES[name];
    const needsMeta = type !== undefined && !/^_meta:/m.test(text);
    return { path: name, text: needsMeta ? `_meta:\n  type: "${type}"\n  config_version: 2\n${text}` : text };
  });
}

export function compileFiles(files: ConfigFiles): CompileResult {
  return compile({ files: withMeta(files) });
}

/** Compiles and loads a policy; fails the test when the policy has errors. */
export function policyOf(files: ConfigFiles): Policy {
  const result = compileFiles(files);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.table || errors.length) throw new Error(`policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return loadTable(result.table);
}

/** The decision for a user by name (and optional backend roles) on an action and indices. */
export function decide(policy: Policy, user: string | { name: string; backend_roles?: string[]; roles?: string[]; attributes?: Record<string, string>; host?: string }, action: string, indices?: string[], tenant?: string) {
  const request = {
    user: typeof user === "string" ? { name: user } : user,
    action,
    ...(indices ? { indices } : {}),
    ...(tenant !== undefined ? { tenant } : {}),
  };
  return policy.authorize(request);
}
