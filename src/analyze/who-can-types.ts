/**
 * What `policyc who-can` answers: every role whose grant decides the
 * question, how each grants it (the permission as written, the action-group
 * chain, the index or tenant pattern), who reaches each role, and what the
 * answer does not model. `--format json` prints this shape.
 */
import type { ActionGrant } from "./action-chains.js";
import type { InternalUserReach, MappingRule } from "./role-reach.js";
import type { TableLocation } from "../table/provenance.js";
import type { RestrictionKind, TableFlavor } from "../table/types.js";

export interface WhoCanQuery {
  readonly action: string;
  /** A concrete index name; without it an index action is answered for every index pattern. */
  readonly index?: string;
  /** A Dashboards tenant (Search Guard: a front-end tenant). */
  readonly tenant?: string;
}

/**
 * Which privilege decides: `cluster` or `index` permissions, `tenant`
 * permissions, the security REST API's own rules, or none at all
 * (`unchecked`: every user passes).
 */
export type WhoCanKind = "cluster" | "index" | "tenant" | "rest-api" | "unchecked";

export interface WhoCanAnswer {
  readonly query: WhoCanQuery;
  readonly flavor: TableFlavor;
  /** The action the plugin evaluates: renamed ones differ (`indices:admin/auto_create` → `indices:admin/create`). */
  readonly evaluatedAction: string;
  readonly kind: WhoCanKind;
  /** Why every user may, whatever their roles; absent otherwise. */
  readonly everyone?: string;
  /** Why no role can give it; absent otherwise (then `roles` is empty). */
  readonly nobody?: string;
  /** The roles whose grant decides, sorted by name. */
  readonly roles: readonly RoleAnswer[];
  /** What a user needs besides one of `roles`, from any of its roles. */
  readonly alsoRequired: readonly Requirement[];
  /** Search Guard: roles whose `exclude_cluster_permissions` refuse the action to whoever holds them. */
  readonly refusedBy: readonly RoleRefusal[];
  /** Everyone who reaches one of `roles`, by kind, sorted: the roles' `mappedBy` and `internalUsers` in one place. */
  readonly principals: Principals;
  /** What the answer does not model, or special cases that change it. */
  readonly notes: readonly string[];
  /** Whether the table carried provenance (locations and action-group chains). */
  readonly provenance: boolean;
}

export interface RoleAnswer {
  readonly role: string;
  /** Whether it is one of the plugin's built-in roles (known with provenance). */
  readonly builtin?: boolean;
  readonly at?: TableLocation;
  /** Whether every grant depends on a `${…}` pattern rendered per user. */
  readonly conditional: boolean;
  readonly grants: readonly RoleGrant[];
  /** The mapping rules that give the role. */
  readonly mappedBy: readonly MappingRule[];
  /** Whether a backend role named like the role gives it (`roles_mapping_resolution` `BOTH` or `BACKENDROLES_ONLY`). */
  readonly backendRoleName: boolean;
  /** Internal users that hold the role (with provenance). */
  readonly internalUsers: readonly InternalUserReach[];
}

export type RoleGrant =
  | { readonly kind: "cluster"; readonly actions: readonly ActionGrant[] }
  | {
      readonly kind: "index";
      /** The role's index permission (0-based). */
      readonly entry: number;
      readonly entryAt?: TableLocation;
      readonly actions: readonly ActionGrant[];
      /** The entry's patterns that match the index (all of them without `--index`). */
      readonly patterns: readonly PatternGrant[];
      /** DLS, FLS or masking the entry puts on what it grants. */
      readonly restrictions: readonly RestrictionKind[];
    }
  | {
      readonly kind: "tenant";
      readonly entry: number;
      readonly entryAt?: TableLocation;
      readonly patterns: readonly PatternGrant[];
      readonly access: "read" | "read-write";
      /** Search Guard: the tenant actions that grant it. */
      readonly actions?: readonly ActionGrant[];
    }
  /** The plugin's legacy quirk: `kibana_user` gives read-write on `global_tenant` unless another role grants it plainly. */
  | { readonly kind: "kibana_user_global_tenant" }
  /** The security REST API: a role listed in `plugins.security.restapi.roles_enabled`, or an explicit permission. */
  | { readonly kind: "rest-api"; readonly via: "roles_enabled" | "permission"; readonly permission?: string };

export interface PatternGrant {
  readonly pattern: string;
  readonly at?: TableLocation | null;
  /** A `${…}` template: whether it matches depends on the user's attributes. */
  readonly conditional: boolean;
}

export interface Requirement {
  /** What is needed, in a sentence. */
  readonly privilege: string;
  /** The roles that give it, sorted. */
  readonly roles: readonly string[];
}

export interface RoleRefusal {
  readonly role: string;
  readonly actionPattern: string;
}

export interface Principals {
  readonly users: readonly string[];
  readonly backend_roles: readonly string[];
  readonly and_backend_roles: readonly (readonly string[])[];
  readonly hosts: readonly string[];
  readonly ips: readonly string[];
  /** Backend roles that give a role by its name (`roles_mapping_resolution` `BOTH` or `BACKENDROLES_ONLY`). */
  readonly backend_role_names: readonly string[];
  readonly internal_users: readonly string[];
}
