/**
 * Warns about role names that lead nowhere: mappings and internal users that
 * name roles which are not defined. The plugin accepts them (the role then
 * grants nothing), which hides typos such as the seed's `async_full_access`.
 */
import type { DiagnosticSink } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import { closestMatch } from "../diagnostics/suggest.js";
import type { LocatedString, PolicyModel } from "../model/types.js";

export function checkRoleReferences(model: PolicyModel, sink: DiagnosticSink): void {
  const roleNames = new Set(model.roles.map((r) => r.name.value));
  const check = (role: LocatedString, where: string) => {
    if (roleNames.has(role.value)) return;
    const suggestion = closestMatch(role.value, roleNames);
    const hint = suggestion === undefined ? "" : `; did you mean \`${suggestion}\`?`;
    sink.report("PC3003", `${where} names role ${code(role.value)}, which is not defined, so it grants nothing${hint}`, role.span, suggestion === undefined ? {} : { suggestion });
  };
  for (const mapping of model.roleMappings) check(mapping.role, "role mapping");
  for (const user of model.internalUsers) {
    for (const role of user.securityRoles) check(role, `internal user ${code(user.name.value)}`);
  }
}
