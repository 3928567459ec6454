/**
 * The security REST API permissions a role grants explicitly, recorded per
 * role in the decision table: with `plugins.security.restapi.admin.enabled`
 * the plugin opens an endpoint only through a cluster permission that names
 * its `restapi:admin/…` permission or matches it with a pattern other than
 * the bare `*` (RuntimeOptimizedActionPrivileges.providesExplicitPrivilege):
 * `*` never counts, `restapi:admin/*` or `/restapi:.*\/` do.
 */
import { compilePattern } from "../patterns/pattern.js";
import { REST_API_PERMISSIONS } from "../rules/rest-api.js";

/** The REST API permissions the expanded cluster action patterns grant explicitly, sorted. */
export function explicitRestApiPermissions(clusterPatterns: readonly string[]): string[] {
  const matchers = clusterPatterns.filter((pattern) => pattern !== "*").map(compilePattern);
  return REST_API_PERMISSIONS.filter((permission) => matchers.some((matches) => matches(permission)));
}
