/**
 * Lint judges the author's roles, never the plugin's: the built-in roles and
 * action groups pass every rule, and a policy that only maps them gets no
 * lint warning.
 */
import { describe, expect, it } from "vitest";
import { readKnownActions } from "../../../src/check/known-actions.js";
import { buildLintContext } from "../../../src/check/lint/lint-context.js";
import { runLintRules } from "../../../src/check/lint/lint-policy.js";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { readBuiltinPolicy } from "../../../src/parse/yaml/index.js";
import { resolvePolicy } from "../../../src/resolve/index.js";
import { lintCodesOf } from "./findings.js";

describe("the built-in roles and action groups", () => {
  it("pass every lint rule, as if an author had written them", () => {
    const builtins = readBuiltinPolicy("opensearch");
    expect(builtins.roles.length).toBeGreaterThan(5);
    const resolved = resolvePolicy(builtins, builtins, new DiagnosticSink());
    const context = { ...buildLintContext(builtins, resolved, builtins, readKnownActions()), roles: builtins.roles };
    const sink = new DiagnosticSink();
    runLintRules(context, sink);
    expect(sink.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  it("give a policy that maps them no lint warning", () => {
    const mapping = "all_access:\n  users: [admin]\nkibana_server:\n  users: [kibanaserver]\nreadall:\n  backend_roles: [auditors]\n";
    expect(lintCodesOf({ "roles_mapping.yml": mapping })).toEqual([]);
  });

  it("are judged when an author's role uses them, by all they grant", () => {
    const roles = 'ops:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["cluster_monitor"]\n';
    expect(lintCodesOf({ "roles.yml": roles })).toEqual(["PC8002"]);
  });
});
