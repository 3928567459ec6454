/**
 * Warning PC2012: a setting policyc does not read, where it looks like one
 * it does, with a "did you mean" — in opensearch.yml under either prefix of
 * the security plugin and of the plugins whose settings policyc honours, and
 * among the Dashboards settings of config.yml.
 */
import { describe, expect, test } from "vitest";
import { allSettingNames } from "../../../src/model/settings.js";
import { parse, summary } from "./helpers.js";

const nodeSettings = (text: string) => parse({ "opensearch.yml": text }).diagnostics;
const configSettings = (kibana: string) =>
  parse({ "config.yml": `_meta:\n  type: "config"\n  config_version: 2\nconfig:\n  dynamic:\n    kibana:\n${kibana}` }).diagnostics;

describe("an unknown setting in opensearch.yml", () => {
  test.each([
    ["plugins.security.dls.write_block", "plugins.security.dls.write_blocked"],
    ["plugins.security.restapi.roles_enable", "plugins.security.restapi.roles_enabled"],
    ["plugins.security.restapi.admin.enable", "plugins.security.restapi.admin.enabled"],
    ["plugins.security.dfm_empty_override_all", "plugins.security.dfm_empty_overrides_all"],
    ["opendistro_security.system_indices.enable", "opendistro_security.system_indices.enabled"],
    ["opendistro_security.restapi.roles_enable", "opendistro_security.restapi.roles_enabled"],
    ["plugins.anomaly_detection.filter_by_backend_role", "plugins.anomaly_detection.filter_by_backend_roles"],
    ["opendistro.anomaly_detection.filter_by_backend_role", "opendistro.anomaly_detection.filter_by_backend_roles"],
    ["plugins.forecast.filter_by_backend_role", "plugins.forecast.filter_by_backend_roles"],
  ])("`%s` is a warning that suggests `%s`", (name, suggested) => {
    const diagnostics = nodeSettings(`${name}: true\n`);
    expect(summary(diagnostics)).toEqual(["PC2012 1:1"]);
    expect(diagnostics[0]!.message).toBe(`policyc does not read setting \`${name}\`; did you mean \`${suggested}\`?`);
  });

  test("an unknown security setting far from every known one is a warning without a suggestion", () => {
    const diagnostics = nodeSettings("plugins.security.ssl.http.enabled: true\n");
    expect(summary(diagnostics)).toEqual(["PC2012 1:1"]);
    expect(diagnostics[0]!.message).toBe("policyc does not read setting `plugins.security.ssl.http.enabled`");
  });

  test("another setting of the anomaly detection or forecasting plugin is not reported", () => {
    expect(nodeSettings("plugins.anomaly_detection.max_anomaly_detectors: 500\nplugins.forecast.enabled: true\n")).toEqual([]);
  });

  test("every known setting is read without a warning", () => {
    const known = allSettingNames().filter((name) => !name.startsWith("config."));
    // One spelling each: two spellings of one setting are a duplicate (PC2002), not an unknown setting.
    const firstSpellings = known.filter((name, i) => known.findIndex((other) => sameSetting(other, name)) === i);
    const text = firstSpellings.map((name) => `${name}:\n`).join("");
    expect(nodeSettings(text).filter((d) => d.code === "PC2012")).toEqual([]);
  });
});

describe("an unknown Dashboards setting in config.yml", () => {
  test("is a warning that suggests the setting it resembles", () => {
    const diagnostics = configSettings("      multitenancy_enable: false\n");
    expect(summary(diagnostics)).toEqual(["PC2012 7:7"]);
    expect(diagnostics[0]!.message).toBe(
      "policyc does not read setting `config.dynamic.kibana.multitenancy_enable`; did you mean `config.dynamic.kibana.multitenancy_enabled`?",
    );
  });

  test("the plugin's other Dashboards settings are accepted silently", () => {
    expect(configSettings("      default_tenant: global\n      opendistro_role: kibana_user\n      sign_in_options: [BASIC]\n")).toEqual([]);
  });
});

/** Two names of one setting in the catalog. */
function sameSetting(a: string, b: string): boolean {
  const normalize = (name: string) => name.replace(/^opendistro_security\./, "plugins.security.").replace(/^opendistro\./, "plugins.").replace(".permissions.", ".permission.");
  return normalize(a) === normalize(b);
}
