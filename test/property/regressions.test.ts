/**
 * Disagreements the random comparison (evaluators-agree.test.ts) found
 * between policyc and the reference evaluator where policyc's runtime or
 * compiler is the one that departs from the plugin's rules. Each is a minimal
 * case, named like its entry in known-disagreements.ts (which the generator
 * avoids until src/ is fixed). They are plain tests: they fail until src/ is
 * fixed. Each also checks that the reference evaluator gives the expected
 * answer, so the expectation is not policyc's alone.
 */
import { describe, expect, it } from "vitest";
import type { AuthorizationRequest, Decision } from "../../src/table/request.js";
import { policyOf, withMeta, type ConfigFiles } from "../helpers/policy.js";
import { referenceAuthorize } from "../reference-evaluator.js";

/** Decides with policyc and checks the reference agrees with the plugin's expected answer. */
function decideBoth(files: ConfigFiles, request: AuthorizationRequest): { policyc: Decision; reference: Decision } {
  const texts = Object.fromEntries(withMeta(files).map(({ path, text }) => [path, text]));
  return { policyc: policyOf(files).authorize(request), reference: referenceAuthorize(texts, request) };
}

function allowed(roles: string[]): Decision {
  return { decision: "allow", roles, missing: [] };
}

function denied(roles: string[], action: string, user: string, tenant = "null", backendRoles = ""): Decision {
  return {
    decision: "deny",
    roles,
    missing: [action],
    reason: `no permissions for [${action}] and User [name=${user}, backend_roles=[${backendRoles}], requestedTenant=${tenant}]`,
  };
}

function expectDecision(files: ConfigFiles, request: AuthorizationRequest, expected: Decision): void {
  const { policyc, reference } = decideBoth(files, request);
  expect(reference, "the reference evaluator").toEqual(expected);
  expect(policyc, "policyc").toEqual(expected);
}

describe("regressions found by comparing with the reference evaluator", () => {
  // PrivilegesInterceptor works on the resolved indices, a Set (`requestedResolved.getAllIndices()`,
  // `allIndices.size() == 1`): naming `.kibana` twice is a request to `.kibana` alone, which needs the
  // global tenant (evaluation.md §5 step 3; README rule 10).
  it("duplicate indices are one index", () => {
    const files = {
      "roles.yml": `dash_reader:\n  index_permissions:\n    - index_patterns: [".kibana"]\n      allowed_actions: ["read"]\n`,
      "roles_mapping.yml": `dash_reader:\n  users: ["alice"]\n`,
    };
    const once = { user: { name: "alice" }, action: "indices:data/read/search", indices: [".kibana"] };
    const expected = denied(["dash_reader"], "indices:data/read/search", "alice");
    expectDecision(files, once, expected);
    expectDecision(files, { ...once, indices: [".kibana", ".kibana"] }, expected);
  });

  // SystemIndexAccessEvaluator: a protected action on a request whose indices are not resolved ("all")
  // is denied ("<action> for '_all' indices is not allowed for a regular user") whether or not the
  // permission feature is on; the feature only replaces the check on named system indices
  // (evaluation.md §2c; the `isActionAllowed(action)` block runs after the feature's block, for both).
  it("protected action on all indices with the permission feature on: a cluster action", () => {
    const files = {
      "roles_mapping.yml": `all_access:\n  users: ["alice"]\n`,
      "opensearch.yml": "plugins.security.system_indices.permission.enabled: true\n",
    };
    const request = { user: { name: "alice" }, action: "indices:data/write/reindex" };
    expectDecision(files, request, denied(["all_access"], "indices:data/write/reindex", "alice"));
  });

  it("protected action on all indices with the permission feature on: an index action", () => {
    const files = {
      "roles.yml": `writer:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["system:admin/system_index", "indices:data/write/index"]\n`,
      "roles_mapping.yml": `writer:\n  users: ["alice"]\n`,
      "opensearch.yml": "plugins.security.system_indices.permission.enabled: true\n",
    };
    const request = { user: { name: "alice" }, action: "indices:data/write/index" };
    expectDecision(files, request, denied(["writer"], "indices:data/write/index", "alice"));
  });

  // SystemIndexAccessEvaluator.evaluateSystemIndicesAccess runs the permission feature's checks (security
  // index, explicit `system:admin/system_index`, service accounts) before the plugin-user shortcut, so a
  // plugin user is refused the security index with the feature on (evaluation.md §2d, §8 item 2).
  it("plugin users after the permission feature's checks", () => {
    const files = { "opensearch.yml": "plugins.security.system_indices.permission.enabled: true\n" };
    const request = { user: { name: "plugin:alerting" }, action: "indices:data/read/search", indices: [".opendistro_security"] };
    expectDecision(files, request, denied([], "indices:data/read/search", "plugin:alerting"));
  });

  // backwartsCompatGateForSystemIndexPrivileges returns false for GetAllPitsAction: the feature's explicit
  // check is skipped for `indices:data/read/point_in_time/readall` (evaluation.md §2e, §8 item 9).
  it("point-in-time read-all skips the permission feature's checks", () => {
    const files = {
      "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: ["*"]\n      allowed_actions: ["indices:data/read/*"]\n`,
      "roles_mapping.yml": `reader:\n  users: ["alice"]\n`,
      "opensearch.yml":
        "plugins.security.system_indices.enabled: true\n" +
        'plugins.security.system_indices.indices: [".sys-1"]\n' +
        "plugins.security.system_indices.permission.enabled: true\n",
    };
    const request = { user: { name: "alice" }, action: "indices:data/read/point_in_time/readall", indices: [".sys-1"] };
    expectDecision(files, request, allowed(["reader"]));
  });

  // WildcardMatcher.from("/") builds a RegexMatcher whose `checkArgument(pattern.length() > 1 …)` throws
  // (configuration.md §4 rule 3), so a lone `/` is an invalid pattern like `/(/`: in tenant_patterns the
  // plugin stops reading the role's tenant permissions there (README rule 4, TenantPrivileges "Ignoring role").
  it("a lone slash is an invalid pattern", () => {
    const files = {
      "roles.yml": `analyst:\n  tenant_permissions:\n    - tenant_patterns: ["/", "analysts"]\n      allowed_actions: ["kibana_all_write"]\n`,
      "roles_mapping.yml": `analyst:\n  users: ["alice"]\n`,
      "tenants.yml": `analysts:\n  description: "Analysts"\n`,
    };
    const request = { user: { name: "alice" }, action: "indices:data/read/search", indices: [".kibana"], tenant: "analysts" };
    expectDecision(files, request, denied(["analyst"], "indices:data/read/search", "alice", "analysts"));
  });

  // PrivilegesInterceptor.replaceDashboardsIndex: `if (USER_TENANT.equals(requestedTenant) || user.getName()
  // .equals(requestedTenant)) { requestedTenant = user.getName(); … }` before `toUserIndexName`, so the
  // private tenant's own index is `.kibana_<hash of the user name>_<user name>`, granted without index
  // privileges (evaluation.md §5 steps 4–5).
  it("the private tenant's index is named after the user", () => {
    const files = {};
    // 92903040 is Java's "alice".hashCode().
    const request = { user: { name: "alice" }, action: "indices:data/read/search", indices: [".kibana_92903040_alice"], tenant: "__user__" };
    expectDecision(files, request, allowed([]));
  });

  // SystemIndexAccessEvaluator.areIndicesPluginSystemIndices refuses a plugin user only indices of
  // *registered* system indices (SystemIndexRegistry), not those of
  // `plugins.security.system_indices.indices`; otherwise evaluation goes on, and the private tenant grants
  // `.kibana` (evaluation.md §8 items 2 and 8).
  it("plugin users and configured system indices", () => {
    const files = {
      "opensearch.yml": 'plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [".kibana"]\n',
    };
    const request = { user: { name: "plugin:alerting" }, action: "indices:data/read/search", indices: [".kibana"], tenant: "__user__" };
    expectDecision(files, request, allowed([]));
  });
});
