/**
 * The action vocabulary of the workload: the plugin's known action names
 * split into the ones a request may name (cluster and index actions that are
 * checked under their own name), the custom action groups the policies use,
 * and group expansion for the generator and the peers' encodings.
 */
import { readFileSync } from "node:fs";
import { evaluatedActionName, isClusterAction, isUncheckedAction } from "../../src/rules/actions.js";
import { repoPath } from "../paths.js";

/** The action names requests are drawn from, split by kind. */
export interface ActionVocabulary {
  readonly cluster: readonly string[];
  readonly index: readonly string[];
}

/**
 * Known actions that are decided under their own name, by their privilege
 * alone: no renamed or unchecked actions, no snapshot restore (which also
 * needs index privileges), no malformed names.
 */
export function readActionVocabulary(): ActionVocabulary {
  const names = readFileSync(repoPath("data/opensearch/known_actions.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((name) => /^[a-z_]+:[a-z_/]+(\[[a-z]+\])?$/.test(name))
    .filter((name) => evaluatedActionName(name) === name && !isUncheckedAction(name) && name !== "cluster:admin/snapshot/restore");
  const unique = [...new Set(names)].sort();
  return {
    cluster: unique.filter((name) => isClusterAction(name) && name.startsWith("cluster:")).concat("indices:data/write/bulk"),
    index: unique.filter((name) => !isClusterAction(name)),
  };
}

/** Action groups that do not depend on the policy size: index groups nest three deep. */
export const BASE_INDEX_GROUPS: Readonly<Record<string, readonly string[]>> = {
  bench_search: ["indices:data/read/search", "indices:data/read/search/template", "indices:data/read/explain", "indices:data/read/field_caps"],
  bench_read: ["bench_search", "indices:data/read/get", "indices:data/read/mget[shard]", "indices:data/read/tv"],
  bench_write: ["indices:data/write/index", "indices:data/write/update", "indices:data/write/delete", "indices:data/write/bulk[s]"],
  bench_crud: ["bench_read", "bench_write"],
  bench_monitor: ["indices:monitor/*"],
  bench_manage: ["bench_monitor", "indices:admin/mappings/*", "indices:admin/refresh", "indices:admin/flush"],
  bench_owner: ["bench_crud", "bench_manage"],
};

export const BASE_CLUSTER_GROUPS: Readonly<Record<string, readonly string[]>> = {
  bench_cluster_monitor: ["cluster:monitor/health", "cluster:monitor/stats", "cluster:monitor/nodes/*"],
  bench_cluster_ingest: ["bench_cluster_ingest_base", "bench_cluster_monitor"],
  bench_cluster_ingest_base: ["cluster:admin/ingest/pipeline/*"],
  bench_cluster_ops: ["bench_cluster_ingest", "cluster:admin/script/get", "indices:data/write/bulk"],
};

/** Wildcard action patterns written directly in roles. */
export const INDEX_ACTION_WILDCARDS = ["indices:data/read/*", "indices:data/write/*", "indices:monitor/*", "indices:admin/mappings/*"];
export const CLUSTER_ACTION_WILDCARDS = ["cluster:monitor/*", "cluster:admin/ingest/pipeline/*", "cluster:monitor/nodes/*"];

/**
 * Expands group names recursively into the action patterns they stand for
 * (a name that is not a group is a pattern itself), as the plugin does.
 */
export function expandActionItems(items: readonly string[], groups: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>();
  const patterns = new Set<string>();
  const visit = (item: string): void => {
    if (seen.has(item)) return;
    seen.add(item);
    const members = groups.get(item);
    if (members) members.forEach(visit);
    else patterns.add(item);
  };
  items.forEach(visit);
  return [...patterns].sort();
}

/** Whether an action pattern with `*` wildcards (the only kind the workload writes) matches a name. */
export function actionPatternMatches(pattern: string, name: string): boolean {
  const star = pattern.indexOf("*");
  if (star < 0) return pattern === name;
  if (pattern === "*") return true;
  if (star !== pattern.length - 1) throw new Error(`workload action patterns end in their only \`*\`: ${pattern}`);
  return name.startsWith(pattern.slice(0, -1));
}
