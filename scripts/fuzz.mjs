#!/usr/bin/env node
// Long fuzzing run of the property test that compares policyc's runtime with
// the reference evaluator (test/property/evaluators-agree.test.ts).
//
// Usage (from the project root):
//   node scripts/fuzz.mjs [--runs N] [--rounds K] [--seed S]
//
// Each round runs the property with N random policies (default 20000, each
// with up to 30 requests) and a fresh seed (or S, S+1, … with --seed). It stops
// at the first disagreement and prints fast-check's report: the seed to replay
// (POLICYC_FUZZ_SEED=<seed> POLICYC_FUZZ_RUNS=<N> npx vitest run test/property),
// the shrunk policy as YAML, the request and both decisions.

import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = opt("--runs", 20_000);
const rounds = opt("--rounds", 1);
const firstSeed = opt("--seed", undefined);

for (let round = 0; round < rounds; round++) {
  const seed = firstSeed === undefined ? randomInt(2 ** 31) : firstSeed + round;
  const started = Date.now();
  console.log(`round ${round + 1}/${rounds}: ${runs} policies, seed ${seed}`);
  const result = spawnSync("npx", ["vitest", "run", "test/property/evaluators-agree.test.ts", "-t", "agree on random"], {
    stdio: "inherit",
    env: { ...process.env, POLICYC_FUZZ_RUNS: String(runs), POLICYC_FUZZ_SEED: String(seed), POLICYC_FUZZ_STATS: "1" },
  });
  console.log(`round ${round + 1}: ${result.status === 0 ? "agreed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(1);
}
