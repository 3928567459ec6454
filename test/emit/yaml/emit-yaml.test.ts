import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { emitYamlPolicy } from "../../../src/emit/yaml/index.js";
import { defaultSettings } from "../../../src/model/settings.js";
import type { PolicyModel } from "../../../src/model/types.js";
import { parseYamlPolicy } from "../../../src/parse/yaml/index.js";
import { ROOT } from "../../helpers/cli.js";
import { modelKey } from "../../helpers/model-key.js";
import { nastyModel } from "../nasty-names.js";

const readDirectory = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".yml"))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), "utf8") }));

function readBack(model: PolicyModel) {
  const emitSink = new DiagnosticSink();
  const files = emitYamlPolicy(model, emitSink);
  const sink = new DiagnosticSink();
  const reread = parseYamlPolicy(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    sink,
  );
  return { files, reread, emitted: emitSink.diagnostics, diagnostics: sink.diagnostics };
}

// Search Guard examples (`sg_*.yml`) are migrated, not rewritten, to OpenSearch files (test/emit/migration).
const examples = readdirSync(join(ROOT, "examples"))
  .filter((name) => !readdirSync(join(ROOT, "examples", name)).some((file) => file.startsWith("sg_")))
  .sort();
const directories = [...examples.map((name) => join(ROOT, "examples", name)), join(ROOT, "test/parse/yaml/fixtures/full")];

describe("emitYamlPolicy", () => {
  it.each(directories)("writes %s so that it reads back to the same model", (dir) => {
    const model = parseYamlPolicy(readDirectory(dir), new DiagnosticSink());
    const { reread, diagnostics } = readBack(model);
    expect(diagnostics).toEqual([]);
    expect(modelKey(reread)).toBe(modelKey(model));
  });

  it("writes names that need quoting so that they read back unchanged", () => {
    const model = nastyModel();
    const { reread, emitted } = readBack(model);
    expect(emitted).toEqual([]);
    expect(modelKey(reread)).toBe(modelKey(model));
  });

  it("writes the five configuration files with their _meta blocks and nothing else when no setting was given", () => {
    const { files } = readBack(nastyModel());
    expect(Object.keys(files)).toEqual(["action_groups.yml", "roles.yml", "roles_mapping.yml", "internal_users.yml", "tenants.yml"]);
    expect(files["roles.yml"]).toMatch(/^_meta:\n {2}type: "roles"\n {2}config_version: 2\n/);
    expect(files["roles_mapping.yml"]).toMatch(/^_meta:\n {2}type: "rolesmapping"\n/);
  });

  it("writes explicit node settings to opensearch.yml and Dashboards settings to config.yml under their documented names", () => {
    const dir = join(ROOT, "test/parse/yaml/fixtures/full");
    const model = parseYamlPolicy(readDirectory(dir), new DiagnosticSink());
    const { files } = readBack(model);
    expect(files["opensearch.yml"]).toBe(
      [
        "plugins.security.system_indices.enabled: true",
        'plugins.security.system_indices.indices: [".opendistro-alerting-config", ".plugins-ml-*"]',
        'plugins.security.roles_mapping_resolution: "BOTH"',
        "",
      ].join("\n"),
    );
    expect(files["config.yml"]).toContain("config:\n  dynamic:\n    kibana:\n      multitenancy_enabled: true\n      private_tenant_enabled: false\n");
  });

  it("matches the golden files for the full fixture", async () => {
    const model = parseYamlPolicy(readDirectory(join(ROOT, "test/parse/yaml/fixtures/full")), new DiagnosticSink());
    const { files } = readBack(model);
    const text = Object.entries(files)
      .map(([name, content]) => `----- ${name}\n${content}`)
      .join("");
    await expect(text).toMatchFileSnapshot("../../golden/yaml-emit/full.txt");
  });

  it("reports a definition named _meta, which a configuration file cannot hold", () => {
    const model: PolicyModel = { ...nastyModel(), roles: [{ ...nastyModel().roles[0]!, name: { value: "_meta" } }] };
    const sink = new DiagnosticSink();
    emitYamlPolicy(model, sink);
    expect(sink.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["PC5004", "role `_meta` cannot be written to `roles.yml`: the plugin reads that key as the file's metadata"],
    ]);
  });

  it("reports a name that would be written twice to one file", () => {
    const role = nastyModel().roles[0]!;
    const sink = new DiagnosticSink();
    emitYamlPolicy({ ...nastyModel(), roles: [role, role] }, sink);
    expect(sink.diagnostics.map((d) => d.code)).toEqual(["PC5004"]);
  });

  it("writes an empty policy as five files holding only _meta", () => {
    const empty: PolicyModel = { flavor: "opensearch", actionGroups: [], roles: [], roleMappings: [], internalUsers: [], tenants: [], settings: defaultSettings(), sources: [] };
    const { files, diagnostics } = readBack(empty);
    expect(diagnostics).toEqual([]);
    expect(files["tenants.yml"]).toBe('_meta:\n  type: "tenants"\n  config_version: 2\n');
  });
});
