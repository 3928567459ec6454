/**
 * What `explain` answers for one request: the decision, exactly as
 * `authorize` gives it, and its derivation — how the user got each role,
 * which permission granted each part of the request, and for a deny what is
 * missing, what almost matched and the smallest changes that would allow it.
 * Locations (`at`) are present when the table was compiled with provenance
 * (`--provenance`); without it the derivation names patterns only, and
 * suggestions can name single actions but no action groups.
 *
 * Shared by the runtime, the generated module and `policyc explain
 * --format json` (`schemas/explanation.schema.json`). Imports only the table
 * contract.
 */
import type { TableLocation } from "./provenance.js";
import type { Decision } from "./request.js";

export interface Explanation {
  /** The decision `authorize` gives for the same request. */
  readonly decision: Decision;
  /** The step of the plugin's evaluation that decided (see {@link DecidingRule}). */
  readonly rule: DecidingRule;
  /** The same step in a sentence, for people (`policyc explain --format text` prints it). */
  readonly summary: string;
  /** Each of the user's roles and every way the user got it, sorted by role. Empty for a malformed request. */
  readonly roles: readonly RoleDerivation[];
  /**
   * What granted each part of the request (the cluster action, each requested
   * index, the tenant): on allow, and on a deny by `restrictions` or
   * `ownership`, which refuse an action the privileges allowed. Targets in
   * the request's order, each target's grants by role, then entry.
   */
  readonly grants: readonly Grant[];
  /** On deny: each part of the request nothing granted, with what almost matched. */
  readonly missing: readonly MissingGrant[];
  /** On deny: changes that would allow the request, each checked by deciding again with it; fewest extra grants first. */
  readonly suggestions: readonly Suggestion[];
  /** Whether the table carried provenance (locations, action-group chains, group suggestions). */
  readonly provenance: boolean;
}

/**
 * `malformed`: the request could not be read. `unchecked`: an action the
 * plugin lets through without a privilege check. `bulk-shortcut`: a
 * top-level bulk request, decided by the cluster permission alone.
 * `system-index`: the system-index protection decided. `cluster`, `index`,
 * `tenant`: the privilege of that kind decided. `rest-api`: the security REST
 * API's own check. `restrictions`: DLS/FLS refused an allowed action.
 * `ownership`: the owning plugin refused a resource of another user.
 * `searchguard`: a Search Guard table (explained by decision only).
 */
export type DecidingRule =
  | "malformed"
  | "unchecked"
  | "bulk-shortcut"
  | "system-index"
  | "cluster"
  | "index"
  | "tenant"
  | "rest-api"
  | "restrictions"
  | "ownership"
  | "searchguard";

export interface RoleDerivation {
  readonly role: string;
  /** Every source of the role, in table order: several mappings may give the same role. */
  readonly via: readonly RoleSource[];
}

export type RoleSource =
  /** The request's `user.roles`: roles the authenticator assigned (or an internal user's `opendistro_security_roles`). */
  | { readonly kind: "request" }
  /**
   * One of the request's `user.backend_roles`, of the same name: with
   * `roles_mapping_resolution` `BACKENDROLES_ONLY` or `BOTH` a backend role
   * is a security role by itself.
   */
  | { readonly kind: "backend-role" }
  | {
      readonly kind: "mapping";
      /** The mapping field whose pattern matched. */
      readonly field: "users" | "backend_roles" | "and_backend_roles" | "hosts";
      /** The pattern(s) that matched; `and_backend_roles` lists all of its patterns. */
      readonly patterns: readonly string[];
      /**
       * What each pattern matched, parallel to `patterns`: the user name, the
       * first backend role it matches, the host. `""` where a bare `*` in
       * `backend_roles` or `and_backend_roles` maps a user without backend roles.
       */
      readonly matched: readonly string[];
      /** Where each pattern is written, parallel to `patterns`. */
      readonly at?: readonly (TableLocation | null)[];
      /** Where the mapping is written. */
      readonly mappingAt?: TableLocation;
    };

/** The part of a request one grant covers. */
export type GrantTarget =
  | { readonly kind: "cluster" }
  | { readonly kind: "index"; readonly index: string }
  /** All indices: a request naming no index. */
  | { readonly kind: "all-indices" }
  | { readonly kind: "tenant"; readonly tenant: string };

export interface Grant {
  readonly target: GrantTarget;
  readonly role: string;
  /**
   * The expanded action pattern that matched the action. For a tenant: the
   * access needed, `kibana:saved_objects/*\/write` or
   * `kibana:saved_objects/*\/read`; a tenant grant without `entry` is the
   * plugin's `kibana_user` rule, which opens `global_tenant` read-write.
   */
  readonly actionPattern: string;
  /**
   * From the permission as written to `actionPattern`: the written name,
   * the action groups in between, the pattern last (one step when written
   * directly); the shortest such chain, ties broken by name. Empty without
   * provenance, and where no written name leads to the pattern (tenant
   * read access, which any tenant permission gives).
   */
  readonly chain: readonly ChainStep[];
  /** For index and tenant targets: the pattern that matched the name. */
  readonly pattern?: string;
  /** Where that pattern is written. */
  readonly patternAt?: TableLocation;
  /** The role's entry: `index` or `tenants` entry number (0-based), absent for cluster permissions. */
  readonly entry?: number;
  /** Where the entry (or, for the cluster, the role) is written. */
  readonly entryAt?: TableLocation;
}

export interface ChainStep {
  readonly name: string;
  /** Where this name is written: the permission in the role for the first step, the group member for the next ones. */
  readonly at?: TableLocation;
}

export interface MissingGrant {
  readonly target: GrantTarget;
  /** The privilege missing for this target (the action, or what the plugin names missing). */
  readonly privilege: string;
  /** What almost matched, closest first. */
  readonly nearMisses: readonly NearMiss[];
}

export interface NearMiss {
  /**
   * `action-elsewhere`: one of the user's roles has the action, but on
   * index patterns that do not match. `index-without-action`: one of the
   * user's roles covers the index but with other actions. `similar-pattern`:
   * a pattern of the user's roles differs from the name by little (a
   * suffix, a few characters). `unheld-role`: a role the user does not hold
   * grants it.
   */
  readonly kind: "action-elsewhere" | "index-without-action" | "similar-pattern" | "unheld-role";
  readonly role: string;
  /** The index pattern concerned, when there is one. */
  readonly pattern?: string;
  readonly entry?: number;
  readonly at?: TableLocation;
  /** One lowercase sentence, names in backticks. */
  readonly detail: string;
}

export type Suggestion =
  /** Add an action or action group to a role's cluster permissions or to one of its index permissions. */
  | {
      readonly kind: "add-action";
      readonly role: string;
      /** The index permission (0-based) to add it to; absent for cluster permissions. */
      readonly entry?: number;
      /**
       * Present when no index permission of the role covers the request: the
       * action goes into a new index permission on these patterns (the
       * missing indices, or `*`), and `entry` is the role's count of index permissions.
       */
      readonly indexPatterns?: readonly string[];
      readonly action: string;
      readonly at?: TableLocation;
      /** How many known actions it grants besides the ones the request needs: the ranking key. */
      readonly alsoGrants: number;
      readonly detail: string;
    }
  /** Add an index pattern (the requested name) to one of a role's index permissions. */
  | {
      readonly kind: "add-index-pattern";
      readonly role: string;
      readonly entry: number;
      readonly pattern: string;
      readonly at?: TableLocation;
      readonly alsoGrants: number;
      readonly detail: string;
    }
  /** Map the user (by name) to a role that grants the request. */
  | {
      readonly kind: "map-user";
      readonly role: string;
      readonly user: string;
      readonly at?: TableLocation;
      readonly alsoGrants: number;
      readonly detail: string;
    };
