/**
 * The generated module's types that depend on the policy, written the same
 * in policy.ts and policy.d.ts: literal unions of the names known at compile
 * time (editors complete them), the request type that offers them, and the
 * authorizer's interface.
 */
import type { CodeWriter } from "./code-writer.js";
import { stringLiteral } from "./escape.js";

/** The names the module's literal union types list, each sorted. */
export interface PolicyNames {
  readonly roles: readonly string[];
  readonly actionGroups: readonly string[];
  readonly knownActions: readonly string[];
  readonly tenants: readonly string[];
}

/** The runtime's request and decision types, which the module exports as they are (`Explanation` when it explains). */
export function runtimeApiTypes(explains: boolean): readonly string[] {
  return ["AuthInfo", "AuthorizationRequest", "Decision", ...(explains ? ["Explanation"] : []), "RequestUser"];
}

/** The policy's types; the authorizer has `explain` when the module `explains`. */
export function writePolicyTypes(w: CodeWriter, names: PolicyNames, explains: boolean): void {
  w.doc("The roles this policy defines, built-in and custom.");
  writeUnion(w, "RoleName", names.roles);
  w.line().doc("The action groups this policy defines, built-in and custom.");
  writeUnion(w, "ActionGroupName", names.actionGroups);
  w.line().doc("Action names OpenSearch and its plugins are known to use (any other name is decided as well).");
  writeUnion(w, "KnownActionName", names.knownActions);
  w.line().doc("The tenants this policy defines, `global_tenant` included.");
  writeUnion(w, "TenantName", names.tenants);
  w.line().doc("A request to decide: `action` offers the known action names but takes any string.");
  w.block("export interface PolicyAuthorizationRequest extends AuthorizationRequest {", () => {
    w.line("readonly action: KnownActionName | (string & {});");
  });
  w.line().doc("Options of `createAuthorizer`.");
  w.block("export interface AuthorizerOptions {", () => {
    w.doc("The most entries each of the authorizer's caches keeps (users' roles, actions, rendered patterns); 0 caches nothing.");
    w.line("readonly cacheSize?: number;");
  });
  w.line().doc("Decides requests for this policy, with bounded caches of its own.");
  w.block("export interface Authorizer {", () => {
    w.doc(AUTHORIZE_DOC);
    w.line("authorize(request: PolicyAuthorizationRequest): Decision;");
    if (explains) {
      w.doc(...EXPLAIN_DOC);
      w.line("explain(request: PolicyAuthorizationRequest): Explanation;");
    }
    w.doc(...ROLES_OF_DOC);
    w.line("rolesOf(user: RequestUser): readonly string[];");
    w.doc(...WHOAMI_DOC);
    w.line("whoami(user: RequestUser, tenant?: TenantName | (string & {})): AuthInfo;");
  });
}

export const AUTHORIZE_DOC = "Decides one request as `policyc check` does; a malformed request is denied with an `error`.";

export const EXPLAIN_DOC = [
  "The decision `authorize` gives, with its derivation, as `policyc explain --format json` prints it: the step that decided,",
  "how the user got each role, what granted each part of an allowed request, what a denied one misses and what would allow it.",
  "Compile with `--provenance` for source locations and action-group chains.",
];

export const ROLES_OF_DOC = [
  "The user's security roles after mapping, sorted: the `roles` of every decision for this user.",
  "@throws TypeError when `user` is malformed",
];

export const WHOAMI_DOC = [
  "What the plugin's `_plugins/_security/authinfo` reports of the user, as `policyc whoami` prints it: its roles, backend roles",
  "and the tenants it may open (`true` read-write, `false` read-only). `tenant` is the Dashboards tenant a request names.",
  "@throws TypeError when `user` is malformed or `tenant` is not a string",
];

function writeUnion(w: CodeWriter, name: string, members: readonly string[]): void {
  if (members.length === 0) {
    w.line(`export type ${name} = never;`);
    return;
  }
  w.line(`export type ${name} =`);
  members.forEach((member, i) => w.line(`  | ${stringLiteral(member)}${i === members.length - 1 ? ";" : ""}`));
}
