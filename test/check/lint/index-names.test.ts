/** PC8006: index patterns that can never match a valid index name. */
import { describe, expect, it } from "vitest";
import { indexNameProblem } from "../../../src/check/lint/index-name-rules.js";
import { findingsOf, placesOf } from "./findings.js";

function rolePatterns(...patterns: string[]): { "roles.yml": string } {
  const list = patterns.map((pattern) => JSON.stringify(pattern)).join(", ");
  return { "roles.yml": `reader:\n  index_permissions:\n    - index_patterns: [${list}]\n      allowed_actions: ["read"]\n` };
}

describe("index patterns no valid name matches (PC8006)", () => {
  it("warns at an uppercase pattern, which only an alias can match, and proposes it in lowercase", () => {
    expect(findingsOf(rolePatterns("Logs-*"), "PC8006")).toEqual([
      {
        place: "roles.yml:6:24",
        message: "index pattern `Logs-*` can never match an index or data stream: their names are lowercase, so it can match only an alias; did you mean `logs-*`?",
        help: "write index patterns in lowercase, unless the pattern is meant for an alias",
        suggestion: "logs-*",
      },
    ]);
  });

  it("warns at two patterns written as one", () => {
    expect(findingsOf(rolePatterns("logs-*, metrics-*"), "PC8006")).toEqual([
      {
        place: "roles.yml:6:24",
        message: "index pattern `logs-*, metrics-*` can never match an index, alias or data stream: names may not contain `,`",
        help: "write each index pattern as its own entry of the list",
      },
    ]);
  });

  it("proposes `*` for `_all`, which the plugin does not read as every index", () => {
    expect(findingsOf(rolePatterns("_all"), "PC8006").map((f) => f.message)).toEqual([
      "index pattern `_all` can never match an index, alias or data stream: names may not start with `_`; did you mean `*`?",
    ]);
  });

  it("says nothing about valid patterns, hidden indices, cross-cluster names, date math and regexes", () => {
    expect(placesOf(rolePatterns("logs-*", ".kibana_*", "*:.tasks", "<logs-{now/d}>", "/Logs-.*/", "?ogs"), "PC8006")).toEqual([]);
  });

  it("judges only the literal text of a template", () => {
    expect(placesOf(rolePatterns("logs-${user.name}", "${attr.internal.Team}-*"), "PC8006")).toEqual([]);
    expect(placesOf(rolePatterns("Logs-${user.name}"), "PC8006")).toEqual(["roles.yml:6:24 PC8006"]);
  });
});

describe("the index name rules", () => {
  const reason = (pattern: string) => indexNameProblem(pattern)?.reason;

  it("follows OpenSearch's validateIndexOrAliasName", () => {
    expect(reason("logs 2024")).toBe("names may not contain ` `");
    expect(reason('lo"gs')).toBe('names may not contain `"`');
    expect(reason("logs|x")).toBe("names may not contain `|`");
    expect(reason("logs#1")).toBe("names may not contain `#`");
    expect(reason("logs\\x")).toBe("names may not contain `\\`");
    expect(reason("-logs*")).toBe("names may not start with `-`");
    expect(reason("+logs")).toBe("names may not start with `+`");
    expect(reason(".")).toBe("`.` and `..` are not valid names");
    expect(reason("..")).toBe("`.` and `..` are not valid names");
  });

  it("counts the shortest name a pattern matches against the 255-byte limit, in UTF-8", () => {
    expect(reason("a".repeat(255))).toBeUndefined();
    expect(reason(`${"a".repeat(254)}*?`)).toBeUndefined();
    expect(reason(`${"a".repeat(255)}?`)).toMatch(/at most 255 bytes/);
    expect(reason("é".repeat(128))).toMatch(/at least 256/);
  });

  it("leaves wildcards and a leading wildcard alone", () => {
    expect(indexNameProblem("*logs")).toBeUndefined();
    expect(indexNameProblem("?_x")).toBeUndefined();
    expect(indexNameProblem("..*")).toBeUndefined();
  });
});
