/**
 * The request and decision shapes shared by `policyc check`, the runtime and
 * the generated module (see `schemas/request.schema.json` and
 * `schemas/decision.schema.json`).
 */

export interface RequestUser {
  readonly name: string;
  readonly backend_roles?: readonly string[];
  /** Security roles the authenticator already assigned; added to the mapped ones. */
  readonly roles?: readonly string[];
  /** Custom attributes by full key, e.g. `attr.internal.dept`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The caller's IP address, for `hosts` mappings. */
  readonly host?: string;
}

export interface AuthorizationRequest {
  readonly user: RequestUser;
  readonly action: string;
  /** Concrete index names; absent for cluster actions (and for "all indices"). */
  readonly indices?: readonly string[];
  /** The Dashboards tenant of a request to the Dashboards index. */
  readonly tenant?: string;
}

export interface Decision {
  readonly decision: "allow" | "deny";
  /** The user's security roles after mapping, sorted. */
  readonly roles: readonly string[];
  /** The plugin's denial message, on deny. */
  readonly reason?: string;
  /** The privileges whose absence denied the request (empty on allow). */
  readonly missing: readonly string[];
  /** What is wrong with a malformed request. */
  readonly error?: string;
}
