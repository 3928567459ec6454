/**
 * Renders a generated policy as the plugin's YAML files, the input every
 * policyc engine (and the reference evaluator) reads.
 */
import type { BenchPolicy } from "./policy.js";

/** The policy's files by base name. */
export type PolicyTexts = Readonly<Record<string, string>>;

/** YAML single-quoted scalar: only `'` needs escaping. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function meta(type: string): string {
  return `_meta:\n  type: "${type}"\n  config_version: 2\n`;
}

function list(indent: string, items: readonly string[]): string {
  return items.map((item) => `${indent}- ${quote(item)}\n`).join("");
}

function rolesYaml(policy: BenchPolicy): string {
  const parts = [meta("roles")];
  for (const role of policy.roles) {
    parts.push(`${role.name}:\n  cluster_permissions:\n${list("    ", role.cluster)}  index_permissions:\n`);
    for (const entry of role.index) {
      parts.push(`    - index_patterns:\n${list("        ", entry.patterns.map((p) => p.text))}      allowed_actions:\n${list("        ", entry.actions)}`);
    }
  }
  return parts.join("");
}

function mappingYaml(policy: BenchPolicy): string {
  const parts = [meta("rolesmapping")];
  for (const mapping of policy.mappings) {
    parts.push(`${mapping.role}:\n  users:\n${list("    ", mapping.users)}  backend_roles:\n${list("    ", mapping.backendRoles)}`);
  }
  return parts.join("");
}

function groupsYaml(policy: BenchPolicy): string {
  const parts = [meta("actiongroups")];
  for (const [name, members] of policy.groups) parts.push(`${name}:\n  allowed_actions:\n${list("    ", members)}`);
  return parts.join("");
}

/** roles.yml, roles_mapping.yml and action_groups.yml of the policy. */
export function renderPolicyYaml(policy: BenchPolicy): PolicyTexts {
  return {
    "roles.yml": rolesYaml(policy),
    "roles_mapping.yml": mappingYaml(policy),
    "action_groups.yml": groupsYaml(policy),
  };
}
