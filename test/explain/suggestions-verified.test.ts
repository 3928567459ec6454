/**
 * Every suggestion `explain` gives for a denied request of an example,
 * applied to the policy model as a person would edit the YAML (the action
 * or group added to the role's permission, the pattern added, the user
 * mapped), compiled again by the compiler: the request is then allowed.
 * The runtime verified each suggestion on a changed table; this checks the
 * same claim from the policy's side, through the compiler.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPolicyModel } from "../../src/index.js";
import { explainRequest } from "../../src/runtime/explain/explain.js";
import { loadTable } from "../../src/runtime/index.js";
import { TablePolicy } from "../../src/runtime/table-policy.js";
import type { Explanation, Suggestion } from "../../src/table/explanation.js";
import { applySuggestion, compileModel } from "./apply-suggestion.js";
import { EXAMPLES_DIR, describeSuggestion, exampleFiles, exampleLines, tableOf } from "./deny-policies.js";

const examples = readdirSync(EXAMPLES_DIR)
  .filter((name) => statSync(join(EXAMPLES_DIR, name)).isDirectory())
  .filter((name) => existsSync(join(EXAMPLES_DIR, name, "requests.jsonl")))
  .filter((name) => !readdirSync(join(EXAMPLES_DIR, name)).some((file) => file.startsWith("sg_")))
  .sort();

/** The denied requests of an example with what `explain` suggests for them. */
function deniedWithSuggestions(name: string): { request: Record<string, unknown>; explanation: Explanation }[] {
  const policy = new TablePolicy(tableOf(exampleFiles(name)));
  return exampleLines(name)
    .filter(({ expected }) => expected.decision === "deny")
    .map(({ request }) => ({ request, explanation: explainRequest(policy, request) }))
    .filter(({ explanation }) => explanation.suggestions.length > 0);
}

/** `user action [indices]`, short enough for a test name. */
function requestLabel(request: Record<string, unknown>): string {
  const user = (request["user"] as { name: string }).name;
  const indices = Array.isArray(request["indices"]) ? ` [${(request["indices"] as string[]).join(", ")}]` : "";
  const tenant = typeof request["tenant"] === "string" ? ` (tenant ${request["tenant"]})` : "";
  return `${user} ${String(request["action"])}${indices}${tenant}`;
}

/** The part of the request a suggestion says it fixes (`this fixes `a` only`), or the whole request. */
function fixedPart(request: Record<string, unknown>, suggestion: Suggestion): Record<string, unknown> {
  const part = /this fixes (.*) only/.exec(suggestion.detail)?.[1];
  if (part === undefined) return request;
  return { ...request, indices: [...part.matchAll(/`([^`]+)`/g)].map((match) => match[1]) };
}

for (const name of examples) {
  const denied = deniedWithSuggestions(name);
  if (denied.length === 0) continue;
  describe(`the suggestions for the denied requests of example ${name}`, () => {
    for (const { request, explanation } of denied) {
      for (const suggestion of explanation.suggestions) {
        it(`${requestLabel(request)}: ${describeSuggestion(suggestion)} allows it once applied to the policy and compiled again`, () => {
          const { model } = readPolicyModel({ files: exampleFiles(name) });
          const edited = applySuggestion(model, suggestion);
          const decision = loadTable(compileModel(edited)).authorize(fixedPart(request, suggestion));
          expect(decision.decision).toBe("allow");
        });
      }
    }
  });
}

describe("the seed scenarios", () => {
  it.each(["cat-shards-denial", "bulk-permissions"])("have suggestions for their denied requests (%s)", (name) => {
    expect(deniedWithSuggestions(name).length).toBeGreaterThan(0);
  });
});
