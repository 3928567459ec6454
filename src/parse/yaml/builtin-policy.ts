/**
 * The plugin's built-in (static) action groups, roles and tenants, read from
 * the package's copies of its static_*.yml files (data/opensearch for
 * OpenSearch Security, data/searchguard for Search Guard) through the same
 * front end as user files, with that flavor's rules, once per process.
 */
import { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile } from "../../diagnostics/source-file.js";
import { formatDiagnosticsText } from "../../diagnostics/format/text.js";
import { defaultSettings } from "../../model/settings.js";
import type { Flavor, PolicyModel } from "../../model/types.js";
import { packageFilePath, readPackageText } from "../../package-files.js";
import { policyConfigKinds, type PolicyConfigType } from "./config-kinds.js";
import { parsePolicyFile } from "./parse-file.js";
import { emptyParts, mergeParts } from "./to-model.js";

const BUILTIN_FILES: readonly { readonly name: string; readonly type: PolicyConfigType }[] = [
  { name: "static_action_groups.yml", type: "actiongroups" },
  { name: "static_roles.yml", type: "roles" },
  { name: "static_tenants.yml", type: "tenants" },
];

/** The package directory holding a flavor's built-in files; it is also the flavor's name. */
const BUILTIN_DIRECTORIES: Readonly<Record<Flavor, string>> = { opensearch: "data/opensearch", searchguard: "data/searchguard" };

/** Built-in files are shown as `policyc:data/opensearch/…` (or `data/searchguard/…`), so output does not depend on where policyc is installed. */
export const BUILTIN_PREFIX = "policyc:";

/** The file on disk behind a built-in display path (for editors' go-to-definition), or undefined. */
export function builtinFilePath(displayPath: string): string | undefined {
  return displayPath.startsWith(BUILTIN_PREFIX) ? packageFilePath(displayPath.slice(BUILTIN_PREFIX.length)) : undefined;
}

const cached = new Map<Flavor, PolicyModel>();

/** A flavor's built-in policy (OpenSearch Security's by default). Throws only if the package's own files are broken, which is a packaging bug. */
export function readBuiltinPolicy(flavor: Flavor = "opensearch"): PolicyModel {
  let policy = cached.get(flavor);
  if (!policy) {
    policy = parseBuiltinPolicy(flavor);
    cached.set(flavor, policy);
  }
  return policy;
}

function parseBuiltinPolicy(flavor: Flavor): PolicyModel {
  const sink = new DiagnosticSink();
  let parts = emptyParts();
  const sources: string[] = [];
  const kinds = policyConfigKinds(flavor);
  for (const { name, type } of BUILTIN_FILES) {
    const path = `${BUILTIN_DIRECTORIES[flavor]}/${name}`;
    // A stable display path, the same on every machine; `builtinFilePath` gives the file on disk.
    const displayPath = `${BUILTIN_PREFIX}${path}`;
    const file = new SourceFile(displayPath, readPackageText(path));
    parts = mergeParts(parts, parsePolicyFile(file, kinds[type], sink));
    sources.push(displayPath);
  }
  if (sink.diagnostics.length > 0) {
    throw new Error(`the built-in policy files of policyc are damaged:\n${formatDiagnosticsText(sink.diagnostics)}`);
  }
  return { flavor, ...parts, settings: defaultSettings(), sources };
}
