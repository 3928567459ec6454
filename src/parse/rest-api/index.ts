/**
 * The security REST API as a policy format: API dumps (`roles.json` & co.,
 * the answers of `GET _plugins/_security/api/<type>`) read like a
 * configuration directory, and scripts of requests (Dev Tools console files,
 * `.console` or `.http`, and shell scripts of curl commands, `.sh`) applied
 * in order on top of a base policy (by default none: the plugin's static
 * configuration alone).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { reportInputProblem, type InputProblem } from "../input-problem.js";
import { spanOf } from "../../diagnostics/source-file.js";
import { defaultSettings } from "../../model/settings.js";
import { emptyPolicy, type Flavor, type PolicyModel } from "../../model/types.js";
import { sourceFileOf } from "../yaml/parse-file.js";
import { endpointOfDumpPath } from "./api-endpoints.js";
import { parseApiDump } from "./api-dump.js";
import type { ApiRequest } from "./api-request.js";
import { ApiState } from "./api-state.js";
import { applyRequests } from "./apply-requests.js";
import { readConsoleScript } from "./console-script.js";
import { readCurlScript } from "./curl-script.js";

export { endpointOfDumpPath, API_ENDPOINTS, APPLY_ORDER, endpointOf, type ApiEndpoint } from "./api-endpoints.js";
export { PLACEHOLDER_PASSWORD_PREFIX } from "./password-rules.js";

export interface SourceText {
  readonly path: string;
  readonly text: string;
  /** What was wrong with the file's bytes when it was read. */
  readonly problem?: InputProblem;
}

/** A script's or dump's input problem (bytes that are not UTF-8, a file too large), reported as the YAML front end reports its own; false when the file has no text to read. */
function readable(source: SourceText, sink: DiagnosticSink): boolean {
  if (!source.problem) return true;
  const file = sourceFileOf(source.path, source.text);
  reportInputProblem(file, source.problem, REST_API_INPUT_CODES, sink, source.text.length - file.text.length);
  return source.problem.kind !== "too-large";
}

const REST_API_INPUT_CODES = { encoding: "PC2101", size: "PC2101" } as const;

/** A console or `.http` file of Dev Tools requests. */
export function isConsoleScriptPath(path: string): boolean {
  return /\.(?:console|http)$/i.test(path);
}

/** A shell script of curl commands. */
export function isCurlScriptPath(path: string): boolean {
  return /\.(?:sh|bash)$/i.test(path);
}

export function isRestApiScriptPath(path: string): boolean {
  return isConsoleScriptPath(path) || isCurlScriptPath(path);
}

/** An API dump, recognized by its base name (`roles.json`, `rolesmapping.json`, …). */
export function isApiDumpPath(path: string): boolean {
  return endpointOfDumpPath(path) !== undefined;
}

/** The requests of a script, in order. */
export function readScriptRequests(source: SourceText, sink: DiagnosticSink): ApiRequest[] {
  const file = sourceFileOf(source.path, source.text);
  return isConsoleScriptPath(source.path) ? readConsoleScript(file, sink) : readCurlScript(file, sink);
}

/** The policy the scripts leave behind, applied in order on top of `base`. */
export function applyRestApiScripts(scripts: readonly SourceText[], base: PolicyModel, sink: DiagnosticSink): PolicyModel {
  const first = scripts[0];
  if (!first) return base;
  const firstFile = sourceFileOf(first.path, first.text);
  if (base.flavor === "searchguard") {
    sink.report("PC2114", "REST API requests apply to an OpenSearch Security policy, and the base policy is Search Guard's", spanOf(firstFile, 0), {
      help: "migrate the base with `policyc convert --to opensearch` first",
    });
    return base;
  }
  const state = new ApiState(base, firstFile);
  let settings = base.settings;
  for (const script of scripts) {
    if (readable(script, sink)) settings = applyRequests(readScriptRequests(script, sink), state, settings, sink);
  }
  return { ...state.toModel(base, scripts.map((script) => script.path)), settings };
}

/** YAML files and API dumps read as one policy: the dumps' entries after the YAML files'. */
export function readWithApiDumps(files: readonly SourceText[], sink: DiagnosticSink, readYaml: (files: readonly SourceText[]) => PolicyModel): PolicyModel {
  const dumps = files.filter((file) => isApiDumpPath(file.path));
  const others = files.filter((file) => !isApiDumpPath(file.path));
  let model = others.length > 0 ? readYaml(others) : emptyPolicy(defaultSettings());
  for (const dump of dumps) {
    if (!readable(dump, sink)) continue;
    const parts = parseApiDump(dump.path, dump.text, endpointOfDumpPath(dump.path)!, sink);
    model = {
      ...model,
      actionGroups: [...model.actionGroups, ...parts.actionGroups],
      roles: [...model.roles, ...parts.roles],
      roleMappings: [...model.roleMappings, ...parts.roleMappings],
      internalUsers: [...model.internalUsers, ...parts.internalUsers],
      tenants: [...model.tenants, ...parts.tenants],
      sources: [...model.sources, dump.path],
    };
  }
  return model;
}

/** The input of `compile` and `validate`, with the base policy scripts apply to. */
export interface RestApiInput {
  readonly files: readonly SourceText[];
  readonly base?: readonly SourceText[];
  readonly flavor?: Flavor;
}

/**
 * The policy of an input that holds scripts or API dumps; undefined for one
 * that holds neither (the YAML and DSL front ends read it). `readOther`
 * reads the files that are neither (the base of the scripts).
 */
export function readRestApiInput(input: RestApiInput, sink: DiagnosticSink, readOther: (files: readonly SourceText[]) => PolicyModel): PolicyModel | undefined {
  const scripts = input.files.filter((file) => isRestApiScriptPath(file.path));
  const rest = input.files.filter((file) => !isRestApiScriptPath(file.path));
  if (scripts.length === 0 && input.base === undefined) {
    return rest.some((file) => isApiDumpPath(file.path)) ? readWithApiDumps(rest, sink, readOther) : undefined;
  }
  const baseFiles = [...(input.base ?? []), ...rest];
  const base = baseFiles.length === 0 ? emptyPolicy(defaultSettings()) : baseFiles.some((file) => isApiDumpPath(file.path)) ? readWithApiDumps(baseFiles, sink, readOther) : readOther(baseFiles);
  return applyRestApiScripts(scripts, base, sink);
}
