/** Completion offers the names and words that belong where the cursor is. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, type LspRange } from "../helpers/lsp-client.js";
import { positionAfter, rangeOf, scratchDirectory, type Scratch } from "./fixture.js";

const META = (type: string) => `_meta:\n  type: "${type}"\n  config_version: 2\n`;

const FILES = {
  "action_groups.yml": `${META("actiongroups")}my_read:\n  allowed_actions: ["indices:data/read/*"]\n`,
  "tenants.yml": `${META("tenants")}analytics: {}\n`,
  "roles.yml": `${META("roles")}reader:
  cluster_permissions:
    - "cluster_monitor"
  index_permissions:
    - index_patterns: ["logs-*"]
      allowed_actions: [my_read]
  tenant_permissions:
    - tenant_patterns:
        - analytics
      allowed_actions: ["kibana_all_read"]
  reserved: true
`,
  "roles_mapping.yml": `${META("rolesmapping")}reader:\n  users: [alice]\n`,
  "internal_users.yml": `${META("internalusers")}bob:\n  hash: "x"\n  opendistro_security_roles: ["reader"]\n`,
  "app.policy": `action_group app_read allow indices:data/read/*

tenant sales

role seller {
  cluster cluster_monitor
  index sales-* allow app_read

  tenant sales allow kibana_all_write
}

user carol { mapped_to seller }
role
`,
} as const;

type FileName = keyof typeof FILES;

interface Item {
  readonly label: string;
  readonly kind: number;
  readonly detail: string;
  readonly textEdit: { readonly range: LspRange; readonly newText: string };
}

const KIND = { keyword: 14, property: 10, value: 12, module: 9, class: 7, folder: 19 } as const;

describe("completion", () => {
  let client: LspClient;
  let scratch: Scratch;
  const complete = (file: FileName, after: string, occurrence = 0) =>
    client.request<Item[]>("textDocument/completion", { textDocument: { uri: scratch.uri(file) }, position: positionAfter(FILES[file], after, occurrence) });
  const labels = (items: readonly Item[], kind?: number) => items.filter((item) => kind === undefined || item.kind === kind).map((item) => item.label);

  beforeAll(async () => {
    scratch = scratchDirectory(FILES);
    client = LspClient.start();
    await client.initialize();
    for (const name of Object.keys(FILES) as FileName[]) client.open(scratch.uri(name), name.endsWith(".policy") ? "policyc" : "yaml", FILES[name]);
  });
  afterAll(() => {
    client.kill();
    scratch.remove();
  });

  describe("in a .policy file", () => {
    it("offers actions and action groups after `cluster`, replacing the word typed so far", async () => {
      const items = await complete("app.policy", "cluster clu");
      expect(labels(items, KIND.module)).toEqual(expect.arrayContaining(["cluster_monitor", "cluster_composite_ops", "app_read"]));
      expect(labels(items, KIND.value)).toContain("cluster:monitor/health");
      expect(labels(items, KIND.class)).toEqual([]);
      const health = items.find((item) => item.label === "cluster:monitor/health")!;
      expect(health).toMatchObject({ detail: "cluster action", textEdit: { range: { start: rangeOf(FILES["app.policy"], "cluster_monitor").start }, newText: "cluster:monitor/health" } });
    });

    it("offers action groups after `allow`, the policy's own first", async () => {
      const items = await complete("app.policy", "allow app_");
      expect(labels(items, KIND.module)).toContain("app_read");
      const sorted = [...items].sort((a, b) => ((a as { sortText?: string }).sortText! < (b as { sortText?: string }).sortText! ? -1 : 1));
      expect(sorted[0]?.label).toBe("app_read");
    });

    it("offers tenants after `tenant` inside a role", async () => {
      const items = await complete("app.policy", "  tenant sa");
      expect(labels(items)).toEqual(expect.arrayContaining(["sales", "global_tenant", "__user__"]));
      expect(labels(items, KIND.value)).toEqual([]);
    });

    it("offers roles after `mapped_to`", async () => {
      const items = await complete("app.policy", "mapped_to sel");
      expect(labels(items, KIND.class)).toEqual(expect.arrayContaining(["seller", "all_access", "readall"]));
      expect(labels(items, KIND.module)).toEqual([]);
    });

    it("offers the definition keywords at the top level", async () => {
      const items = await complete("app.policy", "\nrole", 1);
      expect(labels(items, KIND.keyword)).toEqual(["import", "settings", "action_group", "role", "mapping", "user", "tenant"]);
    });

    it("offers the flags and the definition keywords after a definition's name", async () => {
      const items = await complete("app.policy", "\nrole", 0);
      expect(labels(items, KIND.keyword)).toEqual(["reserved", "hidden", "static", "import", "settings", "action_group", "role", "mapping", "user", "tenant"]);
    });

    it("offers a role's clause keywords inside a role", async () => {
      const items = await complete("app.policy", "allow app_read\n");
      expect(labels(items, KIND.keyword)).toEqual(["description", "cluster", "index", "tenant", "users", "backend_roles", "and_backend_roles", "hosts"]);
    });
  });

  describe("in the YAML files", () => {
    it("offers actions and action groups in cluster_permissions, inside the quotes", async () => {
      const items = await complete("roles.yml", '"clu');
      expect(labels(items, KIND.module)).toEqual(expect.arrayContaining(["cluster_monitor", "my_read"]));
      expect(labels(items, KIND.value)).toContain("cluster:monitor/health");
      const start = rangeOf(FILES["roles.yml"], "cluster_monitor").start;
      expect(items.find((item) => item.label === "cluster_monitor")?.textEdit).toEqual({ range: { start, end: { line: start.line, character: start.character + 3 } }, newText: "cluster_monitor" });
    });

    it("offers action groups in a flow list of allowed_actions", async () => {
      expect(labels(await complete("roles.yml", "[my_"), KIND.module)).toContain("my_read");
    });

    it("offers tenants in tenant_patterns", async () => {
      const items = await complete("roles.yml", "- ana");
      expect(labels(items)).toEqual(expect.arrayContaining(["analytics", "global_tenant"]));
      expect(labels(items, KIND.value)).toEqual([]);
    });

    it("offers roles as the entries of roles_mapping.yml", async () => {
      const items = await complete("roles_mapping.yml", "\nrea");
      expect(labels(items, KIND.class)).toEqual(expect.arrayContaining(["reader", "readall"]));
    });

    it("offers roles in a user's opendistro_security_roles", async () => {
      expect(labels(await complete("internal_users.yml", '["rea'), KIND.class)).toEqual(expect.arrayContaining(["reader", "readall"]));
    });

    it("offers the keys of a role where a key starts", async () => {
      const items = await complete("roles.yml", "\n  res");
      expect(labels(items, KIND.property)).toEqual(["reserved", "hidden", "static", "description", "cluster_permissions", "index_permissions", "tenant_permissions"]);
      expect(items[0]?.textEdit.newText).toBe("reserved:");
    });

    it("offers the keys of a tenant permission inside one", async () => {
      expect(labels(await complete("roles.yml", "      allowed_", 1), KIND.property)).toEqual(["tenant_patterns", "allowed_actions"]);
    });
  });
});
