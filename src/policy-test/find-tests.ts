/**
 * Which tests `policyc test` runs. The command line's test files (named
 * `*tests.yml`, `*tests.yaml`, `*tests.json`, or `*test.…`) and requests
 * files (`*.jsonl`, with the decisions in the file named with `expected` for
 * `requests`); without any, the tests beside the policy: in each directory
 * given, or holding a file given, its test files and its `requests.jsonl`
 * with `expected.jsonl`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CliError } from "../cli/exit-codes.js";
import { describeError, readText } from "../cli/read-input.js";
import { readRequestPairs } from "./read-request-pairs.js";
import { readTestFile } from "./read-test-file.js";
import { isTestFileName } from "../parse/yaml/test-file-names.js";
import type { TestCase } from "./types.js";

const REQUESTS_FILE = /\.jsonl$/i;

export interface FoundTests {
  readonly cases: readonly TestCase[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether a command-line path names tests (a test file or a requests file) rather than the policy. */
export function isTestPath(path: string): boolean {
  const name = basename(path);
  return isTestFileName(name) || REQUESTS_FILE.test(name);
}

/** The cases of the given test paths, or of the tests found beside the policy when none is given. */
export function findTests(policyPaths: readonly string[], testPaths: readonly string[]): FoundTests {
  const sources = testPaths.length > 0 ? testPaths.map(givenSource) : policyPaths.flatMap(sourcesBeside);
  if (sources.length === 0) {
    const where = [...new Set(policyPaths.map(directoryOf))].map((directory) => `\`${directory}\``).join(", ");
    throw new CliError(`no tests found: give test files (\`*tests.yml\`), or keep them, or \`requests.jsonl\` with \`expected.jsonl\`, in ${where}`);
  }
  const read = [...new Map(sources.map((source) => [source.key, source])).values()].map(readSource);
  return { cases: read.flatMap((result) => result.cases), diagnostics: read.flatMap((result) => result.diagnostics) };
}

type Source = { readonly key: string } & ({ readonly kind: "file"; readonly path: string } | { readonly kind: "pair"; readonly requests: string; readonly expected: string });

function givenSource(path: string): Source {
  if (!REQUESTS_FILE.test(path)) return { key: path, kind: "file", path };
  const name = basename(path);
  const at = name.lastIndexOf("requests");
  if (at < 0) throw new CliError(`\`${path}\`: a requests file's name must contain \`requests\`; its decisions are read from the file named with \`expected\` instead`);
  const expected = join(dirname(path), name.slice(0, at) + "expected" + name.slice(at + "requests".length));
  return { key: path, kind: "pair", requests: path, expected };
}

/** The test files (in name order), then the request pair, of the directory of a policy path. */
function sourcesBeside(policyPath: string): Source[] {
  const directory = directoryOf(policyPath);
  const files: Source[] = listDirectory(directory)
    .filter(isTestFileName)
    .sort()
    .map((name) => join(directory, name))
    .map((path) => ({ key: path, kind: "file", path }));
  const requests = join(directory, "requests.jsonl");
  const expected = join(directory, "expected.jsonl");
  const pair: Source[] = existsSync(requests) && existsSync(expected) ? [{ key: requests, kind: "pair", requests, expected }] : [];
  return [...files, ...pair];
}

function directoryOf(policyPath: string): string {
  try {
    return statSync(policyPath).isDirectory() ? policyPath : dirname(policyPath);
  } catch (error) {
    throw new CliError(`cannot read \`${policyPath}\`: ${describeError(error)}`);
  }
}

function listDirectory(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch (error) {
    throw new CliError(`cannot read directory \`${directory}\`: ${describeError(error)}`);
  }
}

function readSource(source: Source): FoundTests {
  if (source.kind === "pair") return readRequestPairs(readText(source.requests), readText(source.expected));
  const file = readText(source.path);
  return readTestFile(file.path, file.text);
}
