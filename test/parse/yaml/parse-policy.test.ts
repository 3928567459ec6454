import { describe, expect, test } from "vitest";
import { classifyFile } from "../../../src/parse/yaml/index.js";
import { at, META, parse, summary } from "./helpers.js";

describe("file classification", () => {
  test.each([
    ["roles.yml", "roles"],
    ["config/roles_mapping.yml", "rolesmapping"],
    ["action_groups.yaml", "actiongroups"],
    ["C:\\opensearch\\internal_users.yml", "internalusers"],
    ["tenants.yml", "tenants"],
    ["static_roles.yml", "roles"],
    ["static_action_groups.yml", "actiongroups"],
    ["static_tenants.yml", "tenants"],
  ])("`%s` is read as %s", (path, type) => {
    const classified = classifyFile(path);
    expect(classified.kind === "policy" ? classified.config.type : classified.kind).toBe(type);
  });

  test.each([
    ["opensearch.yml", "settings"],
    ["config.yaml", "config"],
    ["audit.yml", "other"],
    ["roles.json", "other"],
    ["constructor.yml", "other"],
  ])("`%s` is classified as %s", (path, kind) => {
    expect(classifyFile(path).kind).toBe(kind);
  });
});

describe("reading a policy", () => {
  test("a file that is not a policy file gets a warning and is not read", () => {
    const { diagnostics, model } = parse({ "audit.yml": "_meta: {type: audit, config_version: 2}\n" });
    expect(summary(diagnostics)).toEqual(["PC5003 1:1"]);
    expect(diagnostics[0]!.message).toBe("`audit.yml` is not a policy file and is not read");
    expect(model.sources).toEqual([]);
  });

  test("the model lists the files read, in order, with flavor opensearch", () => {
    const { model } = parse({ "tenants.yml": META.tenants, "roles.yml": META.roles, "nodes_dn.yml": "" });
    expect(model.flavor).toBe("opensearch");
    expect(model.sources).toEqual(["tenants.yml", "roles.yml"]);
  });

  test("entries of several files of one type are kept in file order", () => {
    const { model } = parse({ "static_roles.yml": META.roles + "a: {}\n", "roles.yml": META.roles + "b: {}\n" });
    expect(model.roles.map((r) => r.name.value)).toEqual(["a", "b"]);
  });

  test("settings default when no settings file is given", () => {
    const { model } = parse({ "roles.yml": META.roles });
    expect(model.settings).toMatchObject({ systemIndicesEnabled: false, rolesMappingResolution: "MAPPING_ONLY", dashboardsIndex: ".kibana" });
  });

  test("a UTF-8 byte order mark is tolerated and columns on line 1 stay right", () => {
    const { diagnostics } = parse({ "roles.yml": "\uFEFF_meta:\n  type: roles\n  config_version: 2\nr:\n  bogus: 1\n" });
    expect(summary(diagnostics)).toEqual(["PC2006 5:3"]);
    const { diagnostics: first } = parse({ "roles.yml": "\uFEFFr: {}\n" });
    expect(at(first[0]!.span)).toBe("1:1");
  });

  test("CRLF line ends are tolerated", () => {
    const { diagnostics, model } = parse({ "roles.yml": META.roles.replace(/\n/g, "\r\n") + "r:\r\n  cluster_permissions:\r\n    - a\r\n" });
    expect(diagnostics).toEqual([]);
    expect(at(model.roles[0]!.clusterPermissions[0]!.span)).toBe("6:7");
  });

  test("a syntax error in one file does not stop the others", () => {
    const { diagnostics, model } = parse({ "roles.yml": "r: [\n", "tenants.yml": META.tenants + "t: {}\n" });
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2001"]);
    expect(model.tenants).toHaveLength(1);
  });
});
