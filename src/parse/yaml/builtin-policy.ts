/**
 * The plugin's built-in (static) action groups, roles and tenants, read from
 * the package's copies of its static_*.yml files through the same front end as
 * user files, once per process.
 */
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile } from "../../diagnostics/source-file.js";
import { formatDiagnosticsText } from "../../diagnostics/format/text.js";
import { defaultSettings } from "../../model/settings.js";
import type { PolicyModel } from "../../model/types.js";
import { packageFilePath, readPackageText } from "../../package-files.js";
import { POLICY_CONFIG_KINDS, type PolicyConfigType } from "./config-kinds.js";
import { parsePolicyFile } from "./parse-file.js";
import { emptyParts, mergeParts } from "./to-model.js";

const BUILTIN_FILES: readonly { readonly path: string; readonly type: PolicyConfigType }[] = [
  { path: "data/opensearch/static_action_groups.yml", type: "actiongroups" },
  { path: "data/opensearch/static_roles.yml", type: "roles" },
  { path: "data/opensearch/static_tenants.yml", type: "tenants" },
];

/** Built-in files are shown as `policyc:data/opensearch/…`, so output does not depend on where policyc is installed. */
export const BUILTIN_PREFIX = "policyc:";

/** The file on disk behind a built-in display path (for editors' go-to-definition), or undefined. */
export function builtinFilePath(displayPath: string): string | undefined {
  return displayPath.startsWith(BUILTIN_PREFIX) ? packageFilePath(displayPath.slice(BUILTIN_PREFIX.length)) : undefined;
}

let cached: PolicyModel | undefined;

/** The built-in policy. Throws only if the package's own files are broken, which is a packaging bug. */
export function readBuiltinPolicy(): PolicyModel {
  cached ??= parseBuiltinPolicy();
  return cached;
}

function parseBuiltinPolicy(): PolicyModel {
  const sink = new DiagnosticSink();
  let parts = emptyParts();
  const sources: string[] = [];
  for (const { path, type } of BUILTIN_FILES) {
    // A stable display path, the same on every machine; `builtinFilePath` gives the file on disk.
    const displayPath = `${BUILTIN_PREFIX}${path}`;
    const file = new SourceFile(displayPath, readPackageText(path));
    parts = mergeParts(parts, parsePolicyFile(file, POLICY_CONFIG_KINDS[type], sink));
    sources.push(displayPath);
  }
  if (sink.diagnostics.length > 0) {
    throw new Error(`the built-in policy files of policyc are damaged:\n${formatDiagnosticsText(sink.diagnostics)}`);
  }
  return { flavor: "opensearch", ...parts, settings: defaultSettings(), sources };
}
