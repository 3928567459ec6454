/**
 * Reads a test file (YAML, or JSON, which YAML reads too) into test cases.
 * The text is read by the YAML front end's located reader, so every problem
 * — syntax, schema, a name used twice — is a diagnostic with file:line:col.
 */
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { code } from "../diagnostics/message-text.js";
import { SourceFile } from "../diagnostics/source-file.js";
import { toJson } from "../parse/yaml/json-form.js";
import { findEntry, type YamlMap, type YamlNode } from "../parse/yaml/yaml-nodes.js";
import { readYamlTree } from "../parse/yaml/yaml-tree.js";
import { checkTestFileSchema } from "./test-file-schema.js";
import { EXPECTED_FIELDS, type Expectation, type Json, type TestCase } from "./types.js";

export interface TestFileResult {
  /** Empty when the file has errors. */
  readonly cases: readonly TestCase[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The cases of one test file, or the diagnostics that say why it cannot be run. */
export function readTestFile(path: string, text: string): TestFileResult {
  const file = new SourceFile(path, text);
  const sink = new DiagnosticSink();
  const tree = readYamlTree(file, sink);
  const diagnostics = (): Diagnostic[] => sortDiagnostics(sink.diagnostics.map((d) => aboutTestFile(d, path)));
  if (tree.unreadable) return { cases: [], diagnostics: diagnostics() };
  const { root } = tree;
  if (!root) {
    sink.report("PC2007", "the test file is empty; it must be a mapping with a list of `tests`", { file, start: 0, end: 0 });
    return { cases: [], diagnostics: diagnostics() };
  }
  if (!checkTestFileSchema(root, sink) || sink.hasErrors()) return { cases: [], diagnostics: diagnostics() };
  const cases = casesOf(root as YamlMap, path);
  reportRepeatedNames(root as YamlMap, sink);
  return sink.hasErrors() ? { cases: [], diagnostics: diagnostics() } : { cases, diagnostics: diagnostics() };
}

/**
 * The YAML reader words its messages for the plugin's files ("the plugin
 * rejects the file"); for a test file it is policyc that reads it.
 */
function aboutTestFile(diagnostic: Diagnostic, path: string): Diagnostic {
  const reword = (text: string): string => {
    const said = text.replace(/\bthe plugin\b/g, "policyc");
    return /\.json$/i.test(path) ? said.replace(/^yaml syntax error: /, "syntax error: ") : said;
  };
  return { ...diagnostic, message: reword(diagnostic.message), ...(diagnostic.help !== undefined ? { help: reword(diagnostic.help) } : {}) };
}

/** The schema has been checked: the root is a mapping with a list of mappings under `tests`. */
function casesOf(root: YamlMap, path: string): TestCase[] {
  const tests = findEntry(root, "tests")!.value;
  if (tests.kind !== "seq") return [];
  return tests.items.filter((item): item is YamlMap => item.kind === "map").map((item) => caseOf(item, path));
}

function caseOf(item: YamlMap, path: string): TestCase {
  const name = findEntry(item, "name")!.value;
  const request = findEntry(item, "request")!.value;
  const expect = findEntry(item, "expect")!.value;
  return {
    name: name.kind === "scalar" ? name.value : "",
    suite: path,
    span: item.span,
    request: { kind: "value", value: plainJson(request) },
    expect: expect.kind === "map" ? expectationOf(expect) : {},
  };
}

function expectationOf(expect: YamlMap): Expectation {
  const expectation: { [field: string]: { value: Json; span: YamlNode["span"] } } = {};
  for (const field of EXPECTED_FIELDS) {
    const entry = findEntry(expect, field);
    if (entry) expectation[field] = { value: plainJson(entry.value), span: entry.value.span };
  }
  return expectation;
}

/** The node as ordinary JSON (the YAML tree's objects have no prototype). */
function plainJson(node: YamlNode): Json {
  return JSON.parse(JSON.stringify(toJson(node))) as Json;
}

/** Reports a repeated case name at its second use, with the first as related location. */
function reportRepeatedNames(root: YamlMap, sink: DiagnosticSink): void {
  const tests = findEntry(root, "tests")!.value;
  if (tests.kind !== "seq") return;
  const first = new Map<string, YamlNode>();
  for (const item of tests.items) {
    const name = item.kind === "map" ? findEntry(item, "name")?.value : undefined;
    if (name?.kind !== "scalar") continue;
    const earlier = first.get(name.value);
    if (!earlier) first.set(name.value, name);
    else {
      sink.report("PC3005", `the test name ${code(name.value)} is used twice in the file`, name.span, {
        related: [{ message: `${code(name.value)} is first used here`, span: earlier.span }],
        help: "give each test its own name",
      });
    }
  }
}
