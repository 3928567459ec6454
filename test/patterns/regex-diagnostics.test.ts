/**
 * What compiling says about `/regex/` patterns: a pattern the plugin accepts
 * but policyc cannot decide in bounded time is an error (PC4004) wherever it
 * is written, since dropping it would decide otherwise than the plugin; a
 * pattern Java rejects stays the plugin's dropped pattern (PC4001); user
 * attributes substituted into a regex get a warning (PC4005), since the
 * plugin does not escape them.
 */
import { describe, expect, it } from "vitest";
import { compileFiles } from "../helpers/policy.js";

const codesAt = (files: Record<string, string>) =>
  compileFiles(files).diagnostics.map((d) => {
    const at = d.span ? d.span.file.lineColumn(d.span.start) : undefined;
    return `${d.code} ${d.span?.file.path}:${at?.line}:${at?.column}`;
  });

describe("a pattern policyc cannot decide in bounded time", () => {
  it("is an error in index patterns, tenant patterns, mapping patterns and action patterns, and no table is made", () => {
    const files = {
      "roles.yml": `r:\n  cluster_permissions: ['/(cluster:(a)\\2)+/']\n  index_permissions:\n    - index_patterns: ['/(?>a*)*b/']\n      allowed_actions: ['read']\n  tenant_permissions:\n    - tenant_patterns: ['/(a)\\1+/']\n      allowed_actions: ['kibana_all_read']\n`,
      "roles_mapping.yml": `r:\n  users: ['/(u)\\1+/']\n`,
    };
    // Lines count the `_meta` block the helper adds.
    expect(codesAt(files)).toEqual(["PC4004 roles.yml:5:25", "PC4004 roles.yml:7:24", "PC4004 roles.yml:10:25", "PC4004 roles_mapping.yml:5:11"]);
    expect(compileFiles(files).table).toBeUndefined();
  });

  it("says why and what to do", () => {
    const { diagnostics } = compileFiles({ "roles.yml": `r:\n  index_permissions:\n    - index_patterns: ['/(?>a*)*b/']\n      allowed_actions: ['read']\n` });
    const diagnostic = diagnostics.find((d) => d.code === "PC4004");
    expect(diagnostic?.message).toBe(
      "index pattern `/(?>a*)*b/` is Java regex the plugin accepts, but policyc cannot evaluate it like the plugin: " +
        "a check that always ends quickly cannot be translated from it: it has an atomic group (no automaton), and backtracking through it can take exponential time",
    );
    expect(diagnostic?.help).toMatch(/automata, or by bounded backtracking/);
  });
});

describe("a pattern Java rejects", () => {
  it("stays a warning: the plugin drops it and so does the table", () => {
    const result = compileFiles({ "roles.yml": `r:\n  index_permissions:\n    - index_patterns: ['/logs-{/', 'logs-*']\n      allowed_actions: ['read']\n` });
    expect(result.diagnostics.map((d) => d.code)).toContain("PC4001");
    expect(result.table).toBeDefined();
  });
});

describe("user attributes inside a regex", () => {
  it("get a warning in index and tenant patterns, where the plugin substitutes them unescaped", () => {
    const files = {
      "roles.yml": `r:\n  index_permissions:\n    - index_patterns: ['/\${attr.internal.dept}-.*/', 'logs-\${attr.internal.dept}-*']\n      allowed_actions: ['read']\n  tenant_permissions:\n    - tenant_patterns: ['/\${user.name}/']\n      allowed_actions: ['kibana_all_read']\n`,
      "roles_mapping.yml": `r:\n  users: ['*']\n`,
    };
    expect(codesAt(files)).toEqual(["PC4005 roles.yml:6:24", "PC4005 roles.yml:9:25"]);
  });

  it("get a warning in Search Guard index and tenant patterns unless every variable is piped through `|toRegexFragment`", () => {
    const files = {
      "sg_roles.yml": [
        "r:",
        "  index_permissions:",
        "    - index_patterns: ['/${user.attrs.dept}-.*/', '-/x-${user.name|toRegexFragment}/', 'logs-${user.attrs.dept}-*', '/${attr.old}/']",
        "      allowed_actions: ['SGS_READ']",
        "  tenant_permissions:",
        "    - tenant_patterns: ['/${user.roles|toRegexFragment}-${user_name}/']",
        "      allowed_actions: ['SGS_KIBANA_ALL_READ']",
        "",
      ].join("\n"),
      "sg_roles_mapping.yml": "r:\n  users: ['*']\n",
    };
    const result = compileFiles(files);
    const warnings = result.diagnostics.filter((d) => d.code === "PC4005");
    expect(warnings.map((d) => d.span?.file.lineColumn(d.span.start))).toEqual([
      { line: 3, column: 24 },
      { line: 6, column: 25 },
    ]);
    expect(warnings[1]!.message).toContain("substitutes `${user_name}` into a regex without `|toRegexFragment`");
  });

  it("get none in mapping patterns, where `${…}` is not substituted", () => {
    expect(codesAt({ "roles.yml": `r:\n  cluster_permissions: ['cluster_monitor']\n`, "roles_mapping.yml": `r:\n  users: ['/\${user.name}/']\n` })).toEqual([]);
  });
});
