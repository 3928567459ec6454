/**
 * Search Guard tenant permissions in OpenSearch terms. Search Guard decides
 * tenant access by the actions `kibana:saved_objects/_/read` and `…/_/write`
 * matched against the permission's actions (so `*` grants both); OpenSearch
 * grants read-write iff the actions contain `kibana:saved_objects/*\/write`
 * and read-only otherwise. The permission is written with
 * `kibana_all_write` or `kibana_all_read` after what it grants in Search
 * Guard; `SGS_GLOBAL_TENANT` is `global_tenant`.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import type { LocatedString, TenantPermission } from "../../model/types.js";
import { matcherOf, parsePattern } from "../../patterns/pattern.js";
import { migrateTemplates } from "./templates.js";

export const SEARCHGUARD_GLOBAL_TENANT = "SGS_GLOBAL_TENANT";
export const OPENSEARCH_GLOBAL_TENANT = "global_tenant";

const TENANT_READ = "kibana:saved_objects/_/read";
const TENANT_WRITE = "kibana:saved_objects/_/write";

export function migrateTenantPermission(
  permission: TenantPermission,
  role: string,
  resolve: (actions: readonly LocatedString[]) => string[],
  sink: DiagnosticSink,
): TenantPermission | undefined {
  const actions = resolve(permission.allowedActions);
  const grants = (action: string): boolean => actions.some((pattern) => matcherOf(parsePattern(pattern))(action));
  const read = grants(TENANT_READ);
  const write = grants(TENANT_WRITE);
  const where = `the tenant patterns of role \`${role}\``;
  const tenantPatterns = permission.tenantPatterns.map((pattern) => migrateTenantPattern(pattern, where, sink));
  const names = tenantPatterns.map((pattern) => `\`${pattern.value}\``).join(", ");
  const otherActions = actions.filter((action) => !action.startsWith("kibana:saved_objects/") && action !== "*");
  if (otherActions.length > 0) {
    const list = otherActions.map((action) => `\`${action}\``).join(", ");
    sink.report("PC7006", `the tenant actions ${list} of role \`${role}\` have no OpenSearch equivalent and are dropped: users of the role lose them on ${names}`, permission.span);
  }
  if (write && !read) {
    sink.report("PC7006", `role \`${role}\` may write but not read the tenants ${names} in Search Guard; OpenSearch has no write-only tenant access, so its users gain read access`, permission.span);
  }
  if (!read && !write) return undefined;
  const allowedActions: LocatedString[] = [{ value: write ? "kibana_all_write" : "kibana_all_read", ...(permission.span ? { span: permission.span } : {}) }];
  return { ...permission, tenantPatterns, allowedActions };
}

function migrateTenantPattern(pattern: LocatedString, where: string, sink: DiagnosticSink): LocatedString {
  if (pattern.value === SEARCHGUARD_GLOBAL_TENANT) return { ...pattern, value: OPENSEARCH_GLOBAL_TENANT };
  return migrateTemplates(pattern, where, sink);
}
