import { describe, expect, test } from "vitest";
import { parse, summary } from "./helpers.js";

const ROLE = "reader:\n  cluster_permissions: [cluster_monitor]\n";

describe("_meta", () => {
  test("a file without _meta is an error whose help shows the block to add", () => {
    const { diagnostics } = parse({ "roles.yml": ROLE });
    expect(summary(diagnostics)).toEqual(["PC2003 1:1"]);
    expect(diagnostics[0]!.help).toBe('add `_meta: {type: "roles", config_version: 2}` at the top of the file');
  });

  test("messages and help are single lines", () => {
    const { diagnostics } = parse({ "roles_mapping.yml": "" });
    expect(diagnostics[0]!.help).toBe('add `_meta: {type: "rolesmapping", config_version: 2}` at the top of the file');
    expect(diagnostics.every((d) => !d.message.includes("\n") && !(d.help ?? "").includes("\n"))).toBe(true);
  });

  test("an empty file is an empty configuration that still lacks _meta", () => {
    const { model, diagnostics } = parse({ "roles.yml": "" });
    expect(model.roles).toEqual([]);
    expect(summary(diagnostics)).toEqual(["PC2003 1:1"]);
  });

  test.each(["---\n", "~\n"])("a document that is only %j is an empty configuration that still lacks _meta", (text) => {
    expect(summary(parse({ "roles.yml": text }).diagnostics)).toEqual(["PC2003 1:1"]);
  });

  test("a file with only comments still lacks _meta", () => {
    expect(summary(parse({ "tenants.yml": "# no tenants yet\n" }).diagnostics)).toEqual(["PC2003 1:1"]);
  });

  test("a file that is not YAML gets no _meta error on top of the syntax error", () => {
    expect(parse({ "roles.yml": "a: [\n" }).diagnostics.map((d) => d.code)).toEqual(["PC2001"]);
  });

  test("an unknown type is an error", () => {
    const { diagnostics } = parse({ "roles.yml": '_meta:\n  type: "role"\n  config_version: 2\n' });
    expect(summary(diagnostics)).toEqual(["PC2004 2:9"]);
    expect(diagnostics[0]).toMatchObject({ severity: "error", message: "unknown `_meta.type` `role`; the plugin rejects the file, expected `roles`" });
  });

  test("another file's type is a warning because the plugin accepts it", () => {
    const { diagnostics } = parse({ "roles.yml": '_meta:\n  type: "rolesmapping"\n  config_version: 2\n' });
    expect(summary(diagnostics)).toEqual(["PC2004 2:9"]);
    expect(diagnostics[0]!.severity).toBe("warning");
  });

  test("the type is compared case-insensitively", () => {
    expect(parse({ "roles.yml": "_meta:\n  type: ROLES\n  config_version: 2\n" }).diagnostics).toEqual([]);
  });

  test("a missing type is an error at _meta", () => {
    expect(summary(parse({ "roles.yml": "_meta:\n  config_version: 2\n" }).diagnostics)).toEqual(["PC2004 1:1"]);
  });

  test("config_version 1 is an error at the version", () => {
    const { diagnostics } = parse({ "roles.yml": "_meta:\n  type: roles\n  config_version: 1\n" });
    expect(summary(diagnostics)).toEqual(["PC2005 3:19"]);
    expect(diagnostics[0]!.message).toBe("`_meta.config_version` is `1`; the plugin reads only version 2");
  });

  test("a missing config_version is an error", () => {
    expect(summary(parse({ "roles.yml": "_meta:\n  type: roles\n" }).diagnostics)).toEqual(["PC2005 1:1"]);
  });

  test("config_version given as the string 2 is accepted, as Jackson does", () => {
    expect(parse({ "roles.yml": '_meta:\n  type: roles\n  config_version: "2"\n' }).diagnostics).toEqual([]);
  });

  test("an unknown key in _meta is an error", () => {
    const { diagnostics } = parse({ "roles.yml": "_meta:\n  type: roles\n  config_version: 2\n  version: 2\n" });
    expect(summary(diagnostics)).toEqual(["PC2006 4:3"]);
    expect(diagnostics[0]!.message).toBe("unknown key `version` in `_meta`");
  });

  test("_meta that is not a mapping is a shape error", () => {
    expect(summary(parse({ "roles.yml": "_meta: roles\n" }).diagnostics)).toEqual(["PC2007 1:8"]);
  });
});
