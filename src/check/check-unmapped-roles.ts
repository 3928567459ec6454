/**
 * Warns about custom roles that reach nobody: no role mapping that can match
 * anyone names them, and no internal user has them in
 * `opendistro_security_roles`. The plugin accepts such a role; it just never
 * applies, which usually means its mapping was forgotten or names it
 * differently.
 *
 * Nothing is said when it cannot be known or is no news:
 * - unless `roles_mapping_resolution` is `MAPPING_ONLY` (the default), a
 *   backend role of the same name, which any authentication backend may
 *   deliver, reaches the role (ConfigurableRoleMapper);
 * - after an error, a mapping may not have been read (an editor shows this
 *   check while the user types a broken mapping);
 * - a `reserved` role is one a distribution ships for administrators to map
 *   (the plugin's demo roles.yml marks every such role so).
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import type { LocatedString, PolicyModel, RoleMapping } from "../model/types.js";
import { patternProblem } from "../resolve/resolve-patterns.js";

const OPENSEARCH_HELP =
  "map it in roles_mapping.yml (in the DSL: `users`, `backend_roles` or `hosts` in the role, or `mapped_to` in a user), or list it in a user's `opendistro_security_roles`";
const SEARCH_GUARD_HELP = "map it in sg_roles_mapping.yml, or list it in a user's `search_guard_roles`";

export function checkUnmappedRoles(model: PolicyModel, builtinRoleNames: ReadonlySet<string>, sink: DiagnosticSink): void {
  if (model.settings.rolesMappingResolution !== "MAPPING_ONLY" || sink.hasErrors()) return;
  const reached = reachedRoleNames(model);
  for (const role of model.roles) {
    const name = role.name.value;
    // A custom role named like a built-in one is ignored (PC3004 says so); the built-in one is not custom.
    if (reached.has(name) || builtinRoleNames.has(name) || role.reserved) continue;
    sink.report("PC3006", `role ${code(name)} is mapped to nobody: no role mapping and no internal user gives it to anyone, so it grants nothing`, role.name.span, {
      help: model.flavor === "searchguard" ? SEARCH_GUARD_HELP : OPENSEARCH_HELP,
    });
  }
}

/** The roles some mapping that can match or some internal user gives out. */
function reachedRoleNames(model: PolicyModel): Set<string> {
  const reached = new Set<string>();
  for (const mapping of model.roleMappings) if (canMatchSomeone(mapping)) reached.add(mapping.role.value);
  for (const user of model.internalUsers) for (const role of user.securityRoles) reached.add(role.value);
  return reached;
}

/** Whether a mapping has a rule that can match: a usable pattern, or an `and_backend_roles` list of usable ones only. */
function canMatchSomeone(mapping: RoleMapping): boolean {
  const usable = (pattern: LocatedString) => patternProblem(pattern.value) === undefined;
  const andRule = mapping.andBackendRoles.length > 0 && mapping.andBackendRoles.every(usable);
  return andRule || [mapping.users, mapping.backendRoles, mapping.hosts].some((patterns) => patterns.some(usable));
}
