/**
 * The YAML back end: a policy model as the plugin's configuration files
 * (`policyc convert --to yaml`). The output is deterministic and reads back
 * to the same model, except for what the files cannot hold, which is
 * reported (PC5004) instead of being written wrongly.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString, PolicyModel } from "../../model/types.js";
import { actionGroupsYml, internalUsersYml, rolesMappingYml, rolesYml, tenantsYml } from "./policy-files.js";
import { settingsFiles } from "./settings-files.js";

export { yamlKey, yamlString } from "./yaml-scalars.js";

/** The files of a configuration directory, by base name, in a fixed order. */
export function emitYamlPolicy(model: PolicyModel, sink: DiagnosticSink): Record<string, string> {
  checkWritable(model, sink);
  return {
    "action_groups.yml": actionGroupsYml(model.actionGroups),
    "roles.yml": rolesYml(model.roles),
    "roles_mapping.yml": rolesMappingYml(model.roleMappings),
    "internal_users.yml": internalUsersYml(model.internalUsers),
    "tenants.yml": tenantsYml(model.tenants),
    ...settingsFiles(model.settings),
  };
}

/** Names a YAML file cannot hold: `_meta` (the file's metadata block) and a key given twice in one map. */
function checkWritable(model: PolicyModel, sink: DiagnosticSink): void {
  checkKeys("action_groups.yml", model.actionGroups.map((group) => group.name), (name) => `action group ${name}`, sink);
  checkKeys("roles.yml", model.roles.map((role) => role.name), (name) => `role ${name}`, sink);
  checkKeys("roles_mapping.yml", model.roleMappings.map((mapping) => mapping.role), (name) => `the mapping of role ${name}`, sink);
  checkKeys("internal_users.yml", model.internalUsers.map((user) => user.name), (name) => `internal user ${name}`, sink);
  checkKeys("tenants.yml", model.tenants.map((tenant) => tenant.name), (name) => `tenant ${name}`, sink);
  for (const user of model.internalUsers) {
    const attributes = user.attributes.map((pair) => pair.name).filter((name) => name.value !== "_meta");
    checkKeys("internal_users.yml", attributes, (name) => `attribute ${name} of user \`${user.name.value}\``, sink);
  }
}

/** Reports `_meta` and repeated keys; `describe` gets the name in backticks. */
function checkKeys(file: string, names: readonly LocatedString[], describe: (name: string) => string, sink: DiagnosticSink): void {
  const seen = new Set<string>();
  for (const name of names) {
    const what = describe(`\`${name.value}\``);
    if (name.value === "_meta") {
      sink.report("PC5004", `${what} cannot be written to \`${file}\`: the plugin reads that key as the file's metadata`, name.span);
    } else if (seen.has(name.value)) {
      sink.report("PC5004", `${what} would be written twice to \`${file}\`, which the plugin rejects`, name.span);
    }
    seen.add(name.value);
  }
}
