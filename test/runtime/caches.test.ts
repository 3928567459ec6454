import { describe, expect, it } from "vitest";
import { authorize } from "../../src/runtime/evaluate.js";
import { TablePolicy } from "../../src/runtime/table-policy.js";
import type { AuthorizationRequest } from "../../src/table/request.js";
import { compileFiles } from "../helpers/policy.js";

const ROLES = 12;
const table = () =>
  compileFiles({
    "roles.yml": Array.from(
      { length: ROLES },
      (_, i) => `r${i}:\n  cluster_permissions: ["cluster:monitor/${i}*"]\n  index_permissions:\n    - index_patterns: ["team${i}-*", "home-\${user.name}"]\n      allowed_actions: ["indices:data/read/${i % 3}*"]\n`,
    ).join(""),
    "roles_mapping.yml": Array.from({ length: ROLES }, (_, i) => `r${i}:\n  users: ["u${i}"]\n  backend_roles: ["b${i % 4}"]\n`).join(""),
  }).table!;

/** Requests over many users, role sets, action names and action classes, twice over. */
function requests(): AuthorizationRequest[] {
  const out: AuthorizationRequest[] = [];
  for (let round = 0; round < 2; round++) {
    for (let u = 0; u < ROLES; u++) {
      const user = { name: `u${u}`, backend_roles: [`b${(u + round) % 4}`] };
      out.push({ user, action: `cluster:monitor/${u}/x${round}` });
      out.push({ user, action: `indices:data/read/${u % 3}/y${u}`, indices: [`team${u}-1`, `home-u${u}`] });
      out.push({ user, action: `indices:data/read/${(u + 1) % 3}/z`, indices: [`team${u}-2`] });
    }
  }
  return out;
}

const decisionsWith = (cacheSize: number | undefined) => {
  const policy = new TablePolicy(table(), cacheSize === undefined ? {} : { cacheSize });
  return { policy, decisions: requests().map((request) => authorize(policy, request)) };
};

describe("bounded caches", () => {
  it("keep at most cacheSize users, role sets, action names, grant views and classes with grants", () => {
    const { policy } = decisionsWith(3);
    expect(policy.users.size).toBe(3);
    expect(policy.roleSets.size).toBe(3);
    expect(policy.actions.seenCount).toBe(3);
    expect(policy.views.size).toBe(3);
    expect(policy.grants.classesWithGrants).toBe(3);
  });

  it("give the same decisions after evictions as without them", () => {
    const unbounded = decisionsWith(undefined);
    expect(unbounded.policy.users.size).toBe(2 * ROLES);
    expect(unbounded.decisions.filter((d) => d.decision === "allow").length).toBeGreaterThan(ROLES);
    expect(decisionsWith(3).decisions).toEqual(unbounded.decisions);
    expect(decisionsWith(1).decisions).toEqual(unbounded.decisions);
  });

  it("keep nothing with cacheSize 0 and still decide alike", () => {
    const { policy, decisions } = decisionsWith(0);
    expect([policy.users.size, policy.roleSets.size, policy.actions.seenCount, policy.views.size, policy.grants.classesWithGrants]).toEqual([0, 0, 0, 0, 0]);
    expect(decisions).toEqual(decisionsWith(undefined).decisions);
  });

  it("keep a bounded number of users of one name", () => {
    const policy = new TablePolicy(table(), { cacheSize: 100 });
    for (let i = 0; i < 50; i++) authorize(policy, { user: { name: "u1", attributes: { n: String(i) } }, action: "cluster:monitor/1" });
    expect(policy.users.size).toBeLessThanOrEqual(8);
    expect(authorize(policy, { user: { name: "u1", attributes: { n: "0" } }, action: "cluster:monitor/1" }).decision).toBe("allow");
  });

  it("refuse a cache size that is not a whole number", () => {
    expect(() => new TablePolicy(table(), { cacheSize: -1 })).toThrow(/cacheSize must be a whole number/);
    expect(() => new TablePolicy(table(), { cacheSize: 1.5 })).toThrow(/cacheSize must be a whole number/);
  });
});

describe("shared decisions", () => {
  it("give users with the same roles the same frozen allow decision", () => {
    const policy = new TablePolicy(table());
    const a = authorize(policy, { user: { name: "u1" }, action: "cluster:monitor/1" });
    const b = authorize(policy, { user: { name: "x", backend_roles: ["b9"], roles: ["r1"] }, action: "cluster:monitor/1" });
    expect(a).toEqual({ decision: "allow", roles: ["r1"], missing: [] });
    expect(b).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.roles) && Object.isFrozen(a.missing)).toBe(true);
  });

  it("print a decision with the fields in the order policyc check prints them", () => {
    const policy = new TablePolicy(table());
    expect(JSON.stringify(authorize(policy, { user: { name: "u1" }, action: "cluster:monitor/2" }))).toBe(
      '{"decision":"deny","roles":["r1"],"reason":"no permissions for [cluster:monitor/2] and User [name=u1, backend_roles=[], requestedTenant=null]","missing":["cluster:monitor/2"]}',
    );
    expect(JSON.stringify(authorize(policy, { user: { name: "u1" }, action: "cluster:monitor/1" }))).toBe('{"decision":"allow","roles":["r1"],"missing":[]}');
    expect(JSON.stringify(authorize(policy, { user: { name: "u1" }, action: 5 }))).toBe('{"decision":"deny","roles":[],"missing":[],"error":"`action` must be a non-empty string"}');
  });
});
