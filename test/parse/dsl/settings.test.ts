/** `settings { … }`: the catalog of src/model/settings.ts, every spelling, values checked as the plugin reads them. */
import { describe, expect, test } from "vitest";
import { defaultSettings } from "../../../src/model/settings.js";
import { at, parseModel, summary, textOf } from "./helpers.js";

function settings(body: string) {
  return parseModel(`settings {\n${body}\n}`);
}

describe("values", () => {
  test("the README's block sets the system-index settings", () => {
    const { model, diagnostics } = settings(
      'plugins.security.system_indices.enabled = true\nplugins.security.system_indices.indices = [".opendistro-alerting-config", ".opendistro-alerting-alert*"]\nplugins.security.system_indices.permission.enabled = true',
    );
    expect(diagnostics).toEqual([]);
    expect(model.settings).toMatchObject({
      systemIndicesEnabled: true,
      systemIndices: [".opendistro-alerting-config", ".opendistro-alerting-alert*"],
      systemIndexPermissionEnabled: true,
    });
  });

  test("settings not given keep their defaults and have no origin", () => {
    const { model } = settings("plugins.security.system_indices.enabled = true");
    const { origins: _defaultOrigins, ...defaults } = defaultSettings();
    expect(model.settings).toMatchObject({ ...defaults, systemIndicesEnabled: true });
    expect(Object.keys(model.settings.origins)).toEqual(["systemIndicesEnabled"]);
  });

  test("a setting's origin is where it was given", () => {
    const { model } = settings("config.dynamic.kibana.index = .my-kibana");
    expect(textOf(model.settings.origins.dashboardsIndex)).toBe("config.dynamic.kibana.index = .my-kibana");
    expect(model.settings.dashboardsIndex).toBe(".my-kibana");
  });

  test("every spelling the plugin reads is accepted", () => {
    const { model, diagnostics } = settings("opendistro_security.system_indices.permissions.enabled = true\nopendistro_security.roles_mapping_resolution = BOTH");
    expect(diagnostics).toEqual([]);
    expect(model.settings).toMatchObject({ systemIndexPermissionEnabled: true, rolesMappingResolution: "BOTH" });
  });

  test("an enum value is read case-insensitively", () => {
    expect(settings("plugins.security.roles_mapping_resolution = backendroles_only").model.settings.rolesMappingResolution).toBe("BACKENDROLES_ONLY");
  });

  test("a list setting also takes one comma-separated string", () => {
    expect(settings('plugins.security.system_indices.indices = ".a, .b"').model.settings.systemIndices).toEqual([".a", ".b"]);
  });

  test("a boolean setting takes a quoted true", () => {
    expect(settings('plugins.security.system_indices.enabled = "true"').model.settings.systemIndicesEnabled).toBe(true);
  });

  test("a config.yml boolean is read as Jackson reads it, ignoring case", () => {
    const { model, diagnostics } = settings("config.dynamic.kibana.multitenancy_enabled = FALSE");
    expect(diagnostics).toEqual([]);
    expect(model.settings.multitenancyEnabled).toBe(false);
  });

  test("blocks in several files add up", () => {
    const { model } = parseModel({
      "a.policy": "settings { plugins.security.system_indices.enabled = true }",
      "b.policy": "settings { config.dynamic.kibana.server_username = dashboards }",
    });
    expect(model.settings).toMatchObject({ systemIndicesEnabled: true, dashboardsServerUsername: "dashboards" });
  });
});

describe("errors", () => {
  test("an unknown setting is an error with a did-you-mean", () => {
    const { diagnostics } = settings("plugins.security.system_indices.enable = true");
    expect(summary(diagnostics)).toEqual(["PC1007 2:1"]);
    expect(diagnostics[0]?.message).toBe(
      "unknown setting `plugins.security.system_indices.enable`; did you mean `plugins.security.system_indices.enabled`?",
    );
  });

  test("a node boolean must be exactly true or false", () => {
    const { model, diagnostics } = settings("plugins.security.system_indices.enabled = True");
    expect(diagnostics.map((d) => [d.code, d.message, at(d.span)])).toEqual([
      ["PC1008", "`plugins.security.system_indices.enabled` must be `true` or `false`, not `True`", "2:43"],
    ]);
    expect(model.settings.systemIndicesEnabled).toBe(false);
    expect(model.settings.origins.systemIndicesEnabled).toBeUndefined();
  });

  test("a list where a boolean belongs is an error", () => {
    const { diagnostics } = settings("plugins.security.system_indices.enabled = [true]");
    expect(diagnostics[0]?.message).toBe("`plugins.security.system_indices.enabled` must be `true` or `false`, not a list");
  });

  test("a list where a string belongs is an error", () => {
    const { diagnostics } = settings("config.dynamic.kibana.index = [a]");
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["PC1008", "`config.dynamic.kibana.index` must be a string, not a list"]]);
  });

  test("an enum value outside the choices is an error with a did-you-mean", () => {
    const { diagnostics } = settings("plugins.security.roles_mapping_resolution = MAPPING_ONY");
    expect(diagnostics[0]).toMatchObject({
      code: "PC1008",
      message: "`plugins.security.roles_mapping_resolution` must be one of `MAPPING_ONLY`, `BACKENDROLES_ONLY`, `BOTH`, not `MAPPING_ONY`; did you mean `MAPPING_ONLY`?",
      help: "the plugin logs an error and uses `MAPPING_ONLY`",
    });
  });

  test("a setting given twice is an error at the second, pointing at the first", () => {
    const { diagnostics } = parseModel({
      "a.policy": "settings { plugins.security.system_indices.enabled = true }",
      "b.policy": "settings { plugins.security.system_indices.enabled = false }",
    });
    expect(diagnostics.map((d) => [d.code, d.message, d.span?.file.path, d.related[0]?.span.file.path])).toEqual([
      ["PC3005", "setting `plugins.security.system_indices.enabled` is given twice", "b.policy", "a.policy"],
    ]);
  });

  test("two spellings of one setting are the same setting", () => {
    const { diagnostics } = settings("plugins.security.system_indices.permission.enabled = true\nplugins.security.system_indices.permissions.enabled = false");
    expect(diagnostics.map((d) => [d.code, d.message, at(d.span)])).toEqual([
      [
        "PC3005",
        "setting `plugins.security.system_indices.permissions.enabled` is the same setting as `plugins.security.system_indices.permission.enabled`, given before",
        "3:1",
      ],
    ]);
  });
});
