/** The names of the plugin's static (built-in) entries, by configuration type. */
import { readBuiltinPolicy } from "../yaml/builtin-policy.js";
import type { PolicyConfigType } from "../yaml/config-kinds.js";

export function builtinNames(type: PolicyConfigType): ReadonlySet<string> {
  const builtins = readBuiltinPolicy("opensearch");
  switch (type) {
    case "roles":
      return new Set(builtins.roles.map((role) => role.name.value));
    case "actiongroups":
      return new Set(builtins.actionGroups.map((group) => group.name.value));
    case "tenants":
      return new Set(builtins.tenants.map((tenant) => tenant.name.value));
    case "rolesmapping":
    case "internalusers":
      return new Set();
  }
}
