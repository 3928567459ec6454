#!/usr/bin/env node
// Fuzzing at scale: the property tests of test/property/ with many more random
// cases than `npm test` gives them, split over worker processes.
//
// Usage (from the project root):
//   npm run fuzz -- [--runs N] [--seed S] [--workers W]
//
// A case is one random policy with its random requests (up to 30 for the main
// property). N cases go through the main property, the table runtime against
// the reference evaluator (test/property/evaluators-agree.test.ts). Smaller
// shares of N go through the others, which cost 2 to 6 times more per case:
// YAML → DSL → YAML (dsl-round-trip.test.ts), N/50; the generated module
// against the runtime and the reference (module-agrees.test.ts, a module
// written and imported per policy), N/500; REST API and ownership requests,
// Search Guard policies and whoami, N/500 each; at least 20 cases each. Each
// of the W workers (default 2, or fewer cores) runs its share of every
// property in one vitest process, with seed S + worker number - 1.
//
// The run prints the seed first; `--seed S` with the same --runs and
// --workers replays it exactly. A disagreement stops its property and prints
// fast-check's report: its seed and path, the shrunk policy as YAML, the
// request and the decisions. The last line is the verdict, `disagreements: 0`
// or more; the exit code is 0 only when every property held.

import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const VITEST = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));

/**
 * The properties: the test file, how the name of the test in it begins (the
 * `it`, without its `describe`), its share of the cases, at least so many
 * cases, and the variable that sets its number of runs.
 */
const PROPERTIES = [
  {
    name: "runtime vs reference",
    file: "test/property/evaluators-agree.test.ts",
    test: "agree on random policies and requests",
    share: 1,
    variable: "POLICYC_FUZZ_RUNS",
  },
  {
    name: "DSL round trips",
    file: "test/property/dsl-round-trip.test.ts",
    test: "take a YAML policy through the DSL and back",
    share: 1 / 50,
    minimum: 20,
    variable: "POLICYC_ROUND_TRIP_RUNS",
  },
  {
    name: "module vs runtime vs reference",
    file: "test/property/module-agrees.test.ts",
    test: "agree on random policies and requests",
    share: 1 / 500,
    minimum: 20,
    variable: "POLICYC_MODULE_FUZZ_RUNS",
  },
  {
    name: "REST API and ownership",
    file: "test/property/rest-api-ownership-agree.test.ts",
    test: "agree on random policies and settings",
    share: 1 / 500,
    minimum: 20,
    variable: "POLICYC_REST_FUZZ_RUNS",
  },
  {
    name: "Search Guard",
    file: "test/property/searchguard-agree.test.ts",
    test: "agree on random policies and requests",
    share: 1 / 500,
    minimum: 20,
    variable: "POLICYC_SG_FUZZ_RUNS",
  },
  {
    name: "whoami",
    file: "test/property/whoami-agrees.test.ts",
    test: "agree on random policies and users",
    share: 1 / 500,
    minimum: 20,
    variable: "POLICYC_WHOAMI_FUZZ_RUNS",
  },
];

/** The tests of a file that are not the random property (coverage checks, fixed samples) are left out. */
const ONLY_PROPERTIES = [...new Set(PROPERTIES.map((property) => escapeRegExp(property.test)))].join("|");

function escapeRegExp(text) {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

function usage(message) {
  process.stderr.write(`fuzz: ${message}\nusage: npm run fuzz -- [--runs N] [--seed S] [--workers W]\n`);
  process.exit(2);
}

function readOptions(args) {
  const options = { runs: 20_000, seed: randomInt(2 ** 31), workers: Math.min(2, availableParallelism()) };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i].replace(/^--/, "");
    const value = Number(args[i + 1]);
    if (!(name in options)) usage(`unknown option \`${args[i]}\``);
    if (!Number.isSafeInteger(value) || value < (name === "seed" ? 0 : 1)) usage(`\`--${name}\` takes a whole number, not \`${args[i + 1] ?? ""}\``);
    options[name] = value;
  }
  return options;
}

/** Worker `index`'s share of `total` runs: the shares differ by one at most and add up to `total`. */
function shareOf(total, workers, index) {
  return Math.floor(total / workers) + (index < total % workers ? 1 : 0);
}

function runsOf(property, options, index) {
  const total = Math.max(property.minimum ?? 1, Math.round(options.runs * property.share));
  return shareOf(total, options.workers, index);
}

/**
 * One worker: a vitest process running every property file with its share of
 * the runs, one file after the other. Resolves to its exit code and output.
 */
function runWorker(options, index, onProgress) {
  const seed = options.seed + index;
  const runs = new Map(PROPERTIES.map((property) => [property, runsOf(property, options, index)]));
  const variables = Object.fromEntries(PROPERTIES.map((property) => [property.variable, String(runs.get(property))]));
  // A larger young generation: the properties allocate briskly, and collect about a tenth less often this way.
  const nodeOptions = [process.env.NODE_OPTIONS, "--max-semi-space-size=64"].filter(Boolean).join(" ");
  const env = { ...process.env, ...variables, NODE_OPTIONS: nodeOptions, POLICYC_FUZZ_SEED: String(seed), POLICYC_FUZZ_STATS: "1", NO_COLOR: "1" };
  const files = PROPERTIES.filter((property) => runs.get(property) > 0).map((property) => property.file);
  const args = [VITEST, "run", ...files, "-t", ONLY_PROPERTIES, "--maxWorkers=1", "--reporter=verbose"];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      output += chunk;
      for (const line of chunk.match(/^progress: .*$/gm) ?? []) onProgress(line);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ index, seed, runs, code, output }));
  });
}

/**
 * What each property's test printed with POLICYC_FUZZ_STATS: vitest heads a
 * test's console output with `stdout | <file> > <describe> > <test>`.
 */
function statsOf(output, property) {
  const blocks = output.split(/^stdout \| /m).filter((block) => block.startsWith(property.file));
  for (const block of blocks) {
    const line = block.match(/^\{"policies":.*\}$/m);
    if (line) return JSON.parse(line[0]);
  }
  return undefined;
}

/**
 * Whether vitest reports the property's test as passed, and in how many
 * seconds: `✓ <file> > <describe> > <test name> (<runs> policies) <ms>ms`.
 */
function outcomeOf(output, property) {
  const line = new RegExp(`^\\s*✓ ${escapeRegExp(property.file)} > .* > ${escapeRegExp(property.test)}.*?(?: (\\d+)ms)?$`, "m").exec(output);
  return line ? { passed: true, seconds: line[1] === undefined ? undefined : Number(line[1]) / 1000 } : { passed: false };
}

const options = readOptions(process.argv.slice(2));
console.log(`seed ${options.seed}: ${options.runs} cases on ${options.workers} worker${options.workers === 1 ? "" : "s"}`);
console.log(`replay: npm run fuzz -- --runs ${options.runs} --seed ${options.seed} --workers ${options.workers}`);
const started = Date.now();
const workers = await Promise.all(
  Array.from({ length: options.workers }, (_, index) => runWorker(options, index, (line) => console.log(`worker ${index + 1}: ${line}`))),
);
const seconds = (Date.now() - started) / 1000;

let failed = 0;
let disagreements = 0;
const totals = new Map(PROPERTIES.map((property) => [property, { cases: 0, requests: 0 }]));
for (const worker of workers) {
  for (const property of PROPERTIES) {
    const runs = worker.runs.get(property);
    if (runs === 0) continue;
    const { passed, seconds } = outcomeOf(worker.output, property);
    const stats = statsOf(worker.output, property);
    const requests = stats?.requests === undefined ? "" : `, ${stats.requests} requests`;
    const time = seconds === undefined ? "" : ` in ${seconds.toFixed(1)} s (${(runs / seconds).toFixed(1)} cases/s)`;
    console.log(`worker ${worker.index + 1}, seed ${worker.seed}: ${property.name}: ${runs} cases${requests}, ${passed ? `agreed${time}` : "FAILED"}`);
    if (!passed) continue;
    totals.get(property).cases += runs;
    totals.get(property).requests += stats?.requests ?? 0;
  }
  if (worker.code === 0) continue;
  failed++;
  // fast-check's report of a counterexample; anything else (a timeout, a test that broke) is a failure too.
  disagreements += (worker.output.match(/Property failed after/g) ?? []).length;
  console.log(`----- worker ${worker.index + 1} (seed ${worker.seed}) failed, exit code ${worker.code}:\n${worker.output.trimEnd()}\n-----`);
}
const cases = [...totals.values()].reduce((sum, total) => sum + total.cases, 0);
for (const [property, total] of totals) {
  console.log(`${property.name}: ${total.cases} cases${total.requests ? `, ${total.requests} requests` : ""} agreed`);
}
console.log(`${cases} cases in ${seconds.toFixed(1)} s (${(cases / seconds).toFixed(1)} cases/s), seed ${options.seed}`);
if (failed > 0 && disagreements === 0) console.log(`workers that failed without a counterexample: ${failed}`);
console.log(`disagreements: ${disagreements}`);
process.exit(failed === 0 ? 0 : 1);
