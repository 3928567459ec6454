import { describe, expect, test } from "vitest";
import { flavorOfFile } from "../../../src/parse/yaml/index.js";
import { codes, messages, parseSg } from "./helpers.js";

const SG_ROLE = "r:\n  cluster_permissions: [SGS_CLUSTER_MONITOR]\n";
const OS_ROLE = '_meta:\n  type: "roles"\n  config_version: 2\nr:\n  cluster_permissions: [cluster_monitor]\n';

describe("the flavor of one file", () => {
  test.each([
    ["sg_roles.yml", "searchguard"],
    ["sg_roles_mapping.yml", "searchguard"],
    ["sg_action_groups.yml", "searchguard"],
    ["sg_internal_users.yml", "searchguard"],
    ["sg_tenants.yml", "searchguard"],
    ["sg_authz.yml", "searchguard"],
    ["sg_frontend_multi_tenancy.yml", "searchguard"],
    ["config/sg_roles.yaml", "searchguard"],
    ["roles.yml", "opensearch"],
    ["roles_mapping.yml", "opensearch"],
    ["config.yml", "opensearch"],
  ])("%s is %s by its name", (path, flavor) => {
    expect(flavorOfFile({ path, text: "" })).toBe(flavor);
  });

  test("a static_*.yml file is Search Guard's when it has a `_sg_meta` block", () => {
    expect(flavorOfFile({ path: "static_roles.yml", text: '---\n_sg_meta:\n  type: "roles"\n' })).toBe("searchguard");
  });

  test("a static_*.yml file is OpenSearch's when it has a `_meta` block", () => {
    expect(flavorOfFile({ path: "static_roles.yml", text: '_meta:\n  type: "roles"\n' })).toBe("opensearch");
  });

  test("the node settings file says no flavor", () => {
    expect(flavorOfFile({ path: "opensearch.yml", text: "a: b\n" })).toBeUndefined();
    expect(flavorOfFile({ path: "elasticsearch.yml", text: "a: b\n" })).toBeUndefined();
  });
});

describe("the flavor of a policy", () => {
  test("sg_* files make a Search Guard policy", () => {
    expect(parseSg({ "sg_roles.yml": SG_ROLE }).model.flavor).toBe("searchguard");
  });

  test("OpenSearch files make an OpenSearch policy", () => {
    expect(parseSg({ "roles.yml": OS_ROLE }).model.flavor).toBe("opensearch");
  });

  test("files that say no flavor make an OpenSearch policy", () => {
    expect(parseSg({ "opensearch.yml": "cluster.name: x\n" }).model.flavor).toBe("opensearch");
  });

  test("a static_*.yml file with `_sg_meta` beside no other file makes a Search Guard policy", () => {
    const parsed = parseSg({ "static_tenants.yml": '_sg_meta:\n  type: "tenants"\n  config_version: 2\nteam: {}\n' });
    expect(parsed.model.flavor).toBe("searchguard");
    expect(parsed.diagnostics).toEqual([]);
  });

  test("files of both flavors are an error that names them", () => {
    const { diagnostics } = parseSg({ "roles.yml": OS_ROLE, "sg_roles.yml": SG_ROLE, "sg_roles_mapping.yml": "r:\n  users: [judy]\n" });
    expect(messages(diagnostics)).toEqual([
      "PC5007 error: the configuration mixes OpenSearch Security files (`roles.yml`) and Search Guard files (`sg_roles.yml`, `sg_roles_mapping.yml`); a policy is read with one plugin's rules",
    ]);
  });

  test("with files of both flavors, the flavor most files say is read and the others are left unread", () => {
    const { model, diagnostics } = parseSg({ "roles.yml": OS_ROLE, "sg_roles.yml": SG_ROLE, "sg_roles_mapping.yml": "r:\n  users: [judy]\n" });
    expect(model.flavor).toBe("searchguard");
    expect(model.sources).toEqual(["sg_roles.yml", "sg_roles_mapping.yml"]);
    expect(diagnostics[0]!.span?.file.path).toBe("roles.yml");
  });

  test("a named flavor decides how files that say none are read", () => {
    const tenants = '_sg_meta:\n  type: "tenants"\nteam: {}\n';
    expect(parseSg({ "static_tenants.yml": tenants }, "opensearch").model.flavor).toBe("opensearch");
    expect(parseSg({ "opensearch.yml": "cluster.name: x\n" }, "searchguard").model.flavor).toBe("searchguard");
  });

  test("a file of the other flavor than the one named is an error and is not read", () => {
    const { model, diagnostics } = parseSg({ "roles.yml": OS_ROLE, "sg_roles.yml": SG_ROLE }, "searchguard");
    expect(messages(diagnostics)).toEqual(["PC5007 error: `roles.yml` is an OpenSearch Security file, but the flavor is `searchguard`; it is not read"]);
    expect(model.sources).toEqual(["sg_roles.yml"]);
  });

  test("naming the flavor the files say reports nothing", () => {
    expect(codes(parseSg({ "sg_roles.yml": SG_ROLE }, "searchguard").diagnostics)).toEqual([]);
  });
});
