/** Decision tables with provenance from YAML texts, for the who-can and diff tests. */
import { compile } from "../../src/index.js";
import type { DecisionTable } from "../../src/table/types.js";
import { withMeta, type ConfigFiles } from "../helpers/policy.js";

/** The table of a policy that must compile; files are named by base name (`roles.yml`, `opensearch.yml`, `sg_roles.yml`, …). */
export function tableOf(files: ConfigFiles): DecisionTable {
  const result = compile({ files: withMeta(files) }, { provenance: true, module: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.table || errors.length > 0) throw new Error(`policy has errors: ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return result.table;
}
