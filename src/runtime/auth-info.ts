/**
 * What the plugin's `_plugins/_security/authinfo` endpoint reports of a user
 * (SecurityInfoAction): the fields that follow from the policy and the user,
 * in the plugin's order. The roles are those every decision for the user
 * lists; the tenants come from tenant privileges (TenantPrivileges.tenantMap).
 */
import type { AuthInfo } from "../table/request.js";
import { userDescription } from "./deny-message.js";
import type { TablePolicy } from "./table-policy.js";
import { tenantAccessMap } from "./tenants.js";
import type { UserEntry } from "./user-directory.js";

/** The authinfo of a resolved user; `requestedTenant` is the Dashboards tenant the request named, if any. */
export function whoami(policy: TablePolicy, user: UserEntry, requestedTenant: string | undefined): AuthInfo {
  return {
    user: userDescription(user, requestedTenant),
    user_name: user.name,
    user_requested_tenant: requestedTenant ?? null,
    // Copies: the user's entry is cached and shared by later requests.
    backend_roles: [...user.backendRoles],
    custom_attribute_names: Object.keys(user.attributes).sort(),
    roles: user.roleSet.names,
    tenants: tenantAccessMap(policy, user),
  };
}
