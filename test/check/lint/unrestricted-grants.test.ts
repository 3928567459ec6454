/** PC8007: a role other than `all_access` that allows every action on every index. */
import { describe, expect, it } from "vitest";
import { findingsOf, placesOf } from "./findings.js";

function roleWith(patterns: string, actions: string): { "roles.yml": string } {
  return { "roles.yml": `admin_ish:\n  index_permissions:\n    - index_patterns: ${patterns}\n      allowed_actions: ${actions}\n` };
}

describe("every action on every index (PC8007)", () => {
  it("warns at `*` allowed on `*`", () => {
    expect(findingsOf(roleWith('["*"]', '["*"]'), "PC8007")).toEqual([
      {
        place: "roles.yml:7:25",
        message: "role `admin_ish` allows every action on every index, as the built-in `all_access` does",
        help: "allow only the actions and indices the role needs; for administrators, map them to `all_access`",
      },
    ]);
  });

  it("warns at a group that grants `*`", () => {
    expect(findingsOf(roleWith('["logs-*", "*"]', '["read", "unlimited"]'), "PC8007").map((f) => [f.place, f.message])).toEqual([
      ["roles.yml:7:33", "role `admin_ish` allows every action (through `unlimited`) on every index, as the built-in `all_access` does"],
    ]);
  });

  it("says nothing about every action on some indices, or some actions on every index", () => {
    expect(placesOf(roleWith('["logs-*"]', '["*"]'), "PC8007")).toEqual([]);
    expect(placesOf(roleWith('["*"]', '["indices:*"]'), "PC8007")).toEqual([]);
  });

  it("says nothing about the built-in `all_access`", () => {
    expect(placesOf({ "roles_mapping.yml": "all_access:\n  users: [admin]\n" }, "PC8007")).toEqual([]);
  });
});
