/**
 * One YAML file, recognized by its base name, read into its part of the model
 * (policy files) or into settings (opensearch.yml, config.yml, and Search
 * Guard's elasticsearch.yml, sg_authz.yml and sg_frontend_multi_tenancy.yml).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile, spanOf } from "../../diagnostics/source-file.js";
import type { Flavor } from "../../model/types.js";
import { readConfigFile } from "./config-file.js";
import { baseName, classifyFile, flavorOfFileName, policyKindFor, type PolicyConfigKind, type PolicyConfigType } from "./config-kinds.js";
import { code } from "../../diagnostics/message-text.js";
import { checkMeta } from "./meta-check.js";
import { checkSchema } from "./schema-check.js";
import { checkSgMeta } from "./searchguard/sg-meta-check.js";
import { checkRemovedRoleAttributes } from "./searchguard/sg-removed-attributes.js";
import { readSgAuthzFile, readSgMultiTenancyFile } from "./searchguard/sg-settings-files.js";
import { sgTreeToModel } from "./searchguard/sg-to-model.js";
import { readSettingsFile } from "./settings-file.js";
import type { SettingsPatch } from "./settings-values.js";
import { treeToModel, type PolicyParts } from "./to-model.js";
import type { YamlTree } from "./yaml-nodes.js";
import { readYamlTree } from "./yaml-tree.js";
import { isTestFileName } from "./test-file-names.js";

export type YamlFileResult =
  | { readonly kind: "policy"; readonly type: PolicyConfigType; readonly parts: PolicyParts }
  | { readonly kind: "settings"; readonly patch: SettingsPatch }
  | { readonly kind: "other" };

const NO_SETTINGS: SettingsPatch = { values: new Map(), origins: new Map() };

/**
 * Reads one file with a flavor's rules (by default the one its name says, else
 * OpenSearch's); every problem goes to `sink`, nothing is thrown.
 */
export function parseYamlFile(path: string, text: string, sink: DiagnosticSink, flavor: Flavor = flavorOfFileName(path) ?? "opensearch"): YamlFileResult {
  const classified = classifyFile(path);
  const file = sourceFileOf(path, text);
  switch (classified.kind) {
    case "policy": {
      const kind = policyKindFor(classified.config, flavor);
      return { kind: "policy", type: kind.type, parts: parsePolicyFile(file, kind, sink) };
    }
    case "settings":
      return { kind: "settings", patch: parseSettingsFile(file, sink, flavor) };
    case "config":
      return { kind: "settings", patch: parseTree(file, sink, readConfigFile) };
    case "sg-authz":
      return { kind: "settings", patch: parseTree(file, sink, readSgAuthzFile) };
    case "sg-multi-tenancy":
      return { kind: "settings", patch: parseTree(file, sink, readSgMultiTenancyFile) };
    case "other":
      // A policy test file beside the policy is `policyc test`'s input, not a stray file.
      if (isTestFileName(baseName(path))) return { kind: "other" };
      sink.report("PC5003", `${code(baseName(path))} is not a policy file and is not read`, spanOf(file, 0));
      return { kind: "other" };
  }
}

/** A policy file of a known kind, whatever its name, read with its flavor's rules. */
export function parsePolicyFile(file: SourceFile, kind: PolicyConfigKind, sink: DiagnosticSink): PolicyParts {
  const tree = readYamlTree(file, sink);
  if (kind.flavor === "searchguard") {
    if (!tree.unreadable) {
      checkSgMeta(tree, kind, sink);
      checkSchema(tree, kind, sink);
      if (kind.type === "roles") checkRemovedRoleAttributes(tree, sink);
    }
    return sgTreeToModel(tree, kind.type);
  }
  if (!tree.unreadable) {
    checkMeta(tree, kind.type, sink);
    checkSchema(tree, kind, sink);
  }
  return treeToModel(tree, kind.type);
}

/** A node settings file (opensearch.yml, or Search Guard's elasticsearch.yml), whatever its name. */
export function parseSettingsFile(file: SourceFile, sink: DiagnosticSink, flavor: Flavor = "opensearch"): SettingsPatch {
  return readSettingsFile(readYamlTree(file, sink), sink, flavor);
}

function parseTree(file: SourceFile, sink: DiagnosticSink, read: (tree: YamlTree, sink: DiagnosticSink) => SettingsPatch): SettingsPatch {
  const tree = readYamlTree(file, sink);
  return tree.unreadable ? NO_SETTINGS : read(tree, sink);
}

/** The source file of a text; a UTF-8 byte order mark is dropped, which keeps columns on line 1 right. */
export function sourceFileOf(path: string, text: string): SourceFile {
  return new SourceFile(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
