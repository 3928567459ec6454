import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parse } from "./helpers.js";

/** YAML-ish text: fragments that exercise indentation, flow collections, anchors, tags and quotes. */
const yamlish = fc
  .array(
    fc.constantFrom(
      "_meta:", "\n", "  ", "- ", "r:", " ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "'", '"', "#", "? ",
      "---\n", "...\n", "<<: ", "users:", "index_permissions:", "cluster_permissions:", "~", "1e3", "true", "\t", "\r\n", "\uFEFF", "|\n", ">-\n",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const FILES = ["roles.yml", "roles_mapping.yml", "internal_users.yml", "opensearch.yml", "config.yml"];

describe("hostile input", () => {
  test("no text makes the reader throw, and every diagnostic points into the file", () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: "grapheme", maxLength: 200 })), fc.constantFrom(...FILES), (text, name) => {
        const { diagnostics } = parse({ [name]: text });
        for (const diagnostic of diagnostics) {
          const span = diagnostic.span!;
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(span.file.text.length);
          expect(span.start).toBeLessThanOrEqual(span.end);
          expect(diagnostic.message).not.toMatch(/\n/);
          expect(diagnostic.help ?? "").not.toMatch(/\n/);
          for (const related of diagnostic.related) expect(related.span.end).toBeLessThanOrEqual(related.span.file.text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  /** Ordinary roles, as many as fill `size` characters. */
  const rolesFile = (size: number): string => {
    const role = (i: number) => `role${i}:\n  cluster_permissions:\n    - "cluster:monitor/health"\n  index_permissions:\n    - index_patterns: ["logs-*"]\n      allowed_actions: [read]\n`;
    const parts = ['_meta:\n  type: roles\n  config_version: 2\n'];
    let length = 0;
    for (let i = 0; length < size; i++) {
      parts.push(role(i));
      length += parts[parts.length - 1]!.length;
    }
    return parts.join("");
  };

  test("a policy file as large as the plugin reads (3 MiB) is read", () => {
    const { diagnostics, model } = parse({ "roles.yml": rolesFile(3_100_000) });
    expect(diagnostics).toEqual([]);
    expect(model.roles.length).toBeGreaterThan(20_000);
  }, 60_000);

  test("a 20 MB policy file is refused, as the plugin's YAML reader refuses more than 3 MiB", () => {
    const { diagnostics, model } = parse({ "roles.yml": rolesFile(20_000_000) });
    expect(diagnostics.map((d) => d.code)).toEqual(["PC2015"]);
    expect(model.roles).toEqual([]);
  }, 60_000);
});
