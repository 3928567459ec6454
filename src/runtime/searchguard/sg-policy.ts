/**
 * A Search Guard decision table ready to decide: its users, compiled roles,
 * tenants and admin-only rules, with bounded caches.
 */
import { compilePattern, type Matcher } from "../../patterns/pattern.js";
import type { AuthInfo } from "../../table/request.js";
import type { DecisionTable, SearchGuardTableSettings } from "../../table/types.js";
import { SG_GLOBAL_TENANT, SG_TENANT_READ_ACTION, SG_TENANT_WRITE_ACTION } from "../../rules/searchguard-actions.js";
import { authorizeSearchGuard } from "./sg-evaluate.js";
import { SearchGuardRoles } from "./sg-roles.js";
import { SearchGuardUsers, type SearchGuardUser } from "./sg-users.js";

export class SearchGuardPolicy {
  readonly settings: SearchGuardTableSettings;
  readonly tenants: ReadonlySet<string>;
  readonly users: SearchGuardUsers;
  readonly roles: SearchGuardRoles;
  readonly adminOnlyAction: Matcher;
  readonly adminOnlyIndex: Matcher;

  constructor(table: DecisionTable, settings: SearchGuardTableSettings, cacheSize: number) {
    this.settings = settings;
    this.tenants = new Set(table.tenants);
    this.users = new SearchGuardUsers(table, cacheSize);
    this.roles = new SearchGuardRoles(table, cacheSize);
    this.adminOnlyAction = anyPatternOf(settings.adminOnlyActions);
    this.adminOnlyIndex = anyPatternOf(settings.adminOnlyIndices);
  }

  /** The user's effective roles, sorted. @throws TypeError when the value is not a valid user */
  rolesOf(value: unknown): readonly string[] {
    return this.userOf(value).roleSet.names;
  }

  /**
   * What the user may see of the front-end tenants (rule 10): every valid
   * tenant the user may read or write, `true` when write. The other fields
   * follow OpenSearch's authinfo shape.
   */
  whoami(value: unknown, tenant: string | undefined): AuthInfo {
    const user = this.userOf(value);
    const tenants: Record<string, boolean> = {};
    for (const name of [...this.tenants].sort()) {
      const request = { user: value, action: SG_TENANT_WRITE_ACTION, tenant: name };
      if (authorizeSearchGuard(this, request).decision === "allow") tenants[name] = true;
      else if (authorizeSearchGuard(this, { ...request, action: SG_TENANT_READ_ACTION }).decision === "allow") tenants[name] = false;
    }
    return {
      user: `User ${user.name} [backend_roles=[${user.backendRoles.join(", ")}] requestedTenant=${tenant ?? SG_GLOBAL_TENANT}]`,
      user_name: user.name,
      user_requested_tenant: tenant ?? null,
      backend_roles: user.backendRoles,
      custom_attribute_names: Object.keys(user.attributes).sort(),
      roles: user.roleSet.names,
      tenants,
    };
  }

  private userOf(value: unknown): SearchGuardUser {
    const user = this.users.resolve(value);
    if (typeof user === "string") throw new TypeError(user);
    return user;
  }
}

function anyPatternOf(patterns: readonly string[]): Matcher {
  const matchers = patterns.map(compilePattern);
  return (value) => matchers.some((m) => m(value));
}
