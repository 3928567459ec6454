import { describe, expect, it } from "vitest";
import { readRequest, normalizeUser, type NormalizedUser } from "../../src/runtime/request.js";
import { policyOf } from "../helpers/policy.js";

const users = { resolve: (value: unknown): NormalizedUser | string => normalizeUser(value) };

const policy = () =>
  policyOf({
    "roles.yml": `r:\n  cluster_permissions: ["cluster:monitor/*"]\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["read"]\n`,
    "roles_mapping.yml": `r:\n  users: ["u"]\n`,
  });

describe("reading requests", () => {
  it("names the first problem in field order", () => {
    expect(readRequest([], users)).toBe("a request must be a JSON object");
    expect(readRequest({ user: { name: 1 }, action: "" }, users)).toBe("`user.name` must be a string");
    expect(readRequest({ user: { name: "u" }, action: "" }, users)).toBe("`action` must be a non-empty string");
    expect(readRequest({ user: { name: "u" }, action: "a", indices: ["x", 1] }, users)).toBe("`indices` must be a list of strings");
    expect(readRequest({ user: { name: "u" }, action: "a", tenant: 3 }, users)).toBe("`tenant` must be a string");
  });

  it("uses a short list of distinct index names as given", () => {
    const indices = ["a", "b"];
    const request = readRequest({ user: { name: "u" }, action: "a", indices }, users);
    expect(typeof request !== "string" && request.indices).toBe(indices);
  });

  it("counts an index named twice once, in a short list or a long one", () => {
    const short = readRequest({ user: { name: "u" }, action: "a", indices: ["a", "b", "a"] }, users);
    const long = readRequest({ user: { name: "u" }, action: "a", indices: [..."abcdefghij", "a"] }, users);
    expect(typeof short !== "string" && short.indices).toEqual(["a", "b"]);
    expect(typeof long !== "string" && long.indices).toEqual([..."abcdefghij"]);
  });

  it("reads a null tenant or null indices as absent", () => {
    const request = readRequest({ user: { name: "u" }, action: "a", indices: null, tenant: null }, users);
    expect(request).toMatchObject({ indices: undefined, tenant: undefined });
  });
});

describe("users seen before", () => {
  it("decide a user sent with duplicate backend roles as the normalized user", () => {
    const p = policyOf({ "roles.yml": `r:\n  cluster_permissions: ["*"]\n`, "roles_mapping.yml": `r:\n  backend_roles: ["b"]\n` });
    const first = p.authorize({ user: { name: "u", backend_roles: ["x", "x"] }, action: "cluster:monitor/health" });
    const again = p.authorize({ user: { name: "u", backend_roles: ["x"] }, action: "cluster:monitor/health" });
    expect(first).toEqual(again);
    expect(first.reason).toContain("backend_roles=[x]");
  });

  it("tell apart users of one name that differ in backend roles, roles, host or attributes", () => {
    const p = policy();
    const base = { name: "v" };
    expect(p.authorize({ user: base, action: "cluster:monitor/health" }).decision).toBe("deny");
    expect(p.authorize({ user: { ...base, roles: ["r"] }, action: "cluster:monitor/health" }).decision).toBe("allow");
    expect(p.authorize({ user: { ...base, backend_roles: ["z"] }, action: "cluster:monitor/health" }).reason).toContain("backend_roles=[z]");
    expect(p.authorize({ user: { ...base, host: "h" }, action: "cluster:monitor/health" }).decision).toBe("deny");
    const service = { ...base, roles: ["r"], attributes: { "attr.internal.service": "true" } };
    expect(p.authorize({ user: service, action: "cluster:monitor/health" }).decision).toBe("deny");
    expect(p.authorize({ user: { ...base, roles: ["r"] }, action: "cluster:monitor/health" }).decision).toBe("allow");
  });

  it("still reject a malformed value that shares a name with a user seen before", () => {
    const p = policy();
    p.authorize({ user: { name: "u" }, action: "cluster:monitor/health" });
    expect(p.authorize({ user: { name: "u", backend_roles: "x" }, action: "cluster:monitor/health" }).error).toBe("`user.backend_roles` must be a list of strings");
    expect(p.authorize({ user: { name: "u", attributes: { a: undefined } }, action: "cluster:monitor/health" }).error).toBe("`user.attributes.a` must be a string");
    expect(p.authorize({ user: { name: "u", attributes: [] }, action: "cluster:monitor/health" }).error).toBe("`user.attributes` must be an object of strings");
    expect(p.authorize({ user: { name: "u", host: 1 }, action: "cluster:monitor/health" }).error).toBe("`user.host` must be a string");
  });

  it("ignore fields the request format does not have", () => {
    const p = policy();
    const plain = p.authorize({ user: { name: "u" }, action: "indices:data/read/search", indices: ["logs-1"] });
    const extra = p.authorize({ user: { name: "u", extra: 1 }, action: "indices:data/read/search", indices: ["logs-1"], more: true });
    expect(extra).toEqual(plain);
    expect(plain.decision).toBe("allow");
  });
});
