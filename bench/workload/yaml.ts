/**
 * Renders a generated policy as the plugin's YAML files, the input every
 * policyc engine (and the reference evaluator) reads; and as the security
 * REST API's JSON dump, which the compile job reads instead where the YAML
 * is over the plugin's limit (R = 10,000: 9.7 MB of roles.yml; a cluster
 * with such a policy holds it through the REST API, never as one YAML file).
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

/** The plugin's YAML reader takes at most this many characters per file (policyc refuses more, PC2015). */
export const PLUGIN_YAML_LIMIT = 3 * 1024 * 1024;

/** Whether every YAML file is within the plugin's limit (code units bound code points from above). */
export function yamlFitsPluginLimit(texts: PolicyTexts): boolean {
  return Object.values(texts).every((text) => text.length <= PLUGIN_YAML_LIMIT);
}

/** roles.json, rolesmapping.json and actiongroups.json, as `GET _plugins/_security/api/<type>` returns them. */
export function renderPolicyApiDump(policy: BenchPolicy): PolicyTexts {
  const roles = Object.fromEntries(
    policy.roles.map((role) => [
      role.name,
      { cluster_permissions: role.cluster, index_permissions: role.index.map((entry) => ({ index_patterns: entry.patterns.map((p) => p.text), allowed_actions: entry.actions })) },
    ]),
  );
  const mappings = Object.fromEntries(policy.mappings.map((mapping) => [mapping.role, { users: mapping.users, backend_roles: mapping.backendRoles }]));
  const groups = Object.fromEntries([...policy.groups].map(([name, members]) => [name, { allowed_actions: members }]));
  return { "roles.json": JSON.stringify(roles), "rolesmapping.json": JSON.stringify(mappings), "actiongroups.json": JSON.stringify(groups) };
}
