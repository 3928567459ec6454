import { describe, expect, test } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { defaultSettings } from "../../../src/model/settings.js";
import { readSettingsOverride } from "../../../src/parse/yaml/index.js";
import { at, fixture, parse, summary, textOf } from "./helpers.js";

const settingsOf = (text: string) => parse({ "opensearch.yml": text });

describe("opensearch.yml", () => {
  test("flat dotted keys are read", () => {
    const { model, diagnostics } = settingsOf(
      "plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [\".a\", \".b*\"]\nplugins.security.roles_mapping_resolution: BACKENDROLES_ONLY\n",
    );
    expect(diagnostics).toEqual([]);
    expect(model.settings).toMatchObject({ systemIndicesEnabled: true, systemIndices: [".a", ".b*"], rolesMappingResolution: "BACKENDROLES_ONLY" });
  });

  test("nested maps are flattened", () => {
    const { model } = settingsOf("plugins:\n  security:\n    system_indices:\n      enabled: true\n      indices:\n        - .x\n");
    expect(model.settings).toMatchObject({ systemIndicesEnabled: true, systemIndices: [".x"] });
  });

  test("flat and nested keys can be mixed", () => {
    const { model, diagnostics } = settingsOf("plugins.security:\n  system_indices.enabled: true\n  roles_mapping_resolution: BOTH\n");
    expect(diagnostics).toEqual([]);
    expect(model.settings).toMatchObject({ systemIndicesEnabled: true, rolesMappingResolution: "BOTH" });
  });

  test("the origin of a setting is where it was written", () => {
    const { model } = settingsOf("cluster.name: x\nplugins.security.system_indices.enabled: true\n");
    const origin = model.settings.origins.systemIndicesEnabled;
    expect(at(origin)).toBe("2:1");
    expect(textOf(origin)).toBe("plugins.security.system_indices.enabled: true");
    expect(model.settings.origins.systemIndices).toBeUndefined();
  });

  test.each(["permission", "permissions"])("the system index permission setting is read in its `%s` spelling", (word) => {
    const { model, diagnostics } = settingsOf(`plugins.security.system_indices.${word}.enabled: true\n`);
    expect(diagnostics).toEqual([]);
    expect(model.settings.systemIndexPermissionEnabled).toBe(true);
  });

  test("both spellings of one setting are reported as a duplicate", () => {
    const { diagnostics } = settingsOf(
      "plugins.security.system_indices.permission.enabled: true\nplugins.security.system_indices.permissions.enabled: false\n",
    );
    expect(summary(diagnostics)).toEqual(["PC2002 2:1"]);
  });

  test("a key given flat and nested is a duplicate", () => {
    const { diagnostics } = settingsOf("plugins.security.system_indices.enabled: true\nplugins.security:\n  system_indices.enabled: false\n");
    expect(summary(diagnostics)).toEqual(["PC2002 3:3"]);
  });

  test("the legacy opendistro_security prefix is read", () => {
    expect(settingsOf("opendistro_security.system_indices.enabled: true\n").model.settings.systemIndicesEnabled).toBe(true);
  });

  test("an unknown security setting is a warning with a suggestion", () => {
    const { diagnostics } = settingsOf("plugins.security.system_indices.enable: true\n");
    expect(summary(diagnostics)).toEqual(["PC2012 1:1"]);
    expect(diagnostics[0]!.message).toBe(
      "policyc does not read setting `plugins.security.system_indices.enable`; did you mean `plugins.security.system_indices.enabled`?",
    );
  });

  test("other node settings are ignored silently", () => {
    expect(settingsOf("cluster.name: x\nnetwork.host: 0.0.0.0\nnode:\n  roles: [data]\n").diagnostics).toEqual([]);
  });

  test("a bad roles_mapping_resolution value is an error with the choices", () => {
    const { diagnostics, model } = settingsOf("plugins.security.roles_mapping_resolution: MAPPINGS_ONLY\n");
    expect(summary(diagnostics)).toEqual(["PC2013 1:44"]);
    expect(diagnostics[0]!.message).toBe(
      "`plugins.security.roles_mapping_resolution` must be one of `MAPPING_ONLY`, `BACKENDROLES_ONLY`, `BOTH`, not `MAPPINGS_ONLY`; did you mean `MAPPING_ONLY`?",
    );
    expect(model.settings.rolesMappingResolution).toBe("MAPPING_ONLY");
  });

  test("roles_mapping_resolution is read case-insensitively, as the plugin upper-cases it", () => {
    expect(settingsOf("plugins.security.roles_mapping_resolution: both\n").model.settings.rolesMappingResolution).toBe("BOTH");
  });

  test("a boolean setting must be exactly true or false", () => {
    expect(summary(settingsOf("plugins.security.system_indices.enabled: yes\n").diagnostics)).toEqual(["PC2013 1:42"]);
    expect(settingsOf('plugins.security.system_indices.enabled: "true"\n').diagnostics).toEqual([]);
  });

  test("a list setting may be one comma-separated string", () => {
    expect(settingsOf("plugins.security.system_indices.indices: .a, .b\n").model.settings.systemIndices).toEqual([".a", ".b"]);
  });

  test("an empty setting keeps the default", () => {
    const { diagnostics, model } = settingsOf("plugins.security.system_indices.enabled:\n");
    expect(diagnostics).toEqual([]);
    expect(model.settings.systemIndicesEnabled).toBe(false);
  });

  test("catalog settings of config.yml are not node settings", () => {
    const { model } = settingsOf("config.dynamic.kibana.multitenancy_enabled: false\n");
    expect(model.settings.multitenancyEnabled).toBe(true);
  });

  test("settings written as the conformance runner writes them are read", () => {
    const { model, diagnostics } = settingsOf(
      'plugins.security.system_indices.enabled: true\nplugins.security.system_indices.indices: [".opendistro-alerting-config"]\nplugins.security.system_indices.permissions.enabled: true\nplugins.security.roles_mapping_resolution: "BOTH"\n',
    );
    expect(diagnostics).toEqual([]);
    expect(model.settings).toMatchObject({
      systemIndicesEnabled: true,
      systemIndices: [".opendistro-alerting-config"],
      systemIndexPermissionEnabled: true,
      rolesMappingResolution: "BOTH",
    });
  });
});

describe("config.yml", () => {
  test("the Dashboards settings are read and the rest is accepted", () => {
    const { model, diagnostics } = parse(fixture("full"));
    expect(diagnostics).toEqual([]);
    expect(model.settings).toMatchObject({
      multitenancyEnabled: true,
      privateTenantEnabled: false,
      dashboardsServerUsername: "dashboards",
      dashboardsIndex: ".opensearch_dashboards",
      systemIndicesEnabled: true,
      rolesMappingResolution: "BOTH",
    });
  });

  test("config.yml needs its _meta", () => {
    expect(summary(parse({ "config.yml": "config:\n  dynamic: {}\n" }).diagnostics)).toEqual(["PC2003 1:1"]);
  });

  test("a top-level key other than config is an error", () => {
    const { diagnostics } = parse({ "config.yml": '_meta: {type: "config", config_version: 2}\nconfig: {}\nextra: 1\n' });
    expect(summary(diagnostics)).toEqual(["PC2006 3:1"]);
  });

  test("a wrong value type is a setting error", () => {
    const { diagnostics } = parse({ "config.yml": '_meta: {type: "config", config_version: 2}\nconfig:\n  dynamic:\n    kibana:\n      multitenancy_enabled: sometimes\n' });
    expect(summary(diagnostics)).toEqual(["PC2013 5:29"]);
  });
});

describe("a settings file given on its own", () => {
  test("it replaces the settings it names over the given base", () => {
    const sink = new DiagnosticSink();
    const base = { ...defaultSettings(), privateTenantEnabled: false };
    const settings = readSettingsOverride({ path: "node.yml", text: "plugins.security.system_indices.enabled: true\n" }, sink, base);
    expect(sink.diagnostics).toEqual([]);
    expect(settings).toMatchObject({ systemIndicesEnabled: true, privateTenantEnabled: false });
    expect(Object.keys(settings.origins)).toEqual(["systemIndicesEnabled"]);
  });
});
