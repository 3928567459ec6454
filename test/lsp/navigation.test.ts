/** Hover, go to definition and find references, across the files of a policy and into the built-ins. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, type LspRange } from "../helpers/lsp-client.js";
import { positionIn, rangeOf, scratchDirectory, type Scratch } from "./fixture.js";

const META = (type: string) => `_meta:\n  type: "${type}"\n  config_version: 2\n`;

const FILES = {
  "action_groups.yml": `${META("actiongroups")}my_read:
  allowed_actions: ["indices:data/read/*"]
my_write:
  allowed_actions: ["indices:data/write/*"]
my_all:
  allowed_actions: ["my_read", "my_write", "indices:admin/get"]
`,
  "roles.yml": `${META("roles")}reader:
  description: "reads the logs"
  cluster_permissions: ["cluster_monitor", "cluster:monitor/health"]
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: ["my_all"]
      dls: '{"term": {"team": "a"}}'
      fls: ["~secret"]
  tenant_permissions:
    - tenant_patterns: ["analytics"]
      allowed_actions: ["kibana_all_write"]
`,
  "roles_mapping.yml": `${META("rolesmapping")}reader:
  users: ["alice"]
`,
  "internal_users.yml": `${META("internalusers")}bob:
  hash: "$2y$12$abc"
  opendistro_security_roles: ["reader"]
`,
  "tenants.yml": `${META("tenants")}analytics:
  description: "the analytics tenant"
`,
  "groups.policy": "action_group team_read allow indices:data/read/*\n",
  "main.policy": `import "groups.policy"

role team {
  index team-* allow team_read
}

mapping team { backend_roles devs }

user carol { mapped_to team }
user dave { roles team }
`,
} as const;

type FileName = keyof typeof FILES;

interface Location {
  readonly uri: string;
  readonly range: LspRange;
}

describe("navigation", () => {
  let client: LspClient;
  let scratch: Scratch;
  const at = (file: FileName, needle: string, occurrence = 0) => ({
    textDocument: { uri: scratch.uri(file) },
    position: positionIn(FILES[file], needle, occurrence),
  });
  const place = (file: FileName, needle: string, occurrence = 0): Location => ({ uri: scratch.uri(file), range: rangeOf(FILES[file], needle, occurrence) });
  const hoverText = async (file: FileName, needle: string, occurrence = 0) => {
    const hover = await client.request<{ contents: { kind: string; value: string }; range: LspRange } | null>("textDocument/hover", at(file, needle, occurrence));
    expect(hover?.contents.kind).toBe("markdown");
    return hover!;
  };

  beforeAll(async () => {
    scratch = scratchDirectory(FILES);
    client = LspClient.start();
    await client.initialize();
    for (const name of ["roles.yml", "roles_mapping.yml", "internal_users.yml", "action_groups.yml", "main.policy"] as const) {
      client.open(scratch.uri(name), name.endsWith(".policy") ? "policyc" : "yaml", FILES[name]);
    }
  });
  afterAll(() => {
    client.kill();
    scratch.remove();
  });

  describe("hover", () => {
    it("shows an action group's full expansion and the chain of groups it includes", async () => {
      const hover = await hoverText("roles.yml", '"my_all"');
      expect(hover.range).toEqual(rangeOf(FILES["roles.yml"], '"my_all"'));
      expect(hover.contents.value).toBe(
        [
          "**action group** `my_all`",
          "",
          "**expands to** 3 actions: `indices:admin/get`, `indices:data/read/*`, `indices:data/write/*`",
          "",
          "**nested groups**",
          "",
          "- `my_read`",
          "- `my_write`",
        ].join("\n"),
      );
    });

    it("shows what a role grants where a mapping names it", async () => {
      const { contents } = await hoverText("roles_mapping.yml", "reader");
      expect(contents.value).toBe(
        [
          "**role** `reader`",
          "",
          "reads the logs",
          "",
          "- **cluster** `cluster_monitor`, `cluster:monitor/health` → 2 actions: `cluster:monitor/*`, `cluster:monitor/health`",
          "- **index** `logs-*`: `my_all` → 3 actions: `indices:admin/get`, `indices:data/read/*`, `indices:data/write/*`; DLS query; FLS `~secret`",
          "- **tenant** `analytics`: read-write",
        ].join("\n"),
      );
    });

    it("tells a cluster action from an index action", async () => {
      expect((await hoverText("roles.yml", "cluster:monitor/health")).contents.value).toBe(
        "`cluster:monitor/health` is a **cluster** action: a role grants it in `cluster_permissions`",
      );
      expect((await hoverText("action_groups.yml", "indices:admin/get")).contents.value).toBe(
        "`indices:admin/get` is an **index** action: a role grants it in the `allowed_actions` of an index permission",
      );
    });

    it("marks a built-in action group as such", async () => {
      expect((await hoverText("roles.yml", "cluster_monitor")).contents.value).toMatch(/^\*\*action group\*\* `cluster_monitor` · built-in · type `cluster`\n/);
    });
  });

  describe("go to definition", () => {
    it("goes from a use of an action group to its definition in another file", async () => {
      expect(await client.request("textDocument/definition", at("roles.yml", "my_all"))).toEqual([place("action_groups.yml", "my_all")]);
    });

    it("goes from a user's role to the role in roles.yml", async () => {
      expect(await client.request("textDocument/definition", at("internal_users.yml", "reader"))).toEqual([place("roles.yml", "reader")]);
    });

    it("goes to a built-in action group in the file policyc ships", async () => {
      const [location] = await client.request<Location[]>("textDocument/definition", at("roles.yml", "cluster_monitor"));
      expect(location?.uri).toMatch(/\/data\/opensearch\/static_action_groups\.yml$/);
      const line = readFileSync(fileURLToPath(location!.uri), "utf8").split("\n").indexOf("cluster_monitor:");
      expect(location?.range).toEqual({ start: { line, character: 0 }, end: { line, character: "cluster_monitor".length } });
    });

    it("goes from a .policy file to an action group in the file it imports", async () => {
      expect(await client.request("textDocument/definition", at("main.policy", "team_read"))).toEqual([place("groups.policy", "team_read")]);
    });
  });

  describe("find references", () => {
    it("finds a role's mapping and users across the YAML files", async () => {
      const references = await client.request<Location[]>("textDocument/references", { ...at("roles.yml", "reader"), context: { includeDeclaration: false } });
      expect(references).toEqual([place("roles_mapping.yml", "reader"), place("internal_users.yml", '"reader"')]);
    });

    it("includes the definition when asked", async () => {
      const references = await client.request<Location[]>("textDocument/references", { ...at("roles_mapping.yml", "reader"), context: { includeDeclaration: true } });
      expect(references).toEqual([place("roles.yml", "reader"), place("roles_mapping.yml", "reader"), place("internal_users.yml", '"reader"')]);
    });

    it("finds a DSL role's mapping block, mapped_to and roles clauses", async () => {
      const references = await client.request<Location[]>("textDocument/references", { ...at("main.policy", "team", 0), context: { includeDeclaration: false } });
      expect(references).toEqual([place("main.policy", "team", 3), place("main.policy", "team", 4), place("main.policy", "team", 5)]);
    });

    it("finds an action group's uses in other groups and in roles", async () => {
      const references = await client.request<Location[]>("textDocument/references", { ...at("action_groups.yml", "my_read"), context: { includeDeclaration: false } });
      expect(references).toEqual([place("action_groups.yml", '"my_read"')]);
    });
  });
});
