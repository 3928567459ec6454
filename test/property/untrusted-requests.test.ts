/**
 * Property: whatever JSON value a request is (random JSON, JSON texts whose
 * objects carry `__proto__`, `constructor` and `prototype` keys, request-shaped
 * values with wrong types anywhere), `authorize` returns a decision and never
 * throws, and a malformed request is denied with an `error`; `rolesOf` and
 * `whoami` return or throw a TypeError, nothing else. No prototype changes.
 * Run on an OpenSearch policy with templates, DLS, FLS and masking, one with
 * tenants, and a Search Guard policy.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../src/index.js";
import { loadTable, type Policy } from "../../src/runtime/index.js";

const RUNS = Number(process.env.POLICYC_UNTRUSTED_RUNS ?? 1000);
const EXAMPLES = new URL("../../examples/", import.meta.url);

function examplePolicy(name: string): Policy {
  const directory = new URL(`${name}/`, EXAMPLES);
  const names = readdirSync(directory).filter((file) => /\.ya?ml$/.test(file) && file !== "opensearch.yml" && file !== "elasticsearch.yml");
  const result = compile({ files: names.map((file) => ({ path: file, text: readFileSync(new URL(file, directory), "utf8") })) });
  if (!result.table) throw new Error(`${name}: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return loadTable(result.table);
}

const POLICIES: readonly [string, Policy][] = ["dls-fls-masking", "multi-tenant-dashboards", "searchguard-demo-config"].map((name) => [name, examplePolicy(name)]);
const PROTOTYPES = snapshotPrototypes();

afterAll(() => {
  expect(snapshotPrototypes()).toEqual(PROTOTYPES);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
});

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"] as const;
const FIELDS = ["user", "action", "indices", "tenant", "method", "resource", "name", "backend_roles", "roles", "attributes", "host", "type", "id", "owner"] as const;

/** Names users, roles and indices of the example policies have, and prototype members. */
const name = fc.oneof(fc.string(), fc.constantFrom("erin", "judy", "hr", "logs-1", "admin", "all_access", "global_tenant", "indices:data/read/search", "cluster:monitor/health", ...PROTOTYPE_KEYS));

/** Any JSON value, its object keys often request fields or prototype members. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    name,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS, ...PROTOTYPE_KEYS), fc.string()), tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** A value of the right type for each field, or any JSON value in its place. */
const maybe = <T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: hostileJson });
const userArb = fc.record(
  {
    name: maybe(name),
    backend_roles: maybe(fc.array(name, { maxLength: 3 })),
    roles: maybe(fc.array(name, { maxLength: 3 })),
    attributes: maybe(fc.dictionary(fc.oneof(fc.constantFrom("attr.internal.department", ...PROTOTYPE_KEYS), fc.string()), name, { maxKeys: 3 })),
    host: maybe(fc.constantFrom("10.0.0.1", "::1")),
  },
  { requiredKeys: ["name"] },
);
const requestShaped = fc.record(
  {
    user: maybe(userArb),
    action: maybe(fc.constantFrom("indices:data/read/search", "cluster:monitor/health", "indices:data/write/bulk", "kibana:saved_objects/dashboard/write", "")),
    indices: maybe(fc.array(name, { maxLength: 4 })),
    tenant: maybe(name),
    method: maybe(fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "POST")),
    resource: maybe(fc.record({ type: maybe(fc.constantFrom("async_search", "anomaly_detector", "forecaster")), id: maybe(name), owner: maybe(userArb) })),
  },
  { requiredKeys: [] },
);
/** JSON texts, parsed: `__proto__` becomes an own key, as JSON.parse makes it. */
const parsedText = hostileJson.map((value) => JSON.parse(JSON.stringify(value).replaceAll('"toString"', '"__proto__"')) as unknown);
const anyRequest = fc.oneof(hostileJson, requestShaped, parsedText, fc.jsonValue());

describe.each(POLICIES)("on the %s policy", (_, policy) => {
  it("authorize answers every JSON value with a decision; a refused one is a deny with an error", () => {
    fc.assert(
      fc.property(anyRequest, (request) => {
        const decision = policy.authorize(request);
        expect(["allow", "deny"]).toContain(decision.decision);
        if (decision.error !== undefined) {
          expect(decision.decision).toBe("deny");
          expect(typeof decision.error).toBe("string");
        }
        if (typeof request !== "object" || request === null || Array.isArray(request)) expect(decision.error).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it("rolesOf and whoami return or throw a TypeError, for any user value and tenant", () => {
    fc.assert(
      fc.property(fc.oneof(userArb, hostileJson), fc.oneof(fc.constant(undefined), name, hostileJson), (user, tenant) => {
        for (const call of [() => policy.rolesOf(user), () => policy.whoami(user, tenant as string | undefined)]) {
          try {
            call();
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

function snapshotPrototypes(): Record<string, string[]> {
  const names = (object: object): string[] => Object.getOwnPropertyNames(object).sort();
  return { object: names(Object.prototype), array: names(Array.prototype), function: names(Function.prototype), string: names(String.prototype) };
}
