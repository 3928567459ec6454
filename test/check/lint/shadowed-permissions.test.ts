/** PC8003: an index permission another one of the same role already grants in full. */
import { describe, expect, it } from "vitest";
import { findingsOf, placesOf } from "./findings.js";

const BROAD = `    - index_patterns: ["logs-*"]
      allowed_actions: ["indices:data/read/*"]
`;

function roleWith(...entries: string[]): { "roles.yml": string } {
  return { "roles.yml": `reader:\n  index_permissions:\n${entries.join("")}` };
}

describe("shadowed index permissions (PC8003)", () => {
  it("warns at an entry whose indices and actions a broader entry covers, pointing at the broader one", () => {
    const narrow = `    - index_patterns: ["logs-2024*", "logs-app"]\n      allowed_actions: ["indices:data/read/search", "get"]\n`;
    const [finding] = findingsOf(roleWith(BROAD, narrow), "PC8003");
    expect(finding).toEqual({
      place: "roles.yml:8:7",
      message: "index permission 2 of role `reader` grants nothing that index permission 1 does not: that one allows all its actions on all its indices",
      help: "remove it, or merge what it adds into index permission 1",
    });
  });

  it("says nothing when the narrower entry allows one action more", () => {
    const narrow = `    - index_patterns: ["logs-2024*"]\n      allowed_actions: ["indices:data/read/search", "indices:admin/mappings/get"]\n`;
    expect(placesOf(roleWith(BROAD, narrow), "PC8003")).toEqual([]);
  });

  it("says nothing when the narrower entry names one index more", () => {
    const narrow = `    - index_patterns: ["logs-2024*", "metrics-*"]\n      allowed_actions: ["indices:data/read/search"]\n`;
    expect(placesOf(roleWith(BROAD, narrow), "PC8003")).toEqual([]);
  });

  it("never compares entries with DLS, FLS or masking, which restrict what the role returns", () => {
    for (const restriction of [`      dls: '{"term": {"public": true}}'\n`, `      fls: ["~secret"]\n`, `      masked_fields: ["email"]\n`]) {
      const narrow = `    - index_patterns: ["logs-2024*"]\n      allowed_actions: ["indices:data/read/search"]\n${restriction}`;
      expect(placesOf(roleWith(BROAD, narrow), "PC8003")).toEqual([]);
      expect(placesOf(roleWith(`${BROAD}${restriction}`, narrow.replace(restriction, "")), "PC8003")).toEqual([]);
    }
  });

  it("reports only the second of two identical entries", () => {
    expect(placesOf(roleWith(BROAD, BROAD), "PC8003")).toEqual(["roles.yml:8:7 PC8003"]);
  });

  it("does not let `*` stand for the explicit `system:admin/system_index`", () => {
    const all = `    - index_patterns: ["*"]\n      allowed_actions: ["*"]\n`;
    const system = `    - index_patterns: [".alerts"]\n      allowed_actions: ["system:admin/system_index"]\n`;
    expect(placesOf(roleWith(all, system), "PC8003")).toEqual([]);
  });

  it("compares entries of the same role only", () => {
    const files = {
      "roles.yml": `a:\n  index_permissions:\n${BROAD}b:\n  index_permissions:\n${BROAD}`,
    };
    expect(placesOf(files, "PC8003")).toEqual([]);
  });
});
