/**
 * One YAML file, recognized by its base name, read into its part of the model
 * (policy files) or into settings (opensearch.yml, config.yml).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile, spanOf } from "../../diagnostics/source-file.js";
import { readConfigFile } from "./config-file.js";
import { baseName, classifyFile, type PolicyConfigKind, type PolicyConfigType } from "./config-kinds.js";
import { code } from "../../diagnostics/message-text.js";
import { checkMeta } from "./meta-check.js";
import { checkSchema } from "./schema-check.js";
import { readSettingsFile } from "./settings-file.js";
import type { SettingsPatch } from "./settings-values.js";
import { treeToModel, type PolicyParts } from "./to-model.js";
import { readYamlTree } from "./yaml-tree.js";

export type YamlFileResult =
  | { readonly kind: "policy"; readonly type: PolicyConfigType; readonly parts: PolicyParts }
  | { readonly kind: "settings"; readonly patch: SettingsPatch }
  | { readonly kind: "other" };

/** Reads one file; every problem goes to `sink`, nothing is thrown. */
export function parseYamlFile(path: string, text: string, sink: DiagnosticSink): YamlFileResult {
  const classified = classifyFile(path);
  const file = sourceFileOf(path, text);
  switch (classified.kind) {
    case "policy":
      return { kind: "policy", type: classified.config.type, parts: parsePolicyFile(file, classified.config, sink) };
    case "settings":
      return { kind: "settings", patch: parseSettingsFile(file, sink) };
    case "config":
      return { kind: "settings", patch: parseConfigFile(file, sink) };
    case "other":
      sink.report("PC5003", `${code(baseName(path))} is not a policy file and is not read`, spanOf(file, 0));
      return { kind: "other" };
  }
}

/** A policy file of a known type, whatever its name. */
export function parsePolicyFile(file: SourceFile, kind: PolicyConfigKind, sink: DiagnosticSink): PolicyParts {
  const tree = readYamlTree(file, sink);
  if (!tree.unreadable) {
    checkMeta(tree, kind.type, sink);
    checkSchema(tree, kind, sink);
  }
  return treeToModel(tree, kind.type);
}

/** An opensearch.yml, whatever its name. */
export function parseSettingsFile(file: SourceFile, sink: DiagnosticSink): SettingsPatch {
  return readSettingsFile(readYamlTree(file, sink), sink);
}

function parseConfigFile(file: SourceFile, sink: DiagnosticSink): SettingsPatch {
  const tree = readYamlTree(file, sink);
  if (tree.unreadable) return { values: new Map(), origins: new Map() };
  return readConfigFile(tree, sink);
}

/** The source file of a text; a UTF-8 byte order mark is dropped, which keeps columns on line 1 right. */
export function sourceFileOf(path: string, text: string): SourceFile {
  return new SourceFile(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
