import { describe, expect, it } from "vitest";
import type { PolicyDiff } from "../../../src/analyze/diff/model.js";
import { renderDiffJson } from "../../../src/analyze/diff/render-json.js";
import { renderDiffMarkdown } from "../../../src/analyze/diff/render-markdown.js";
import { renderDiffText } from "../../../src/analyze/diff/render-text.js";

const EMPTY: PolicyDiff = { effect: "none", roles: [], principals: [], settings: [], notes: [] };

const noChange = { gained: [], lost: [] };
const sample: PolicyDiff = {
  effect: "both",
  roles: [
    {
      role: "r",
      change: "changed",
      effect: "both",
      at: { file: "roles.yml", line: 4, column: 1 },
      cluster: { gained: ["cluster:monitor/*"], lost: [] },
      index: [{ pattern: "a|b", effect: "narrowing", actions: { gained: [], lost: ["indices:data/read/search"] }, restrictions: [] }],
      tenants: [],
      restApi: noChange,
      excludeCluster: noChange,
    },
  ],
  principals: [{ kind: "users", name: "judy", effect: "both", gainedRoles: [], lostRoles: [], changedRoles: ["r"], undefinedRoles: [] }],
  settings: [{ setting: "plugins.security.restapi.roles_enabled", before: [], after: ["a|b"], effect: "broadening" }],
  notes: [],
};

describe("the diff renderers", () => {
  it("say there are no access changes for an empty diff", () => {
    expect(renderDiffText(EMPTY)).toBe("no access changes\n");
    expect(renderDiffMarkdown(EMPTY)).toBe("## Access changes\n\nNo access changes.\n");
    expect(JSON.parse(renderDiffJson(EMPTY))).toEqual(EMPTY);
  });

  it("end with what the diff could not compare", () => {
    const note = "the old version is a table without provenance: internal users are not compared";
    expect(renderDiffText({ ...EMPTY, notes: [note] })).toBe(`no access changes\nnote: ${note}\n`);
    expect(renderDiffMarkdown({ ...sample, notes: [note] })).toMatch(/\n\n> The old version is a table without provenance: internal users are not compared\.\n$/);
  });

  it("mark each change in text with its effect", () => {
    expect(renderDiffText(sample)).toBe(
      [
        "access diff: broadening and narrowing (1 role, 1 principal, 1 setting)",
        "",
        "role `r` changed: broadening and narrowing (roles.yml:4:1)",
        "  + cluster: gains `cluster:monitor/*`",
        "  - index `a|b`: loses `indices:data/read/search`",
        "",
        "user pattern `judy`: broadening and narrowing",
        "  ± holds role `r`, whose access changes",
        "",
        "settings",
        "  + `plugins.security.restapi.roles_enabled`: none → `a|b`",
        "",
      ].join("\n"),
    );
  });

  it("write Markdown headings per role and principal, and escape pipes only in table cells", () => {
    const markdown = renderDiffMarkdown(sample);
    expect(markdown).toContain("#### Role `r` changed\n\n**broadening and narrowing** — `roles.yml:4:1`\n\n- **broadening**: cluster: gains `cluster:monitor/*`\n- narrowing: index `a|b`: loses `indices:data/read/search`\n");
    expect(markdown).toContain("#### User pattern `judy`\n");
    expect(markdown).toContain("| `plugins.security.restapi.roles_enabled` | none | `a\\|b` | **broadening** |\n");
  });
});
