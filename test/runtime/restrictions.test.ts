/**
 * What an allowed index request reports of DLS, FLS and field masking,
 * through the table runtime: the join of the user's roles for each kind of
 * rule, with either value of `dfm_empty_overrides_all`.
 */
import { describe, expect, it } from "vitest";
import { authorize } from "../../src/runtime/evaluate.js";
import { TablePolicy } from "../../src/runtime/table-policy.js";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { compileFiles, decide, policyOf } from "../helpers/policy.js";
import { dls, entry, fls, masks, policyFor, restrictionsOf, search } from "./restriction-policies.js";

describe("the shared allow decision", () => {
  it("stays the one frozen object for a user whose roles have no rules", () => {
    const policy = policyFor(`plain:\n  index_permissions:\n${entry('["logs-*"]')}restricted:\n  index_permissions:\n${entry('["hr-*"]', dls('{"match_all": {}}'))}`);
    const request: AuthorizationRequest = { user: { name: "v", roles: ["plain"] }, action: "indices:data/read/search", indices: ["logs-1"] };
    const first = policy.authorize(request);
    expect(first.restrictions).toBeUndefined();
    expect(policy.authorize(request)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("has no restrictions for a request naming no index", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["*"]', dls('{"match_all": {}}'))}`);
    expect(decide(policy, "u", "indices:data/read/search").restrictions).toBeUndefined();
  });

  it("has no restrictions for actions the valve leaves to their sub-requests", () => {
    const policy = policyFor(`r:\n  cluster_permissions: ["indices:data/write/bulk", "indices:data/read/msearch"]\n  index_permissions:\n${entry('["*"]', dls('{"match_all": {}}'))}`);
    expect(decide(policy, "u", "indices:data/write/bulk", ["logs"])).toMatchObject({ decision: "allow" });
    expect(decide(policy, "u", "indices:data/write/bulk", ["logs"]).restrictions).toBeUndefined();
    expect(decide(policy, "u", "indices:data/read/msearch", ["logs"]).restrictions).toBeUndefined();
  });
});

describe("one role's rules", () => {
  it("report the DLS query parsed, with its keys sorted", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": { "dept": "hr", "active": true }}'))}`);
    expect(restrictionsOf(policy, "hr-1")).toEqual({ dls: { term: { active: true, dept: "hr" } }, fls: null, masked_fields: null });
    expect(JSON.stringify(restrictionsOf(policy, "hr-1")!.dls)).toBe('{"term":{"active":true,"dept":"hr"}}');
  });

  it("report an entry for every requested index, null where nothing restricts", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', fls("name"))}${entry('["logs-*"]')}`);
    const decision = search(policy, ["hr-1", "logs-1"]);
    expect(decision.restrictions).toEqual({
      "hr-1": { dls: null, fls: { include: ["name"] }, masked_fields: null },
      "logs-1": { dls: null, fls: null, masked_fields: null },
    });
  });

  it("report a plain query whose string spells `${` with an escape as written, not rendered", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"note": "\\u0024{user.name}"}}'))}`);
    expect(restrictionsOf(policy, "hr-1")!.dls).toEqual({ term: { note: "${user.name}" } });
  });

  it("do not count on an entry without a usable index pattern: such an entry restricts nothing", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry("[]", masks("ssn"))}${entry('["/logs-{/"]', masks("ssn"))}${entry('["logs-*"]')}`);
    expect(search(policy, ["logs-1"]).restrictions).toBeUndefined();
  });

  it("keep an index named __proto__ as a key of its own", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["*"]', masks("ssn"))}`);
    const decision = search(policy, ["__proto__"]);
    expect(Object.keys(decision.restrictions!)).toEqual(["__proto__"]);
    expect(JSON.stringify(decision.restrictions)).toBe('{"__proto__":{"dls":null,"fls":null,"masked_fields":["ssn"]}}');
  });
});

describe("joining several roles (either value of dfm_empty_overrides_all)", () => {
  describe.each([false, true])("dfm_empty_overrides_all: %s", (dfm) => {
    it("ORs the distinct DLS queries, ordered by their canonical text", () => {
      const policy = policyFor(
        `a:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"team": "b"}}'))}b:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"team": "a"}}'))}c:\n  index_permissions:\n${entry('["hr-*"]', dls('{ "term" : {"team": "a"} }'))}`,
        { dfm },
      );
      expect(restrictionsOf(policy, "hr-1")!.dls).toEqual({ bool: { minimum_should_match: 1, should: [{ term: { team: "a" } }, { term: { team: "b" } }] } });
    });

    it("unites FLS inclusions", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', fls("name", "dept"))}b:\n  index_permissions:\n${entry('["hr-*"]', fls("age", "name"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-1")!.fls).toEqual({ include: ["age", "dept", "name"] });
    });

    it("unites FLS exclusions, written with ~ or !, reported without the prefix", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', fls("~ssn"))}b:\n  index_permissions:\n${entry('["hr-*"]', fls("!salary", "~ssn"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-1")!.fls).toEqual({ exclude: ["salary", "ssn"] });
    });

    it("keeps only the exclusions when inclusions and exclusions mix", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', fls("name"))}b:\n  index_permissions:\n${entry('["hr-*"]', fls("~ssn"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-1")!.fls).toEqual({ exclude: ["ssn"] });
    });

    it("lifts FLS when `*` is included and nothing excluded", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', fls("name"))}b:\n  index_permissions:\n${entry('["hr-*"]', fls("*"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-1")!.fls).toBeNull();
    });

    it("unites masks, as written, sorted", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', masks("ssn", "email::SHA-512"))}b:\n  index_permissions:\n${entry('["hr-*"]', masks("phone::/[0-9]/::X", "ssn"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-1")!.masked_fields).toEqual(["email::SHA-512", "phone::/[0-9]/::X", "ssn"]);
    });

    it("applies a wildcard entry's rule to every index", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["*", "ignored-*"]', masks("ssn"))}`, { dfm });
      expect(restrictionsOf(policy, "anything")!.masked_fields).toEqual(["ssn"]);
    });

    it("keeps a role's last wildcard rule", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["*"]', fls("first"))}${entry('["*"]', fls("last"))}`, { dfm });
      expect(restrictionsOf(policy, "x")!.fls).toEqual({ include: ["last"] });
    });

    it("keeps a role's last matching entry with a rule among its plain patterns", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-*"]', fls("early"))}${entry('["hr-1"]', fls("late"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-1")!.fls).toEqual({ include: ["late"] });
      expect(restrictionsOf(policy, "hr-2")!.fls).toEqual({ include: ["early"] });
    });

    it("adds the rule of every matching template entry to the role's plain-pattern rule", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-${user.name}"]', fls("mine"))}${entry('["hr-*"]', fls("plain"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-u")!.fls).toEqual({ include: ["mine", "plain"] });
    });

    it("lets a later entry with the same templates replace an earlier one's rule", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["hr-${user.name}"]', fls("early"))}${entry('["hr-${user.name}"]', fls("late"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-u")!.fls).toEqual({ include: ["late"] });
    });

    it("keeps the rules of template entries whose templates differ in order", () => {
      const policy = policyFor(`a:\n  index_permissions:\n${entry('["a-${user.name}", "hr-${user.name}"]', fls("first"))}${entry('["hr-${user.name}", "a-${user.name}"]', fls("second"))}`, { dfm });
      expect(restrictionsOf(policy, "hr-u")!.fls).toEqual({ include: ["first", "second"] });
    });
  });
});

describe("a role without rules on the index", () => {
  const roles = `restricting:\n  index_permissions:\n${entry('["hr-*"]', dls('{"match_all": {}}'))}open:\n  index_permissions:\n${entry('["hr-*"]')}`;

  it("does not lift another role's restrictions by default", () => {
    expect(restrictionsOf(policyFor(roles, { dfm: false }), "hr-1")!.dls).toEqual({ match_all: {} });
  });

  it("lifts them with dfm_empty_overrides_all", () => {
    expect(restrictionsOf(policyFor(roles, { dfm: true }), "hr-1")).toEqual({ dls: null, fls: null, masked_fields: null });
  });

  it("lifts them through a template entry with dfm_empty_overrides_all", () => {
    const templated = `restricting:\n  index_permissions:\n${entry('["hr-*"]', dls('{"match_all": {}}'))}open:\n  index_permissions:\n${entry('["hr-${user.name}"]')}`;
    expect(restrictionsOf(policyFor(templated, { dfm: true }), "hr-u")!.dls).toBeNull();
    expect(restrictionsOf(policyFor(templated, { dfm: true }), "hr-other")!.dls).toEqual({ match_all: {} });
  });

  it("through a wildcard entry, lifts nothing by default and everything with dfm_empty_overrides_all", () => {
    const wildcard = `restricting:\n  index_permissions:\n${entry('["hr-*"]', fls("name"))}open:\n  index_permissions:\n${entry('["*"]')}`;
    expect(restrictionsOf(policyFor(wildcard, { dfm: false }), "hr-1")!.fls).toEqual({ include: ["name"] });
    expect(restrictionsOf(policyFor(wildcard, { dfm: true }), "hr-1")!.fls).toBeNull();
  });

  it("counts whatever its allowed actions", () => {
    const actionless = `restricting:\n  index_permissions:\n${entry('["hr-*"]', masks("ssn"))}open:\n  index_permissions:\n    - index_patterns: ["hr-*"]\n      allowed_actions: []\n`;
    expect(restrictionsOf(policyFor(actionless, { dfm: true }), "hr-1")!.masked_fields).toBeNull();
  });

  it("counts per kind: a DLS-only role does not lift another role's FLS by default, and does with dfm_empty_overrides_all", () => {
    const kinds = `a:\n  index_permissions:\n${entry('["hr-*"]', dls('{"match_all": {}}'))}b:\n  index_permissions:\n${entry('["hr-*"]', fls("name"))}`;
    expect(restrictionsOf(policyFor(kinds, { dfm: false }), "hr-1")).toEqual({ dls: { match_all: {} }, fls: { include: ["name"] }, masked_fields: null });
    expect(restrictionsOf(policyFor(kinds, { dfm: true }), "hr-1")).toEqual({ dls: null, fls: null, masked_fields: null });
  });
});

describe("user attributes in DLS queries", () => {
  const roles = `r:\n  index_permissions:\n${entry(
    '["hr-*"]',
    dls('{"bool": {"filter": [{"term": {"owner": "${user.name}"}}, {"terms": {"team": [${user.roles}]}}, {"term": {"dept": "${attr.internal.dept:-none}"}}]}}'),
  )}`;

  it("are substituted as the plugin renders them, per user", () => {
    const policy = policyFor(roles);
    const judy = { name: "u", backend_roles: ["a", "b"], attributes: { "attr.internal.dept": "eng" } };
    expect(restrictionsOf(policy, "hr-1", judy)!.dls).toEqual({
      bool: { filter: [{ term: { owner: "u" } }, { terms: { team: ["a", "b"] } }, { term: { dept: "eng" } }] },
    });
    expect(restrictionsOf(policy, "hr-1", { name: "u" })!.dls).toEqual({ bool: { filter: [{ term: { owner: "u" } }, { terms: { team: [] } }, { term: { dept: "none" } }] } });
  });

  it("that leave no query deny the request with the plugin's message", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"dept": "${attr.internal.dept}"}}'))}`);
    expect(search(policy, ["hr-1"])).toEqual({ decision: "deny", roles: ["r"], reason: "Error while evaluating DLS/FLS privileges", missing: [] });
    expect(search(policy, ["hr-1"], { name: "u", attributes: { "attr.internal.dept": "x" } }).decision).toBe("allow");
  });

  it("that render to no JSON deny the request", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"range": {"level": {"lte": ${attr.internal.level}}}}'))}`);
    expect(restrictionsOf(policy, "hr-1", { name: "u", attributes: { "attr.internal.level": "3" } })!.dls).toEqual({ range: { level: { lte: 3 } } });
    expect(search(policy, ["hr-1"], { name: "u", attributes: { "attr.internal.level": "high" } }).reason).toBe("Error while evaluating DLS/FLS privileges");
  });
});

describe("Dashboards tenants", () => {
  it("leave a request the tenant redirects to its index without restrictions", () => {
    const policy = policyOf({
      "roles.yml": `r:\n  tenant_permissions:\n    - tenant_patterns: ["analysts", "global_tenant"]\n      allowed_actions: ["kibana_all_write"]\n  index_permissions:\n${entry('["*"]', dls('{"match_all": {}}'))}`,
      "roles_mapping.yml": `r:\n  users: ["u"]\n`,
      "tenants.yml": `analysts: {}\n`,
    });
    const redirected = decide(policy, "u", "indices:data/read/search", [".kibana"], "analysts");
    expect(redirected).toMatchObject({ decision: "allow" });
    expect(redirected.restrictions).toBeUndefined();
    // Without a tenant the request stays on the Dashboards index itself, which the index permission restricts.
    expect(decide(policy, "u", "indices:data/read/search", [".kibana"]).restrictions).toEqual({ ".kibana": { dls: { match_all: {} }, fls: null, masked_fields: null } });
  });
});

describe("repeated requests", () => {
  it("keep at most cacheSize outcomes of role sets per index", () => {
    const table = compileFiles({ "roles.yml": `r:\n  index_permissions:\n${entry('["hr-*"]', masks("ssn"))}`, "roles_mapping.yml": `r:\n  users: ["u"]\n` }).table!;
    const policy = new TablePolicy(table, { cacheSize: 2 });
    for (const index of ["hr-1", "hr-2", "hr-3", "hr-1"]) authorize(policy, { user: { name: "u" }, action: "indices:data/read/search", indices: [index] });
    expect(policy.restrictions.outcomes.size).toBe(2);
  });


  it("give equal answers from the cache, per role set and index", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', masks("ssn"))}`);
    const first = search(policy, ["hr-1"]);
    const again = search(policy, ["hr-1"]);
    expect(again).toEqual(first);
    expect(again.restrictions!["hr-1"]).toBe(first.restrictions!["hr-1"]);
  });

  it("keep a user's outcomes when templates make them the user's own, and answer alike after the user's cache starts over", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"owner": "${user.name}"}}'))}`);
    const first = search(policy, ["hr-0"]).restrictions!["hr-0"];
    expect(search(policy, ["hr-0"]).restrictions!["hr-0"]).toBe(first);
    for (let i = 1; i <= 100; i++) expect(restrictionsOf(policy, `hr-${i}`)!.dls).toEqual({ term: { owner: "u" } });
    expect(search(policy, ["hr-0"]).restrictions!["hr-0"]).toEqual(first);
  });

  it("render templates for each user anew", () => {
    const policy = policyFor(`r:\n  index_permissions:\n${entry('["hr-*"]', dls('{"term": {"owner": "${user.name}"}}'))}`);
    expect(restrictionsOf(policy, "hr-1", { name: "u" })!.dls).toEqual({ term: { owner: "u" } });
    expect(restrictionsOf(policy, "hr-1", { name: "v", roles: ["r"] })!.dls).toEqual({ term: { owner: "v" } });
  });
});
