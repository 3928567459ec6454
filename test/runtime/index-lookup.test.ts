import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePattern } from "../../src/patterns/pattern.js";
import { renderAttributes } from "../../src/patterns/user-attributes.js";
import { UNIT_SIZE, buildIndexLookup, residualLiteralPrefix } from "../../src/runtime/index-lookup.js";
import { PatternTrie, trieMatchesAny } from "../../src/runtime/pattern-trie.js";
import { TABLE_FORMAT, TABLE_VERSION, type DecisionTable, type TableIndexEntry } from "../../src/table/types.js";
import { decide, policyOf } from "../helpers/policy.js";

/** A table of one role per list of index permissions, with the given index patterns. */
function tableOf(indexPatterns: string[], roles: TableIndexEntry[][]): DecisionTable {
  return {
    format: TABLE_FORMAT,
    version: TABLE_VERSION,
    flavor: "opensearch",
    settings: {
      systemIndicesEnabled: false,
      systemIndices: [],
      systemIndexPermissionEnabled: false,
      rolesMappingResolution: "MAPPING_ONLY",
      multitenancyEnabled: false,
      privateTenantEnabled: true,
      dashboardsServerUsername: "kibanaserver",
      dashboardsIndex: ".kibana",
      dfmEmptyOverridesAll: false,
      dlsWriteBlocked: false,
      restapiRolesEnabled: [],
      restapiAdminEnabled: false,
      anomalyDetectionFilterByBackendRoles: false,
      forecastFilterByBackendRoles: false,
    },
    actionPatterns: ["*"],
    indexPatterns,
    roles: roles.map((index, i) => ({ name: `r${i}`, cluster: [], restApi: [], index, tenants: [] })),
    mappings: [],
    tenants: ["global_tenant"],
  };
}

const entry = (patterns: number[], systemIndexAccess = false): TableIndexEntry => ({ patterns, actions: [0], systemIndexAccess });

describe("index-permission tries", () => {
  it("give each pattern the mask of the entries that have it", () => {
    const lookup = buildIndexLookup(tableOf(["a-*", "b"], [[entry([0]), entry([0, 1])]]));
    const trie = new PatternTrie(lookup.trie, lookup.unitRoots);
    const root = trie.positionOf(lookup.unitRoots[0]!);
    expect(trieMatchesAny(trie, root, "a-1", 0b01)).toBe(true);
    expect(trieMatchesAny(trie, root, "b", 0b01)).toBe(false);
    expect(trieMatchesAny(trie, root, "b", 0b10)).toBe(true);
  });

  it("cut a role with many index permissions into units of at most UNIT_SIZE", () => {
    const many = Array.from({ length: UNIT_SIZE * 2 + 1 }, (_, i) => entry([i]));
    const patterns = many.map((_, i) => `i${i}`);
    const lookup = buildIndexLookup(tableOf(patterns, [[entry([0])], many]));
    expect(lookup.roleUnitStart).toEqual([0, 1, 4]);
    expect(lookup.unitEntryStart).toEqual([0, 1, 1 + UNIT_SIZE, 1 + 2 * UNIT_SIZE, 2 + 2 * UNIT_SIZE]);
    const trie = new PatternTrie(lookup.trie, lookup.unitRoots);
    expect(trieMatchesAny(trie, trie.positionOf(lookup.unitRoots[3]!), `i${UNIT_SIZE * 2}`, 1)).toBe(true);
    expect(trieMatchesAny(trie, trie.positionOf(lookup.unitRoots[2]!), `i${UNIT_SIZE * 2}`, -1)).toBe(false);
  });

  it("mark the entries with the pattern `*` and those with explicit system index access", () => {
    const lookup = buildIndexLookup(tableOf(["*", "x"], [[entry([1]), entry([0]), entry([1], true)]]));
    expect(lookup.unitUniversal).toEqual([0b010]);
    expect(lookup.unitSystemAccess).toEqual([0b100]);
  });

  it("keep regexes and templates out of the tries, as residuals with their masks", () => {
    const lookup = buildIndexLookup(tableOf(["/l[0-9]/", "logs-${user.name}", "plain", "/bad[/"], [[entry([0, 2]), entry([1, 3])]]));
    expect(lookup.residualPatterns).toEqual([0, 1]);
    expect(lookup.residualMasks).toEqual([0b01, 0b10]);
  });
});

describe("literal starts of residual patterns", () => {
  it("take a regex's leading plain characters but one a quantifier follows", () => {
    expect(residualLiteralPrefix("/logs-[0-9]+/")).toBe("logs-");
    expect(residualLiteralPrefix("/logs-2?x/")).toBe("logs-");
    expect(residualLiteralPrefix("/logs/")).toBe("logs");
    expect(residualLiteralPrefix("/a|b/")).toBe("");
    expect(residualLiteralPrefix("/(?i)logs/")).toBe("");
    expect(residualLiteralPrefix("/l\\Qx\\E/")).toBe("l");
  });

  it("take a template's text before its first variable and first wildcard", () => {
    expect(residualLiteralPrefix("home-${user.name}-*")).toBe("home-");
    expect(residualLiteralPrefix("ho?me-${user.name}")).toBe("ho");
    expect(residualLiteralPrefix("${attr.x}")).toBe("");
    expect(residualLiteralPrefix("/r-${attr.x}/")).toBe("");
    expect(residualLiteralPrefix("a$${x}-${user.name}")).toBe("a$");
  });

  it("start every name a regex matches", () => {
    const body = fc.array(fc.constantFrom("a", "b", "-", "1", "?", "*", "+", "{1}", "|", "(", ")", "[ab]", ".", "\\d", "😀"), { maxLength: 6 }).map((cs) => cs.join(""));
    const name = fc.array(fc.constantFrom("a", "b", "-", "1", "😀"), { maxLength: 6 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(body, fc.array(name, { maxLength: 8 }), (regexBody, names) => {
        const pattern = `/${regexBody}/`;
        const prefix = residualLiteralPrefix(pattern);
        for (const n of names) if (compilePattern(pattern)(n)) expect(n.startsWith(prefix)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("start every name a rendered template matches", () => {
    const text = fc.array(fc.constantFrom("a", "-", "*", "?", "$", "${user.name}", "${attr.x}", "/", "}"), { maxLength: 6 }).map((cs) => cs.join(""));
    const value = fc.array(fc.constantFrom("a", "-", "*", "/", "${user.name}"), { maxLength: 3 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text.filter((t) => t.includes("${")), value, value, fc.array(value, { maxLength: 6 }), (template, userName, attribute, names) => {
        const prefix = residualLiteralPrefix(template);
        let rendered: string;
        try {
          rendered = renderAttributes(template, { name: userName, backendRoles: [], securityRoles: [], attributes: { "attr.x": attribute } });
        } catch {
          return;
        }
        for (const n of names) if (compilePattern(rendered)(n)) expect(n.startsWith(prefix)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("index checks through the tries", () => {
  const policy = () =>
    policyOf({
      "roles.yml": `
regex:
  index_permissions:
    - index_patterns: ["/logs-[0-9]+/"]
      allowed_actions: ["read"]
template:
  index_permissions:
    - index_patterns: ["home-\${user.name}-*", "\${attr.internal.scope}"]
      allowed_actions: ["read"]
`,
      "roles_mapping.yml": `regex:\n  users: ["r"]\ntemplate:\n  users: ["t"]\n`,
    });

  it("grant through a regex residual only the names the regex matches whole", () => {
    expect(decide(policy(), "r", "indices:data/read/search", ["logs-42"]).decision).toBe("allow");
    expect(decide(policy(), "r", "indices:data/read/search", ["logs-42x"]).decision).toBe("deny");
  });

  it("render a template residual for each user", () => {
    const p = policy();
    expect(decide(p, "t", "indices:data/read/search", ["home-t-1"]).decision).toBe("allow");
    expect(decide(p, { name: "t", attributes: { "attr.internal.scope": "shared-*" } }, "indices:data/read/search", ["shared-x"]).decision).toBe("allow");
    expect(decide(p, { name: "t", attributes: { "attr.internal.scope": "other" } }, "indices:data/read/search", ["shared-x"]).decision).toBe("deny");
  });

  it("test the literal starts of residuals by code units, surrogate pairs included", () => {
    const p = policyOf({
      "roles.yml": `r:\n  index_permissions:\n    - index_patterns: ["😀a-\${user.name}", "/😁b-[0-9]/", "/c-[0-9]/"]\n      allowed_actions: ["read"]\n`,
      "roles_mapping.yml": `r:\n  users: ["u"]\n`,
    });
    for (const index of ["😀a-u", "😁b-1", "c-2"]) expect(decide(p, "u", "indices:data/read/search", [index]).decision).toBe("allow");
    for (const index of ["😀a-v", "😁b-x", "😀b-1", "c-x"]) expect(decide(p, "u", "indices:data/read/search", [index]).decision).toBe("deny");
  });

  it("grant all indices through a template that renders to `*`", () => {
    const p = policy();
    expect(decide(p, { name: "t", attributes: { "attr.internal.scope": "*" } }, "indices:data/read/search").decision).toBe("allow");
    expect(decide(p, { name: "t", attributes: { "attr.internal.scope": "x*" } }, "indices:data/read/search").decision).toBe("deny");
  });
});
