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
  /**
   * Custom attributes by full key, e.g. `attr.internal.dept`. A Search Guard
   * table's runtime also accepts any JSON value here (structured attributes,
   * `${user.attrs.NAME}`: lists, objects, numbers); the type names the
   * strings both flavors take.
   */
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
  /**
   * The HTTP method of a security REST API request (`restapi:admin/…`),
   * which picks the permission some endpoints check; default: the one the
   * action names (`…/ssl/certs/reload` is PUT), else GET.
   */
  readonly method?: "DELETE" | "GET" | "PATCH" | "POST" | "PUT";
  /**
   * The resource an owning plugin filters again after the security plugin
   * allowed the action: an asynchronous search, an anomaly detector or a
   * forecaster, with the user who created it.
   */
  readonly resource?: RequestResource;
}

/** A resource an owning plugin checks against its creator. */
export interface RequestResource {
  readonly type: "async_search" | "anomaly_detector" | "forecaster";
  /** The resource's id, as the owning plugin names it in its denial. */
  readonly id?: string;
  /** Who created the resource; absent when the request creates it. */
  readonly owner?: ResourceOwner;
}

export interface ResourceOwner {
  readonly name: string;
  readonly backend_roles?: readonly string[];
}

/** Any JSON value, as a DLS query holds them. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** What the user sees of one index: `null` where nothing restricts. */
export interface IndexRestrictions {
  /** One query: the OR of every applicable role's DLS query, user attributes substituted. */
  readonly dls: JsonValue | null;
  readonly fls: { readonly include: readonly string[] } | { readonly exclude: readonly string[] } | null;
  /** Masked fields, `field` or `field::algorithm` or `field::/regex/::replacement`, sorted. */
  readonly masked_fields: readonly string[] | null;
}

/**
 * What the plugin's `_plugins/_security/authinfo` reports of a user: the
 * mapped security roles, the backend roles and the tenants the user may
 * open (`true` read-write, `false` read-only). The fields the plugin takes
 * from the connection (remote address, certificates, SSO) are left out.
 */
export interface AuthInfo {
  /** `User [name=…, backend_roles=[…], requestedTenant=…]`, as in a denial. */
  readonly user: string;
  readonly user_name: string;
  /** The Dashboards tenant the request asked for, `null` without one. */
  readonly user_requested_tenant: string | null;
  /** As the authenticator gave them, each once. */
  readonly backend_roles: readonly string[];
  /** The custom attributes' full keys (`attr.internal.dept`), sorted. */
  readonly custom_attribute_names: readonly string[];
  /** The security roles after mapping, sorted: the `roles` of every decision for the user. */
  readonly roles: readonly string[];
  /**
   * Every defined tenant the user may read (`global_tenant` included), `true`
   * when also write; and the user's own name, `true`: the private tenant.
   */
  readonly tenants: Readonly<Record<string, boolean>>;
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
  /**
   * On allow, for a request naming indices when DLS, FLS or field masking
   * applies to one of the user's roles: per requested index, what the user
   * sees. Absent when nothing restricts the user.
   */
  readonly restrictions?: Readonly<Record<string, IndexRestrictions>>;
}
