/**
 * The YAML front end: the plugin's configuration files (roles.yml,
 * roles_mapping.yml, action_groups.yml, internal_users.yml, tenants.yml, their
 * static_*.yml counterparts, opensearch.yml and config.yml) → the policy model;
 * or Search Guard's (sg_roles.yml & co., sg_authz.yml,
 * sg_frontend_multi_tenancy.yml, elasticsearch.yml), read with its rules.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { defaultSettings, type Settings } from "../../model/settings.js";
import type { Flavor, PolicyModel } from "../../model/types.js";
import { reportInputProblem, type InputProblem, type InputProblemCodes } from "../input-problem.js";
import { classifyFile } from "./config-kinds.js";
import { chooseFlavor } from "./flavor.js";
import { parseSettingsFile, parseYamlFile, sourceFileOf } from "./parse-file.js";
import { applySettingsPatch } from "./settings-values.js";
import { emptyParts, mergeParts } from "./to-model.js";

export { parseYamlFile, type YamlFileResult } from "./parse-file.js";
export { readBuiltinPolicy } from "./builtin-policy.js";
export { classifyFile, type FileClass, type PolicyConfigType } from "./config-kinds.js";
export { chooseFlavor, flavorOfFile, FLAVOR_NAMES } from "./flavor.js";

export interface YamlSource {
  readonly path: string;
  readonly text: string;
  /** What was wrong with the file's bytes when it was read (reported here, with the file's other problems). */
  readonly problem?: InputProblem;
}

const YAML_INPUT_CODES: InputProblemCodes = { encoding: "PC2017", size: "PC2015" };

/**
 * Reads a policy from its YAML files, recognized by base name; other files
 * get a PC5003 warning. The flavor is `flavor` when given, else the one the
 * files say (flavor.ts); files of the other flavor are errors. Settings start
 * from the defaults and are changed by the settings files, in the order given.
 * Never throws for bad input: problems go to `sink`, and whatever could be
 * read is returned.
 */
export function parseYamlPolicy(files: readonly YamlSource[], sink: DiagnosticSink, flavor?: Flavor): PolicyModel {
  const chosen = chooseFlavor(files, sink, flavor);
  let parts = emptyParts();
  let settings = defaultSettings();
  const sources: string[] = [];
  for (const { path, text, problem } of chosen.files) {
    if (problem && classifyFile(path).kind !== "other" && !reportedReadable(path, text, problem, sink)) continue;
    const result = parseYamlFile(path, text, sink, chosen.flavor);
    if (result.kind === "other") continue;
    sources.push(path);
    if (result.kind === "policy") parts = mergeParts(parts, result.parts);
    else settings = applySettingsPatch(settings, result.patch);
  }
  return { flavor: chosen.flavor, ...parts, settings, sources };
}

/**
 * Settings from an opensearch.yml (Search Guard: elasticsearch.yml) given on
 * its own (whatever its name), applied over `base` (the defaults unless given;
 * pass the policy's settings to keep what the other settings files set).
 */
export function readSettingsOverride(source: YamlSource, sink: DiagnosticSink, base: Settings = defaultSettings(), flavor: Flavor = "opensearch"): Settings {
  if (source.problem && !reportedReadable(source.path, source.text, source.problem, sink)) return base;
  const patch = parseSettingsFile(sourceFileOf(source.path, source.text), sink, flavor);
  return applySettingsPatch(base, patch);
}

/** Reports a file's input problem; whether its text can still be read (a file too large was never decoded). */
function reportedReadable(path: string, text: string, problem: InputProblem, sink: DiagnosticSink): boolean {
  const file = sourceFileOf(path, text);
  reportInputProblem(file, problem, YAML_INPUT_CODES, sink, text.length - file.text.length);
  return problem.kind !== "too-large";
}
