/**
 * How the security REST API's own check (rest-api.ts) decided a
 * `restapi:admin/…` request: the account endpoint is open to all; a role
 * listed in `plugins.security.restapi.roles_enabled` opens the others; with
 * `plugins.security.restapi.admin.enabled` so does a role that grants the
 * endpoint's permission explicitly (by name or by a pattern other than
 * `*`), which the SSL, configuration-change, allowlist and nodes DN
 * endpoints require in any case. The decision is the REST layer's; this
 * names the roles behind it.
 */
import { compilePattern } from "../../patterns/pattern.js";
import { restApiPermission, type RestApiTarget } from "../../rules/rest-api.js";
import type { Decision } from "../../table/request.js";
import type { TablePolicy } from "../table-policy.js";
import type { PolicyRequest } from "../user-directory.js";
import { grantingRoles, nameList, ruleStep, type ExplainedStep } from "./explained-step.js";
import type { GrantFinder } from "./grant-sources.js";

export function explainRestApiStep(policy: TablePolicy, request: PolicyRequest, target: RestApiTarget, decision: Decision, finder: GrantFinder): ExplainedStep {
  if (target.endpoint === undefined) return ruleStep("rest-api", false, `\`${request.action}\` is not a security REST API endpoint`);
  if (target.endpoint === "account") return ruleStep("rest-api", true, "the security REST API's account endpoint is open to every user");
  const permission = restApiPermission(target.endpoint, request.method ?? target.method);
  const settings = policy.settings;
  const grants = permission !== undefined && settings.restapiAdminEnabled ? finder.cluster(explicitGrantsOf(policy, permission)) : [];
  if (decision.decision === "deny") {
    const missing = decision.missing.map((privilege) => ({ target: { kind: "cluster" } as const, privilege }));
    const remedy = settings.restapiAdminEnabled ? "" : " (`plugins.security.restapi.admin.enabled` is off, so no permission opens it)";
    return { rule: "rest-api", allows: false, summary: `the security REST API refuses the request: ${decision.reason ?? ""}${remedy}`, grants: [], missing };
  }
  const enabled = settings.restapiRolesEnabled.filter((role) => request.user.roleSet.names.includes(role));
  const parts: string[] = [];
  if (enabled.length > 0) parts.push(`${nameList(enabled)}, listed in \`plugins.security.restapi.roles_enabled\``);
  if (grants.length > 0) parts.push(`${nameList(grantingRoles(grants))}, granting \`${permission ?? ""}\` explicitly`);
  return { rule: "rest-api", allows: true, summary: `the security REST API lets the user in through ${parts.join(", and ")}`, grants, missing: [] };
}

/** The action pattern ids that grant a REST API permission explicitly: they match it and are not the bare `*`. */
function explicitGrantsOf(policy: TablePolicy, permission: string): Set<number> {
  const ids = new Set<number>();
  policy.table.actionPatterns.forEach((pattern, id) => {
    if (pattern !== "*" && compilePattern(pattern)(permission)) ids.add(id);
  });
  return ids;
}
