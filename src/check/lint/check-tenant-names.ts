/**
 * PC8008: a tenant permission naming a tenant that is not defined. Tenant
 * patterns match only the tenants of tenants.yml and `global_tenant`
 * (TenantPrivileges), so the name grants nothing, usually a typo. Patterns
 * with wildcards, regexes and `${…}` templates may be meant for tenants yet
 * to come and are left alone, as is the private tenant `__user__`.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import { closestMatch } from "../../diagnostics/suggest.js";
import type { LocatedString } from "../../model/types.js";
import { parsePattern, isTemplate } from "../../patterns/pattern.js";
import { PRIVATE_TENANT } from "../../rules/actions.js";
import type { LintContext } from "./lint-context.js";

export function checkTenantNames(context: LintContext, sink: DiagnosticSink): void {
  for (const role of context.roles) {
    for (const entry of role.tenantPermissions) entry.tenantPatterns.forEach((pattern) => checkPattern(context, pattern, sink));
  }
}

function checkPattern(context: LintContext, pattern: LocatedString, sink: DiagnosticSink): void {
  const name = pattern.value;
  if (name === PRIVATE_TENANT || context.tenants.has(name) || isTemplate(name) || parsePattern(name).kind !== "exact") return;
  const suggestion = closestMatch(name, [...context.tenants, PRIVATE_TENANT]);
  const hint = suggestion === undefined ? "" : `; did you mean ${code(suggestion)}?`;
  sink.report("PC8008", `tenant ${code(name)} is not defined, so this tenant permission grants nothing on it${hint}`, pattern.span, {
    help: "define it in tenants.yml or with a `tenant` definition in the DSL, or name a defined tenant",
    ...(suggestion !== undefined ? { suggestion } : {}),
  });
}
