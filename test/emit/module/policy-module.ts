/** Compiles test policies (YAML texts by file name) into the generated module's files. */
import { compile, type CompileOptions } from "../../../src/index.js";
import { withMeta, type ConfigFiles } from "../../helpers/policy.js";

/**
 * The outputs of compiling `files` as if they were in `directory` (the
 * header names them so); fails the test when the policy has errors.
 */
export function compileModule(files: ConfigFiles, options: CompileOptions = { js: true }, directory = "policy"): Readonly<Record<string, string>> {
  const input = withMeta(files).map(({ path, text }) => ({ path: `${directory}/${path}`, text }));
  const result = compile({ files: input }, options);
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.outputs || errors.length) throw new Error(`policy has errors: ${errors.map((d) => d.message).join("; ")}`);
  return result.outputs;
}

/** The output named `name`, which must exist. */
export function output(outputs: Readonly<Record<string, string>>, name: string): string {
  const text = outputs[name];
  if (text === undefined) throw new Error(`no output \`${name}\` (have ${Object.keys(outputs).join(", ")})`);
  return text;
}

/** A small policy: two custom roles, a custom action group, a tenant, mappings of each kind. */
export const SMALL_POLICY: ConfigFiles = {
  "action_groups.yml": `logs_read:\n  allowed_actions: ["indices:data/read/search", "indices:data/read/get"]\n`,
  "roles.yml": [
    "log_reader:",
    '  cluster_permissions: ["cluster:monitor/health"]',
    "  index_permissions:",
    '    - index_patterns: ["logs-*", "/metrics-[0-9]+/"]',
    '      allowed_actions: ["logs_read"]',
    "  tenant_permissions:",
    '    - tenant_patterns: ["analysts"]',
    '      allowed_actions: ["kibana_all_read"]',
    "team_writer:",
    "  index_permissions:",
    '    - index_patterns: ["team-${attr.internal.team}-*"]',
    '      allowed_actions: ["write"]',
    "",
  ].join("\n"),
  "roles_mapping.yml": [
    "log_reader:",
    '  users: ["judy"]',
    '  backend_roles: ["IT"]',
    "team_writer:",
    '  and_backend_roles: ["dev", "ops"]',
    '  hosts: ["10.0.0.*"]',
    "",
  ].join("\n"),
  "tenants.yml": `analysts:\n  description: "the analysts' tenant"\n`,
};
