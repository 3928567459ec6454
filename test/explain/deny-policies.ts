/**
 * Policies and requests for the tests of what `explain` says about a deny:
 * tables compiled with provenance (or without), the examples' policies, and
 * the missing targets a deny names.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../src/index.js";
import { analyzeDenial } from "../../src/runtime/explain/deny-analysis.js";
import { TablePolicy } from "../../src/runtime/table-policy.js";
import type { GrantTarget, MissingGrant, Suggestion } from "../../src/table/explanation.js";
import type { DecisionTable } from "../../src/table/types.js";
import { ROOT } from "../helpers/cli.js";
import { withMeta, type ConfigFiles } from "../helpers/policy.js";

export const EXAMPLES_DIR = join(ROOT, "examples");

/** A policy's table, compiled with provenance unless told otherwise; fails on errors. */
export function tableOf(files: ConfigFiles | readonly { path: string; text: string }[], provenance = true): DecisionTable {
  const input = Array.isArray(files) ? files : withMeta(files as ConfigFiles);
  const result = compile({ files: input }, { provenance, module: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (result.table === undefined || errors.length > 0) throw new Error(`policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return result.table;
}

export function policyOf(files: ConfigFiles, provenance = true): TablePolicy {
  return new TablePolicy(tableOf(files, provenance));
}

/** The YAML files of an example, by path under the repository. */
export function exampleFiles(name: string): { path: string; text: string }[] {
  const dir = join(EXAMPLES_DIR, name);
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({ path: join("examples", name, file), text: readFileSync(join(dir, file), "utf8") }));
}

export function examplePolicy(name: string): TablePolicy {
  return new TablePolicy(tableOf(exampleFiles(name)));
}

/** An example's requests and the decisions it expects, line by line. */
export function exampleLines(name: string): { request: Record<string, unknown>; expected: { decision: string } }[] {
  const read = (file: string) =>
    readFileSync(join(EXAMPLES_DIR, name, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const expected = read("expected.jsonl");
  return read("requests.jsonl").map((request, i) => ({ request, expected: expected[i] as { decision: string } }));
}

export type DeniedTarget = { target: GrantTarget; privilege: string };

export const onIndex = (index: string, privilege: string): DeniedTarget => ({ target: { kind: "index", index }, privilege });
export const onCluster = (privilege: string): DeniedTarget => ({ target: { kind: "cluster" }, privilege });
export const onAllIndices = (privilege: string): DeniedTarget => ({ target: { kind: "all-indices" }, privilege });
export const onTenant = (tenant: string, privilege: string): DeniedTarget => ({ target: { kind: "tenant", tenant }, privilege });

export function analyze(policy: TablePolicy, request: Record<string, unknown>, targets: readonly DeniedTarget[]): { missing: MissingGrant[]; suggestions: Suggestion[] } {
  return analyzeDenial(policy, request, targets);
}

/** A request of a user by name. */
export function requestOf(user: string, action: string, indices?: readonly string[]): Record<string, unknown> {
  return { user: { name: user }, action, ...(indices === undefined ? {} : { indices: [...indices] }) };
}

/** What a suggestion adds, for compact expectations: `kind role[#entry] thing`. */
export function describeSuggestion(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case "add-action":
      return `add-action ${suggestion.role}${suggestion.entry === undefined ? "" : `#${suggestion.entry}`} ${suggestion.action}`;
    case "add-index-pattern":
      return `add-index-pattern ${suggestion.role}#${suggestion.entry} ${suggestion.pattern}`;
    case "map-user":
      return `map-user ${suggestion.role} ${suggestion.user}`;
  }
}
