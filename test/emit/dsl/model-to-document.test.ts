import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { emitDslPolicy } from "../../../src/emit/dsl/index.js";
import type { PolicyModel } from "../../../src/model/types.js";
import { parseDslPolicy } from "../../../src/parse/dsl/index.js";
import { parseYamlPolicy } from "../../../src/parse/yaml/index.js";
import { ROOT } from "../../helpers/cli.js";
import { modelKey } from "../../helpers/model-key.js";
import { withMeta } from "../../helpers/policy.js";
import { nastyModel } from "../nasty-names.js";

function fromYaml(files: Record<string, string>): PolicyModel {
  return parseYamlPolicy(withMeta(files), new DiagnosticSink());
}

function toDsl(model: PolicyModel): { text: string; sink: DiagnosticSink } {
  const sink = new DiagnosticSink();
  return { text: emitDslPolicy(model, sink), sink };
}

function readDsl(text: string): { model: PolicyModel; sink: DiagnosticSink } {
  const sink = new DiagnosticSink();
  return { model: parseDslPolicy([{ path: "policy.policy", text }], sink), sink };
}

describe("emitDslPolicy", () => {
  it("writes settings, action groups, roles, the remaining mappings, users and tenants, in that order", async () => {
    const dir = join(ROOT, "test/parse/yaml/fixtures/full");
    const files = readdirSync(dir).map((name) => ({ path: name, text: readFileSync(join(dir, name), "utf8") }));
    const { text, sink } = toDsl(parseYamlPolicy(files, new DiagnosticSink()));
    expect(sink.diagnostics).toEqual([]);
    await expect(text).toMatchFileSnapshot("../../golden/dsl-print/convert-full.policy");
  });

  it("puts the mapping of a role the policy defines inside the role", () => {
    const model = fromYaml({ "roles.yml": "r: {cluster_permissions: [a]}\n", "roles_mapping.yml": "r: {users: [u], hosts: [h]}\n" });
    expect(toDsl(model).text).toBe("role r {\n  cluster a\n  users u\n  hosts h\n}\n");
  });

  it("writes a mapping with flags or a description of its own as a mapping block", () => {
    const model = fromYaml({ "roles.yml": "r: {}\ns: {}\n", "roles_mapping.yml": 'r: {hidden: true, users: [u]}\ns: {description: "why", users: [v]}\n' });
    expect(toDsl(model).text).toBe('role r {}\n\nrole s {}\n\nmapping r hidden {\n  users u\n}\n\nmapping s {\n  description "why"\n  users v\n}\n');
  });

  it("writes the mapping of a role defined elsewhere as a mapping block", () => {
    const model = fromYaml({ "roles_mapping.yml": "all_access: {backend_roles: [admin]}\n" });
    expect(toDsl(model).text).toBe("mapping all_access {\n  backend_roles admin\n}\n");
  });

  it("writes a mapping that maps no one as a block, so that it is not lost", () => {
    const model = fromYaml({ "roles.yml": "r: {}\n", "roles_mapping.yml": "r: {}\n" });
    expect(toDsl(model).text).toBe("role r {}\n\nmapping r {}\n");
    expect(modelKey(readDsl(toDsl(model).text).model)).toBe(modelKey(model));
  });

  it("writes the settings given explicitly under their documented names", () => {
    const model = fromYaml({ "opensearch.yml": "opendistro_security.system_indices.permissions.enabled: true\nplugins.security.roles_mapping_resolution: both\n" });
    expect(toDsl(model).text).toBe(
      "settings {\n  plugins.security.system_indices.permission.enabled = true\n  plugins.security.roles_mapping_resolution = BOTH\n}\n",
    );
  });

  it("writes names that need quoting in every place so that the policy reads back to the same model", () => {
    const model = nastyModel();
    const { text, sink } = toDsl(model);
    expect(sink.diagnostics).toEqual([]);
    const reread = readDsl(text);
    expect(reread.sink.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(modelKey(reread.model)).toBe(modelKey(model));
  });

  it("leaves out an index entry without patterns and a tenant entry without actions, with a warning each", () => {
    const model = fromYaml({
      "roles.yml": "r:\n  index_permissions: [{allowed_actions: [read]}, {index_patterns: [i]}]\n  tenant_permissions: [{tenant_patterns: [t]}]\n",
    });
    const { text, sink } = toDsl(model);
    expect(text).toBe("role r {\n  index i\n}\n");
    expect(sink.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ["PC5004", "warning", "an `index_permissions` entry of role `r` names no index pattern, so it grants nothing; the DSL has no way to write it and it is left out"],
      ["PC5004", "warning", "a `tenant_permissions` entry of role `r` names no allowed action, so it grants nothing; the DSL has no way to write it and it is left out"],
    ]);
  });
});
