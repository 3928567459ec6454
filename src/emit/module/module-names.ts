/**
 * The top-level names the generated module declares next to the bundled
 * runtime. The runtime's modules share one scope with them in the module, so
 * scripts/bundle-runtime.mjs refuses a runtime that declares any of these;
 * a test keeps this list equal to what the emitter writes.
 */
export const MODULE_TOP_LEVEL_NAMES: readonly string[] = [
  "ActionGroupName",
  "Authorizer",
  "AuthorizerOptions",
  "KnownActionName",
  "POLICY_LOOKUP_TABLES",
  "POLICY_TABLE",
  "PolicyAuthorizationRequest",
  "RoleName",
  "TenantName",
  "authorizeWithDefaultAuthorizer",
  "createAuthorizer",
  "defaultAuthorizer",
  "explainWithDefaultAuthorizer",
  "rolesOfWithDefaultAuthorizer",
  "whoamiWithDefaultAuthorizer",
];
