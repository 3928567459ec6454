/**
 * One benchmark workload: the generated policy for R roles, its YAML texts,
 * and its request streams, all rebuilt from (R, seed) in every process.
 */
import { readActionVocabulary, type ActionVocabulary } from "./actions.js";
import { generatePolicy, type BenchPolicy } from "./policy.js";
import { deriveSeed } from "./random.js";
import { RequestFactory } from "./requests.js";
import { coldStreams, warmStreams, type RequestStream, type StreamKind, type StreamSizes } from "./streams.js";
import { renderPolicyApiDump, renderPolicyYaml, yamlFitsPluginLimit, type PolicyTexts } from "./yaml.js";

export interface Workload {
  readonly roleCount: number;
  readonly policy: BenchPolicy;
  readonly vocabulary: ActionVocabulary;
  readonly texts: PolicyTexts;
  /** One warm stream per kind, in STREAM_KINDS order. */
  readonly warm: readonly RequestStream[];
  /** Cold segments per kind; segment 0 is the warm-up pass. */
  readonly cold: ReadonlyMap<StreamKind, readonly RequestStream[]>;
}

/** What the compile job reads: the YAML files, or the REST API dump where the YAML is over the plugin's limit. */
export interface CompileTexts {
  readonly format: "yaml" | "api-dump";
  readonly texts: PolicyTexts;
}

/** The policy and its texts only (what compiling needs). */
export function buildPolicy(roleCount: number, seed: number): { policy: BenchPolicy; vocabulary: ActionVocabulary; texts: PolicyTexts; compileTexts: CompileTexts } {
  const vocabulary = readActionVocabulary();
  const policy = generatePolicy(roleCount, deriveSeed(seed, `policy:${roleCount}`), vocabulary);
  const texts = renderPolicyYaml(policy);
  const compileTexts: CompileTexts = yamlFitsPluginLimit(texts) ? { format: "yaml", texts } : { format: "api-dump", texts: renderPolicyApiDump(policy) };
  return { policy, vocabulary, texts, compileTexts };
}

/** The whole workload for R roles. */
export function buildWorkload(roleCount: number, seed: number, sizes: StreamSizes): Workload {
  const { policy, vocabulary, texts } = buildPolicy(roleCount, seed);
  const streamSeed = deriveSeed(seed, `streams:${roleCount}`);
  // Warm and cold streams draw from separate factories so neither depends on how much the other drew.
  const warm = warmStreams(new RequestFactory(policy, vocabulary), streamSeed, sizes);
  const cold = coldStreams(new RequestFactory(policy, vocabulary), streamSeed, sizes, warm);
  return { roleCount, policy, vocabulary, texts, warm, cold };
}
