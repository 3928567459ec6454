/**
 * The generated module's functions: `createAuthorizer` over the bundled
 * runtime's `loadTable` (or `loadDecider` for a module that does not
 * explain), and `authorize`, `explain` (when it explains), `rolesOf` and
 * `whoami` of a default authorizer. Written in TypeScript for policy.ts, in
 * JavaScript for policy.js (the same code without annotations) and as
 * declarations for policy.d.ts, with the same documentation in all three.
 */
import type { CodeWriter } from "./code-writer.js";
import { AUTHORIZE_DOC, EXPLAIN_DOC, ROLES_OF_DOC, WHOAMI_DOC } from "./policy-types.js";

export type ModuleFlavor = "ts" | "js";

const CREATE_AUTHORIZER_DOC = "Creates an authorizer for this policy, with bounded caches of its own.";
const DEFAULT_AUTHORIZE_DOC = [AUTHORIZE_DOC, "Uses the module's default authorizer."];
const DEFAULT_EXPLAIN_DOC = [...EXPLAIN_DOC, "Uses the module's default authorizer."];
const DEFAULT_ROLES_OF_DOC = [ROLES_OF_DOC[0]!, "Uses the module's default authorizer.", ...ROLES_OF_DOC.slice(1)];
const DEFAULT_WHOAMI_DOC = [...WHOAMI_DOC.slice(0, -1), "Uses the module's default authorizer.", ...WHOAMI_DOC.slice(-1)];

/** The functions, in TypeScript or JavaScript; `explain` among them when the module `explains`. */
export function writeModuleApi(w: CodeWriter, flavor: ModuleFlavor, explains: boolean): void {
  const typed = (annotation: string) => (flavor === "ts" ? annotation : "");
  writeCreateAuthorizer(w, typed, explains);
  w.line().line("const defaultAuthorizer = createAuthorizer();");
  // Exported under other names: the bundled runtime has top-level functions of its own named `authorize`.
  w.line().doc(...DEFAULT_AUTHORIZE_DOC);
  w.block(`function authorizeWithDefaultAuthorizer(request${typed(": PolicyAuthorizationRequest")})${typed(": Decision")} {`, () => {
    w.line("return defaultAuthorizer.authorize(request);");
  });
  if (explains) {
    w.line().doc(...DEFAULT_EXPLAIN_DOC);
    w.block(`function explainWithDefaultAuthorizer(request${typed(": PolicyAuthorizationRequest")})${typed(": Explanation")} {`, () => {
      w.line("return defaultAuthorizer.explain(request);");
    });
  }
  w.line().doc(...DEFAULT_ROLES_OF_DOC);
  w.block(`function rolesOfWithDefaultAuthorizer(user${typed(": RequestUser")})${typed(": readonly string[]")} {`, () => {
    w.line("return defaultAuthorizer.rolesOf(user);");
  });
  w.line().doc(...DEFAULT_WHOAMI_DOC);
  w.block(`function whoamiWithDefaultAuthorizer(user${typed(": RequestUser")}, tenant${typed("?: TenantName | (string & {})")})${typed(": AuthInfo")} {`, () => {
    w.line("return defaultAuthorizer.whoami(user, tenant);");
  });
  const explain = explains ? " explainWithDefaultAuthorizer as explain," : "";
  w.line().line(
    `export { authorizeWithDefaultAuthorizer as authorize,${explain} rolesOfWithDefaultAuthorizer as rolesOf, whoamiWithDefaultAuthorizer as whoami };`,
  );
}

function writeCreateAuthorizer(w: CodeWriter, typed: (annotation: string) => string, explains: boolean): void {
  w.doc(CREATE_AUTHORIZER_DOC);
  w.block(`export function createAuthorizer(options${typed(": AuthorizerOptions")} = {})${typed(": Authorizer")} {`, () => {
    w.line(`const policy = ${explains ? "loadTable" : "loadDecider"}(POLICY_TABLE, { ...options, lookup: POLICY_LOOKUP_TABLES });`);
    w.block("return {", () => {
      w.line("authorize: (request) => policy.authorize(request),");
      if (explains) w.line("explain: (request) => policy.explain(request),");
      w.line("rolesOf: (user) => policy.rolesOf(user),");
      w.line("whoami: (user, tenant) => policy.whoami(user, tenant),");
    }, "};");
  });
}

/** The functions as policy.d.ts declares them. */
export function writeApiDeclarations(w: CodeWriter, explains: boolean): void {
  w.doc(CREATE_AUTHORIZER_DOC);
  w.line("export declare function createAuthorizer(options?: AuthorizerOptions): Authorizer;");
  w.line().doc(...DEFAULT_AUTHORIZE_DOC);
  w.line("export declare function authorize(request: PolicyAuthorizationRequest): Decision;");
  if (explains) {
    w.line().doc(...DEFAULT_EXPLAIN_DOC);
    w.line("export declare function explain(request: PolicyAuthorizationRequest): Explanation;");
  }
  w.line().doc(...DEFAULT_ROLES_OF_DOC);
  w.line("export declare function rolesOf(user: RequestUser): readonly string[];");
  w.line().doc(...DEFAULT_WHOAMI_DOC);
  w.line("export declare function whoami(user: RequestUser, tenant?: TenantName | (string & {})): AuthInfo;");
}
