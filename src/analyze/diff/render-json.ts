/** `policyc diff --format json`: the diff model (`model.ts`) as indented JSON, keys in a fixed order. */
import type { PolicyDiff } from "./model.js";

export function renderDiffJson(diff: PolicyDiff): string {
  return JSON.stringify(diff, null, 2) + "\n";
}
