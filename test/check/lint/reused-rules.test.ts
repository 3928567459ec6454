/**
 * The lint rules older than lint, kept under their codes: unknown action
 * names (PC3001), role names that lead nowhere (PC3003) and roles mapped to
 * nobody (PC3006). Each fires where the issue wants it and not on a close
 * variant.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findingsOf, placesOf } from "./findings.js";

const SEED = "examples/async-search-seed-mapping";

describe("unknown action names (PC3001)", () => {
  const files = (action: string) => ({
    "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: ["${action}"]\n`,
    "roles_mapping.yml": "reader:\n  users: [alice]\n",
  });

  it("warns at a near miss of an action, with did-you-mean", () => {
    expect(findingsOf(files("indices:data/read/serach"), "PC3001")).toEqual([
      { place: "roles.yml:7:25", message: "unknown action `indices:data/read/serach`; did you mean `indices:data/read/search`?", suggestion: "indices:data/read/search" },
    ]);
  });

  it("says nothing about the action spelled right", () => {
    expect(placesOf(files("indices:data/read/search"), "PC3001")).toEqual([]);
  });
});

describe("mappings to undefined roles (PC3003)", () => {
  it("warns at the seed's `async_full_access` with the role it abbreviates", () => {
    const mapping = readFileSync(`${SEED}/roles_mapping.yml`, "utf8");
    const roles = readFileSync(`${SEED}/roles.yml`, "utf8");
    expect(findingsOf({ "roles.yml": roles, "roles_mapping.yml": mapping }, "PC3003")).toEqual([
      {
        place: "roles_mapping.yml:8:1",
        message: "role mapping names role `async_full_access`, which is not defined, so it grants nothing; did you mean `asynchronous_search_full_access`?",
        suggestion: "asynchronous_search_full_access",
      },
    ]);
  });

  it("says nothing once the mapping names the role the seed defines", () => {
    const roles = readFileSync(`${SEED}/roles.yml`, "utf8");
    expect(placesOf({ "roles.yml": roles, "roles_mapping.yml": "asynchronous_search_full_access:\n  users: [judy]\n" }, "PC3003")).toEqual([]);
  });
});

describe("roles mapped to nobody (PC3006)", () => {
  const role = "reader:\n  cluster_permissions: [cluster_monitor]\n";

  it("warns at a role no mapping and no user reaches", () => {
    expect(placesOf({ "roles.yml": role }, "PC3006")).toEqual(["roles.yml:4:1 PC3006"]);
  });

  it("says nothing once a mapping reaches it", () => {
    expect(placesOf({ "roles.yml": role, "roles_mapping.yml": "reader:\n  backend_roles: [ops]\n" }, "PC3006")).toEqual([]);
  });
});
