/**
 * `policyc explain`: every example's requests explained, as text and as
 * JSON (golden files under test/golden/cli/explain/), the decisions agreeing
 * with `policyc check`; the command's options and exit codes; and the text
 * renderer on explanations with every kind of part.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv, type AnySchemaObject } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import { explainFormat } from "../../src/cli/commands/explain.js";
import { formatExplanationText } from "../../src/cli/explanation-text.js";
import type { Explanation } from "../../src/table/explanation.js";
import { ROOT, runCli } from "../helpers/cli.js";
import { withMeta } from "../helpers/policy.js";
import { readSchema } from "../schemas/helpers.js";

const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .filter((name) => statSync(join(ROOT, "examples", name)).isDirectory())
  .sort();

const jsonLines = (text: string): unknown[] =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

/** schemas/explanation.schema.json, which refers to decision.schema.json. */
const validateExplanation = new Ajv({ allErrors: true, strict: false })
  .addSchema(readSchema("decision.schema.json") as AnySchemaObject)
  .compile(readSchema("explanation.schema.json") as AnySchemaObject);

describe.each(EXAMPLES)("policyc explain on example %s", (name) => {
  const policy = join("examples", name);
  const requests = join(policy, "requests.jsonl");

  it("explains every request of requests.jsonl as text, exit 0", async () => {
    const result = runCli(["explain", policy, "--requests", requests, "--format", "text"]);
    expect(result.status).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(`../golden/cli/explain/${name}.txt`);
  });

  it("explains every request as one JSON line whose decision is the one check prints", async () => {
    const result = runCli(["explain", policy, "--requests", requests, "--format", "json"]);
    expect(result.status).toBe(0);
    const explanations = jsonLines(result.stdout) as Explanation[];
    expect(explanations.map((explanation) => explanation.decision)).toEqual(jsonLines(readFileSync(join(ROOT, policy, "expected.jsonl"), "utf8")));
    expect(explanations.every((explanation) => explanation.provenance)).toBe(true);
    for (const explanation of explanations) expect(validateExplanation(explanation) ? [] : validateExplanation.errors).toEqual([]);
    await expect(result.stdout).toMatchFileSnapshot(`../golden/cli/explain/${name}.jsonl`);
  });
});

const dir = mkdtempSync(join(tmpdir(), "policyc-explain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `writers` reach `indices:*` through two custom action groups; judy is a writer by backend role. */
const POLICY = (() => {
  const path = join(dir, "policy");
  mkdirSync(path);
  const files = withMeta({
    "action_groups.yml": `team_write:\n  allowed_actions:\n    - "team_all"\nteam_all:\n  allowed_actions:\n    - "indices:*"\n`,
    "roles.yml": `writers:\n  index_permissions:\n    - index_patterns:\n        - "logs-*"\n      allowed_actions:\n        - "team_write"\n`,
    "roles_mapping.yml": `writers:\n  backend_roles:\n    - "log*"\n`,
  });
  for (const file of files) writeFileSync(join(path, file.path), file.text);
  return path;
})();

const WRITE = '{"user": {"name": "judy", "backend_roles": ["logger"]}, "action": "indices:data/write/index", "indices": ["logs-1"]}';
const DELETE_OTHER = '{"user": {"name": "judy", "backend_roles": ["logger"]}, "action": "indices:data/write/index", "indices": ["metrics"]}';

describe("policyc explain", () => {
  it("shows how the role was mapped and the chain of action groups, each with its location", () => {
    const result = runCli(["explain", POLICY, "--request", WRITE, "--format", "text"]);
    expect(result.status).toBe(0);
    const at = (file: string, line: number, column: number) => `${join(POLICY, file)}:${line}:${column}`;
    expect(result.stdout).toContain(`  writers\n    mapped by backend_roles: \`log*\` matches \`logger\` (${at("roles_mapping.yml", 6, 7)})\n`);
    expect(result.stdout).toContain(`  index \`logs-1\` ← role \`writers\`, index permission 1 (${at("roles.yml", 6, 7)})\n`);
    expect(result.stdout).toContain(`    index pattern \`logs-*\` (${at("roles.yml", 7, 11)})\n`);
    expect(result.stdout).toContain(`    action: team_write (${at("roles.yml", 9, 11)}) → team_all (${at("action_groups.yml", 6, 7)}) → indices:* (${at("action_groups.yml", 9, 7)})\n`);
  });

  it("prints one JSON object for --request and exits 0 on a deny", () => {
    const result = runCli(["explain", POLICY, "--request", DELETE_OTHER, "--format", "json"]);
    expect(result.status).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ decision: { decision: "deny", missing: ["indices:data/write/index"] }, rule: "index", provenance: true });
  });

  it("prints JSON when standard output is not a terminal and no format is given", () => {
    const result = runCli(["explain", POLICY, "--request", WRITE]);
    expect(jsonLines(result.stdout)).toEqual([expect.objectContaining({ rule: "index" })]);
  });

  it("picks text for a terminal and JSON otherwise, unless told", () => {
    expect(explainFormat(undefined, true)).toBe("text");
    expect(explainFormat(undefined, false)).toBe("json");
    expect(explainFormat("json", true)).toBe("json");
    expect(explainFormat("text", false)).toBe("text");
  });

  it("reads requests from standard input, explaining a line that is not JSON as malformed and going on", () => {
    const result = runCli(["explain", POLICY, "--requests", "-", "--format", "json"], { input: `${WRITE}\n\nnot json\n${DELETE_OTHER}\n` });
    expect(result.status).toBe(0);
    const explanations = jsonLines(result.stdout) as Explanation[];
    expect(explanations.map((explanation) => explanation.decision.decision)).toEqual(["allow", "deny", "deny"]);
    expect(explanations[1]).toMatchObject({ rule: "malformed", decision: { error: expect.stringMatching(/^line 3: not valid JSON \(/) }, roles: [] });
  });

  it("heads each explanation of a file with its line, in the text format", () => {
    const result = runCli(["explain", POLICY, "--requests", "-", "--format", "text"], { input: `${WRITE}\n\n${DELETE_OTHER}\n` });
    expect(result.stdout.match(/^# .*$/gm)).toEqual(["# <stdin>:1", "# <stdin>:3"]);
  });

  it("says when a compiled table has no provenance, and names locations when it has", () => {
    const lean = join(dir, "lean");
    const rich = join(dir, "rich");
    expect(runCli(["compile", POLICY, "--out", lean]).status).toBe(0);
    expect(runCli(["compile", POLICY, "--out", rich, "--provenance"]).status).toBe(0);
    const fromLean = runCli(["explain", join(lean, "policy.json"), "--request", WRITE, "--format", "text"]);
    expect(fromLean.status).toBe(0);
    expect(fromLean.stdout).toContain("    action: `indices:*`\n");
    expect(fromLean.stdout).toContain("note: the decision table carries no provenance");
    const fromRich = runCli(["explain", join(rich, "policy.json"), "--request", WRITE, "--format", "text"]);
    expect(fromRich.stdout).toBe(runCli(["explain", POLICY, "--request", WRITE, "--format", "text"]).stdout);
  });

  it("exits 2 on a request that is not JSON, on no request or both, and on an unknown format", () => {
    expect(runCli(["explain", POLICY, "--request", "{user"])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^policyc: `--request` is not valid JSON \(/) });
    expect(runCli(["explain", POLICY])).toMatchObject({ status: 2, stderr: "policyc: give the request with `--request '<json>'`, or a file of requests with `--requests <file>`\n" });
    expect(runCli(["explain", POLICY, "--request", WRITE, "--requests", "-"])).toMatchObject({ status: 2, stderr: "policyc: give either `--request` or `--requests`, not both\n" });
    expect(runCli(["explain", POLICY, "--request", WRITE, "--format", "yaml"])).toMatchObject({ status: 2, stderr: "policyc: unknown format `yaml`; use `text` or `json`\n" });
  });

  it("exits 2 when the requests file cannot be read", () => {
    const missing = join(dir, "missing.jsonl");
    expect(runCli(["explain", POLICY, "--requests", missing])).toMatchObject({ status: 2, stderr: `policyc: cannot read requests from \`${missing}\`: no such file or directory\n` });
  });

  it("exits 1 with the diagnostics when the policy has errors", () => {
    const result = runCli(["explain", "test/cli/fixtures/broken", "--request", WRITE]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error PC");
  });
});

const AT = { file: "roles.yml", line: 3, column: 5 };

/** A deny with every kind of part the text shows: all role sources, near misses, suggestions. */
const DENY: Explanation = {
  decision: { decision: "deny", roles: ["auditor", "kibana_user", "ops"], reason: "no permissions for [indices:data/read/search] and User [name=kim, backend_roles=[ops], requestedTenant=null]", missing: ["indices:data/read/search"] },
  rule: "index",
  summary: "no role of the user grants `indices:data/read/search` on `audit-1`",
  roles: [
    { role: "auditor", via: [{ kind: "request" }] },
    { role: "kibana_user", via: [{ kind: "mapping", field: "and_backend_roles", patterns: ["ops", "*"], matched: ["ops", "ops"], at: [AT, null] }] },
    { role: "ops", via: [{ kind: "backend-role" }, { kind: "mapping", field: "backend_roles", patterns: ["*"], matched: [""], mappingAt: { file: "roles_mapping.yml", line: 9, column: 1 } }] },
  ],
  grants: [],
  missing: [
    {
      target: { kind: "index", index: "audit-1" },
      privilege: "indices:data/read/search",
      nearMisses: [{ kind: "similar-pattern", role: "auditor", pattern: "audit-*-x", at: AT, detail: "role `auditor` has `audit-*-x`, which differs by a suffix" }],
    },
    { target: { kind: "all-indices" }, privilege: "indices:data/read/search", nearMisses: [] },
  ],
  suggestions: [
    { kind: "add-index-pattern", role: "auditor", entry: 0, pattern: "audit-1", at: AT, alsoGrants: 0, detail: "add `audit-1` to index permission 1 of role `auditor`" },
    { kind: "map-user", role: "readall", user: "kim", alsoGrants: 12, detail: "map user `kim` to role `readall`; it also grants 12 other known actions" },
  ],
  provenance: true,
};

describe("the text of an explanation", () => {
  const text = formatExplanationText({ user: { name: "kim", backend_roles: ["ops"] }, action: "indices:data/read/search", indices: ["audit-1"] }, DENY);

  it("starts with the request, the decision with the plugin's reason, and the deciding rule", () => {
    expect(text.split("\n").slice(0, 3)).toEqual([
      "request:  user `kim` (backend roles `ops`), action `indices:data/read/search` on `audit-1`",
      `decision: deny — ${DENY.decision.reason}`,
      "rule:     index — no role of the user grants `indices:data/read/search` on `audit-1`",
    ]);
  });

  it("says how the user got each role, all patterns of an and_backend_roles mapping included", () => {
    expect(text).toContain(
      [
        "roles:",
        "  auditor",
        "    given by the request (`user.roles`)",
        "  kibana_user",
        "    mapped by and_backend_roles: `ops` (roles.yml:3:5), `*` matches `ops`",
        "  ops",
        "    a backend role of the same name (`roles_mapping_resolution`)",
        "    mapped by backend_roles: `*` (a bare `*` maps a user without backend roles too) (roles_mapping.yml:9:1)",
        "",
      ].join("\n"),
    );
  });

  it("lists what is missing per target with the near misses, and the suggestions in their order", () => {
    expect(text).toContain(
      [
        "missing:",
        "  index `audit-1`: `indices:data/read/search`",
        "    almost: role `auditor` has `audit-*-x`, which differs by a suffix (roles.yml:3:5)",
        "  all indices: `indices:data/read/search`",
        "    nothing of the user's roles comes close",
        "",
        "would allow it (fewest extra grants first):",
        "  1. add `audit-1` to index permission 1 of role `auditor` (roles.yml:3:5)",
        "  2. map user `kim` to role `readall`; it also grants 12 other known actions",
        "",
      ].join("\n"),
    );
  });

  it("shows a malformed request as JSON, with the error as the reason", () => {
    const malformed: Explanation = { ...DENY, decision: { decision: "deny", roles: [], missing: [], error: "`user.name` must be a string" }, rule: "malformed", summary: "the request is malformed", roles: [], missing: [], suggestions: [] };
    expect(formatExplanationText({ user: { name: 5 } }, malformed)).toBe(
      'request:  {"user":{"name":5}}\ndecision: deny — `user.name` must be a string\nrule:     malformed — the request is malformed\n',
    );
  });

  it("names the plugin's kibana_user rule for a tenant grant without an entry, and escapes line breaks in names", () => {
    const allow: Explanation = {
      ...DENY,
      decision: { decision: "allow", roles: ["kibana_user"], missing: [] },
      rule: "tenant",
      summary: "tenant `global_tenant` is open read-write to `kibana_user`",
      roles: [],
      grants: [{ target: { kind: "tenant", tenant: "global_tenant" }, role: "kibana_user", actionPattern: "kibana:saved_objects/*/write", chain: [] }],
      missing: [],
      suggestions: [],
    };
    const request = { user: { name: "a\nb" }, action: "indices:data/write/index", indices: [".kibana"], tenant: "global_tenant" };
    expect(formatExplanationText(request, allow)).toContain(
      "request:  user `a\\nb`, action `indices:data/write/index` on `.kibana`, tenant `global_tenant`\n" +
        "decision: allow\n" +
        "rule:     tenant — tenant `global_tenant` is open read-write to `kibana_user`\n\n" +
        "granted:\n  tenant `global_tenant` ← role `kibana_user`, the plugin's `kibana_user` rule\n    access: `kibana:saved_objects/*/write`\n",
    );
  });
});
