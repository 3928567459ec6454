/**
 * `policyc whoami --format text`: a user's authinfo for reading, one field a
 * line and one tenant a line, `rw` (read-write) or `ro` (read-only).
 */
import type { AuthInfo } from "../table/request.js";

const NONE = "(none)";

export function formatAuthInfoText(info: AuthInfo): string {
  const lines = [`user ${info.user_name}`];
  if (info.user_requested_tenant !== null) lines.push(`  requested tenant: ${info.user_requested_tenant}`);
  lines.push(`  roles: ${listed(info.roles)}`);
  lines.push(`  backend roles: ${listed(info.backend_roles)}`);
  lines.push(`  custom attributes: ${listed(info.custom_attribute_names)}`);
  lines.push("  tenants:", ...tenantLines(info));
  return lines.join("\n") + "\n";
}

function listed(values: readonly string[]): string {
  return values.length === 0 ? NONE : values.join(", ");
}

/** The tenants in the map's (sorted) order, names padded to one column. */
function tenantLines(info: AuthInfo): string[] {
  const tenants = Object.keys(info.tenants);
  const width = Math.max(...tenants.map((tenant) => tenant.length));
  return tenants.map((tenant) => {
    const access = info.tenants[tenant] ? "rw" : "ro";
    // The user's own name stands for the private tenant (`__user__`).
    const note = tenant === info.user_name ? "  (private tenant)" : "";
    return `    ${tenant.padEnd(width)}  ${access}${note}`;
  });
}
