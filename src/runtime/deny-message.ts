/**
 * The plugin's 403 text (SecurityFilter.handleUnauthorized, User.toString):
 * `no permissions for [<missing>] and User [name=<n>, backend_roles=[<b>], requestedTenant=<t>]`.
 * Lists print like Java collections (`[a, b]`); backend roles keep the
 * authenticator's order; an absent tenant prints as `null`.
 */

/** The denial text, given its user part (`userDescription`), which the runtime builds once per user. */
export function denialText(missing: readonly string[], userPart: string): string {
  return `no permissions for [${missing.join(", ")}] and ${userPart}`;
}

/** The user part of the denial text: `User [name=…, backend_roles=[…], requestedTenant=…]`. */
export function userDescription(user: { name: string; backendRoles: readonly string[] }, tenant: string | undefined): string {
  return `User [name=${user.name}, backend_roles=[${user.backendRoles.join(", ")}], requestedTenant=${tenant ?? "null"}]`;
}
