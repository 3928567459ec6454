/**
 * Requests come from users: whatever value `authorize` is given, it answers
 * with a decision (a deny with an `error` for what is malformed), never an
 * exception, and never changes a global; its caches stay within their bound
 * however many distinct users it sees, in the runtime and in the generated
 * module alike.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { authorize } from "../../src/runtime/evaluate.js";
import { loadTable } from "../../src/runtime/index.js";
import { TablePolicy } from "../../src/runtime/table-policy.js";
import type { DecisionTable } from "../../src/table/types.js";

const EXAMPLES = new URL("../../examples/", import.meta.url);

/** An example's policy, compiled (the DLS/FLS example has templates, masking and a settings file). */
function exampleTable(name: string): DecisionTable {
  const directory = new URL(`${name}/`, EXAMPLES);
  const names = readdirSync(directory).filter((file) => /\.ya?ml$/.test(file) && file !== "opensearch.yml");
  const files = names.map((file) => ({ path: file, text: readFileSync(new URL(file, directory), "utf8") }));
  const result = compile({ files });
  if (!result.table) throw new Error(`${name}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.table;
}

const table = exampleTable("dls-fls-masking");
const policy = loadTable(table);
const prototypes = snapshotPrototypes();

afterAll(() => {
  expect(snapshotPrototypes()).toEqual(prototypes);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
});

/** The deny with an error a malformed request gets. */
function expectRefused(request: unknown, error: string): void {
  expect(policy.authorize(request)).toEqual({ decision: "deny", roles: [], missing: [], error });
}

describe("a malformed request", () => {
  it("is refused when it is not an object", () => {
    for (const value of [null, undefined, 0, "request", true, [], [{ user: { name: "erin" }, action: "a" }]]) {
      expectRefused(value, "a request must be a JSON object");
    }
  });

  it("is refused when a field has the wrong type", () => {
    expectRefused({ user: "erin", action: "a" }, "`user` must be an object with a `name`");
    expectRefused({ user: { name: 7 }, action: "a" }, "`user.name` must be a string");
    expectRefused({ user: { name: "erin", backend_roles: "hr" }, action: "a" }, "`user.backend_roles` must be a list of strings");
    expectRefused({ user: { name: "erin", attributes: { dept: 1 } }, action: "a" }, "`user.attributes.dept` must be a string");
    expectRefused({ user: { name: "erin" }, action: 12 }, "`action` must be a non-empty string");
    expectRefused({ user: { name: "erin" }, action: "a", tenant: {} }, "`tenant` must be a string");
  });

  it("is refused without an action", () => {
    expectRefused({ user: { name: "erin" } }, "`action` must be a non-empty string");
    expectRefused({ user: { name: "erin" }, action: "" }, "`action` must be a non-empty string");
  });

  it("is refused when an index name is not a string, however long the list", () => {
    expectRefused({ user: { name: "erin" }, action: "indices:data/read/search", indices: ["hr", null] }, "`indices` must be a list of strings");
    const many: unknown[] = Array.from({ length: 1_000_000 }, (_, i) => `logs-${i}`);
    many.push(1);
    expectRefused({ user: { name: "erin" }, action: "indices:data/read/search", indices: many }, "`indices` must be a list of strings");
  });

  it("keeps a `__proto__` key of parsed JSON as data: it neither grants roles nor changes a prototype", () => {
    const request = JSON.parse('{"__proto__": {"roles": ["all_access"]}, "user": {"name": "erin", "__proto__": {"roles": ["all_access"]}}, "action": "indices:data/read/search", "indices": ["hr"]}') as unknown;
    const decision = policy.authorize(request);
    expect(decision.roles).not.toContain("all_access");
    expect(({} as Record<string, unknown>)["roles"]).toBeUndefined();
  });
});

describe("a well-formed request with hostile values", () => {
  it("decides for users named after prototype members", () => {
    for (const name of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"]) {
      const decision = policy.authorize({ user: { name, backend_roles: [name], attributes: { [name]: name } }, action: "indices:data/read/search", indices: [name] });
      expect(decision.decision).toBe("deny");
      expect(decision.error).toBeUndefined();
    }
  });

  it("decides for names and actions of tens of megabytes", () => {
    const huge = "x".repeat(20_000_000);
    const decision = policy.authorize({ user: { name: huge, attributes: { "attr.internal.department": huge } }, action: huge, indices: [huge] });
    expect(decision.decision).toBe("deny");
  });

  it("decides a request naming a million indices (the limit is the caller's memory, not a rule)", () => {
    const indices = Array.from({ length: 1_000_000 }, (_, i) => `logs-${i}`);
    const decision = policy.authorize({ user: { name: "x", roles: ["all_access"] }, action: "indices:data/read/search", indices });
    expect(decision).toEqual({ decision: "allow", roles: ["all_access"], missing: [] });
  });
});

describe("rolesOf and whoami", () => {
  it("throw a TypeError, and only that, for a value that is not a user", () => {
    for (const value of [null, "erin", 3, [], { name: 1 }, { name: "erin", roles: "all_access" }, { name: "erin", attributes: [] }]) {
      expect(() => policy.rolesOf(value)).toThrow(TypeError);
      expect(() => policy.whoami(value)).toThrow(TypeError);
    }
    expect(() => policy.whoami({ name: "erin" }, 3 as unknown as string)).toThrow(TypeError);
  });
});

describe("caches under a stream of a million distinct users", () => {
  const USERS = 1_000_000;
  const CACHE = 1_000;
  const request = (i: number) => ({
    user: { name: `user-${i}`, backend_roles: [`team-${i}`], attributes: { "attr.internal.department": `dept-${i}` } },
    action: "indices:data/read/search",
    indices: [`hr-${i}`],
  });

  it("keep the runtime's users, role sets, grant views and action names within the cache size", () => {
    const bounded = new TablePolicy(table, { cacheSize: CACHE });
    for (let i = 0; i < USERS; i++) authorize(bounded, request(i));
    expect(bounded.users.size).toBeLessThanOrEqual(CACHE);
    expect(bounded.roleSets.size).toBeLessThanOrEqual(CACHE);
    expect(bounded.views.size).toBeLessThanOrEqual(CACHE);
    expect(bounded.actions.seenCount).toBeLessThanOrEqual(CACHE);
  });

  it("keep the generated module's heap from growing with them", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "policyc-untrusted-"));
    try {
      const files = readdirSync(new URL("dls-fls-masking/", EXAMPLES))
        .filter((file) => /\.ya?ml$/.test(file) && file !== "opensearch.yml")
        .map((file) => ({ path: file, text: readFileSync(new URL(`dls-fls-masking/${file}`, EXAMPLES), "utf8") }));
      const outputs = compile({ files }, { js: true }).outputs!;
      writeFileSync(join(scratch, "policy.js"), outputs["policy.js"]!);
      const module = (await import(pathToFileURL(join(scratch, "policy.js")).href)) as { createAuthorizer(options: { cacheSize: number }): { authorize(request: unknown): unknown } };
      const authorizer = module.createAuthorizer({ cacheSize: CACHE });
      // A warm start: the caches fill up before the first measurement.
      for (let i = 0; i < 10 * CACHE; i++) authorizer.authorize(request(i));
      const before = settledHeap();
      for (let i = 10 * CACHE; i < USERS; i++) authorizer.authorize(request(i));
      const growth = settledHeap() - before;
      // Bounded caches of 1,000 entries take a few megabytes; an unbounded one would hold a million users (hundreds of MB).
      expect(growth).toBeLessThan(32 * 1024 * 1024);
      // Used after the measurement, so that the authorizer (and its caches) cannot be collected before it.
      expect(authorizer.authorize(request(0))).toMatchObject({ decision: "deny" });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

/** The heap in use after full garbage collections. */
function settledHeap(): number {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function snapshotPrototypes(): Record<string, string[]> {
  const names = (object: object): string[] => Object.getOwnPropertyNames(object).sort();
  return { object: names(Object.prototype), array: names(Array.prototype), function: names(Function.prototype), string: names(String.prototype) };
}
