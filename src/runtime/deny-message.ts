/**
 * The plugin's 403 text (SecurityFilter.handleUnauthorized, User.toString):
 * `no permissions for [<missing>] and User [name=<n>, backend_roles=[<b>], requestedTenant=<t>]`.
 * Lists print like Java collections (`[a, b]`); backend roles keep the
 * authenticator's order; an absent tenant prints as `null`.
 */
export function denialMessage(missing: readonly string[], user: { name: string; backendRoles: readonly string[] }, tenant: string | undefined): string {
  return `no permissions for [${missing.join(", ")}] and ${userDescription(user, tenant)}`;
}

export function userDescription(user: { name: string; backendRoles: readonly string[] }, tenant: string | undefined): string {
  return `User [name=${user.name}, backend_roles=[${user.backendRoles.join(", ")}], requestedTenant=${tenant ?? "null"}]`;
}
