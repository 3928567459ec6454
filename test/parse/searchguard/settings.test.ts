import { describe, expect, test } from "vitest";
import { defaultSettings } from "../../../src/model/settings.js";
import { at, messages, parseSg } from "./helpers.js";

const ROLE = { "sg_roles.yml": "r: {}\n" };

describe("Search Guard's settings", () => {
  test("default to multi-tenancy off, the global tenant on, and the plugin's admin-only lists", () => {
    const settings = defaultSettings();
    expect(settings.searchguardMultitenancyEnabled).toBe(false);
    expect(settings.searchguardGlobalTenantEnabled).toBe(true);
    expect(settings.searchguardAdminOnlyIndices).toEqual([
      "searchguard",
      ".searchguard",
      ".searchguard_*",
      ".signals_watches*",
      ".signals_accounts",
      ".signals_settings",
      ".signals_truststores",
      ".signals_proxies",
    ]);
    expect(settings.searchguardAdminOnlyActions).toEqual(["cluster:admin:searchguard:config/*", "cluster:admin:searchguard:internal/*"]);
  });

  test("sg_authz.yml sets the mapping mode with a dotted key", () => {
    const { model, diagnostics } = parseSg({ ...ROLE, "sg_authz.yml": "role_mapping.resolution_mode: BOTH\n" });
    expect(diagnostics).toEqual([]);
    expect(model.settings.rolesMappingResolution).toBe("BOTH");
    expect(at(model.settings.origins.rolesMappingResolution)).toBe("1:1");
  });

  test("sg_authz.yml sets the mapping mode with nested keys", () => {
    const { model } = parseSg({ ...ROLE, "sg_authz.yml": "role_mapping:\n  resolution_mode: BACKENDROLES_ONLY\n" });
    expect(model.settings.rolesMappingResolution).toBe("BACKENDROLES_ONLY");
  });

  test("sg_authz.yml's other attributes are accepted", () => {
    const authz = "ignore_unauthorized_indices.enabled: true\ndebug: false\nfield_anonymization.salt: abc\nmetrics: basic\n";
    expect(parseSg({ ...ROLE, "sg_authz.yml": authz }).diagnostics).toEqual([]);
  });

  test("an unknown attribute of sg_authz.yml is an error", () => {
    const { diagnostics } = parseSg({ ...ROLE, "sg_authz.yml": "role_mapping.resolution: BOTH\n" });
    expect(messages(diagnostics)).toEqual([
      "PC2006 error: unknown attribute `role_mapping.resolution` in sg_authz.yml; the plugin rejects the file; did you mean `role_mapping.resolution_mode`?",
    ]);
  });

  test("a mapping mode that is none of the three is an error", () => {
    const { diagnostics } = parseSg({ ...ROLE, "sg_authz.yml": "role_mapping.resolution_mode: SOMETIMES\n" });
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2013"]);
  });

  test("sg_frontend_multi_tenancy.yml turns multi-tenancy on and the global tenant off", () => {
    const { model, diagnostics } = parseSg({ ...ROLE, "sg_frontend_multi_tenancy.yml": "enabled: true\nglobal_tenant_enabled: false\nindex: .kibana\nserver_user: kibanaserver\n" });
    expect(diagnostics).toEqual([]);
    expect(model.settings.searchguardMultitenancyEnabled).toBe(true);
    expect(model.settings.searchguardGlobalTenantEnabled).toBe(false);
  });

  test("elasticsearch.yml sets the admin-only indices and actions", () => {
    const node = 'searchguard.admin_only_indices: [".searchguard", "secrets"]\nsearchguard.admin_only_actions: "cluster:admin:searchguard:config/*"\nsearchguard.ssl.http.enabled: true\n';
    const { model, diagnostics } = parseSg({ ...ROLE, "elasticsearch.yml": node });
    expect(diagnostics).toEqual([]);
    expect(model.settings.searchguardAdminOnlyIndices).toEqual([".searchguard", "secrets"]);
    expect(model.settings.searchguardAdminOnlyActions).toEqual(["cluster:admin:searchguard:config/*"]);
  });

  test("the node settings file of a Search Guard policy may be named opensearch.yml", () => {
    const { model } = parseSg({ ...ROLE, "opensearch.yml": "searchguard.admin_only_indices: [secrets]\n" });
    expect(model.settings.searchguardAdminOnlyIndices).toEqual(["secrets"]);
  });

  test("Classic's `searchguard.roles_mapping_resolution` gets a warning that says where FLX reads the mode", () => {
    const { model, diagnostics } = parseSg({ ...ROLE, "opensearch.yml": "searchguard.roles_mapping_resolution: BOTH\n" });
    expect(messages(diagnostics)).toEqual(["PC2012 warning: Search Guard FLX does not read `searchguard.roles_mapping_resolution` from elasticsearch.yml"]);
    expect(diagnostics[0]!.help).toBe("set `role_mapping.resolution_mode` in sg_authz.yml");
    expect(model.settings.rolesMappingResolution).toBe("MAPPING_ONLY");
  });

  test("an OpenSearch policy does not read Search Guard's node settings", () => {
    const roles = '_meta:\n  type: "roles"\n  config_version: 2\n';
    const { model } = parseSg({ "roles.yml": roles, "opensearch.yml": "searchguard.admin_only_indices: [secrets]\n" });
    expect(model.settings.searchguardAdminOnlyIndices).toEqual(defaultSettings().searchguardAdminOnlyIndices);
  });
});
