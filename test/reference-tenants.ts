/**
 * The reference for `whoami`: what the plugin's `_plugins/_security/authinfo`
 * reports of a user, written plainly from the rules (README rule 10,
 * docs/semantics/evaluation.md §5) on top of the reference evaluator's role
 * mapping and tenant privileges. No caches, no lookup tables: every call
 * reads the roles again.
 *
 * The tenants map follows TenantPrivileges.tenantMap: every defined tenant
 * (tenants.yml and `global_tenant`) the user may read, `true` when it may
 * also write; then the user's own name, always `true` (the private tenant),
 * whatever the multi-tenancy settings say.
 */
import type { AuthInfo, RequestUser } from "../src/table/request.js";
import { hasTenantPrivilege, isReferencePolicy, mapRoles, readReferencePolicy, unique, type Context, type PolicyTexts, type ReferencePolicy } from "./reference-evaluator.js";

export function referenceWhoami(files: PolicyTexts | ReferencePolicy, user: RequestUser, tenant?: string): AuthInfo {
  const policy = isReferencePolicy(files) ? files : readReferencePolicy(files);
  const name = user.name;
  const backendRoles = unique(user.backend_roles ?? []);
  const givenRoles = unique(user.roles ?? []);
  const attributes = user.attributes ?? {};
  // Plugin users (`plugin:…`) are not mapped, as in every decision.
  const mapped = name.startsWith("plugin:") ? [] : mapRoles(policy, name, backendRoles, givenRoles, user.host ?? undefined);
  const roles = [...mapped].sort();
  const ctx: Context = {
    policy,
    action: "",
    user: { name, backendRoles, securityRoles: unique([...givenRoles, ...roles]), attributes, host: user.host ?? undefined },
    mapped,
    indices: undefined,
    tenant,
    note: () => {},
  };
  const access = new Map<string, boolean>();
  for (const defined of policy.tenants) {
    if (hasTenantPrivilege(ctx, defined, true)) access.set(defined, true);
    else if (hasTenantPrivilege(ctx, defined, false)) access.set(defined, false);
  }
  access.set(name, true); // last: the private tenant wins over a defined tenant of the same name
  // defineProperty: a tenant named `__proto__` is an ordinary key.
  const tenants: Record<string, boolean> = {};
  for (const key of [...access.keys()].sort()) Object.defineProperty(tenants, key, { value: access.get(key), enumerable: true, writable: true, configurable: true });
  return {
    user: `User [name=${name}, backend_roles=[${backendRoles.join(", ")}], requestedTenant=${tenant ?? "null"}]`,
    user_name: name,
    user_requested_tenant: tenant ?? null,
    backend_roles: backendRoles,
    custom_attribute_names: Object.keys(attributes).sort(),
    roles,
    tenants,
  };
}
