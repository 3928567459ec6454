/**
 * A requests.jsonl with its expected.jsonl: one case per request, named by
 * its line, expecting the whole decision of the paired line.
 */
import { describe, expect, it } from "vitest";
import { formatLocation } from "../../src/diagnostics/source-file.js";
import { readRequestPairs } from "../../src/policy-test/read-request-pairs.js";

const REQUESTS = '{"user": {"name": "a"}, "action": "x"}\n\nnot json\n';
const DECISIONS = '{"decision":"allow","roles":["r"],"missing":[]}\n{"decision":"deny","error":"line 3: not valid JSON"}\n';

describe("request pairs", () => {
  const { cases, diagnostics } = readRequestPairs({ path: "d/requests.jsonl", text: REQUESTS }, { path: "d/expected.jsonl", text: DECISIONS });

  it("pair the non-blank lines in order, naming each case by its request line", () => {
    expect(diagnostics).toEqual([]);
    expect(cases.map((c) => [c.name, c.suite, formatLocation(c.span), c.requestLine])).toEqual([
      ["d/requests.jsonl:1", "d/requests.jsonl", "d/requests.jsonl:1:1", 1],
      ["d/requests.jsonl:3", "d/requests.jsonl", "d/requests.jsonl:3:1", 3],
    ]);
  });

  it("expect every field of the decision, and no reason, error or restrictions where the line has none", () => {
    const expected = (i: number) => Object.fromEntries(Object.entries(cases[i]!.expect).map(([field, value]) => [field, value!.value]));
    expect(expected(0)).toEqual({ decision: "allow", roles: ["r"], reason: null, missing: [], error: null, restrictions: null });
    expect(expected(1)).toEqual({ decision: "deny", reason: null, error: "line 3: not valid JSON", restrictions: null });
  });

  it("keep a request line that is not JSON, with the reason, for the runner to deny as check does", () => {
    expect(cases[1]!.request).toMatchObject({ kind: "unreadable-line", line: 3, reason: expect.stringMatching(/^not valid JSON \(/) });
  });
});

describe("request pairs that do not fit", () => {
  const read = (requests: string, decisions: string) => readRequestPairs({ path: "requests.jsonl", text: requests }, { path: "expected.jsonl", text: decisions });
  const messages = (requests: string, decisions: string) => read(requests, decisions).diagnostics.map((d) => `${formatLocation(d.span!)} ${d.code} ${d.message}`);

  it("are reported when the counts of lines differ", () => {
    expect(messages("{}\n{}\n", '{"decision":"deny"}\n')).toEqual(["expected.jsonl:1:1 PC2007 `expected.jsonl` holds 1 decisions for the 2 requests of `requests.jsonl`"]);
  });

  it("are reported at an expected line that is not a decision", () => {
    expect(messages("{}\n{}\n{}\n{}\n", 'nope\n[1]\n{"decision":"perhaps"}\n{"decision":"deny","extra":1}\n')).toEqual([
      expect.stringMatching(/^expected.jsonl:1:1 PC2001 the expected decision is not valid JSON \(/),
      "expected.jsonl:2:1 PC2007 the expected decision must be a JSON object, as `policyc check` prints it",
      "expected.jsonl:3:1 PC2007 the expected decision's `decision` must be `allow` or `deny`",
      "expected.jsonl:4:1 PC2007 the expected decision has an unknown field `extra`",
    ]);
    expect(read("{}\n", '{"decision":"deny"}\n').cases).toHaveLength(1);
  });

  it("give no cases at all when any line is wrong", () => {
    expect(read("{}\n{}\n", '{"decision":"deny"}\n{"decision":"deny","roles":"r"}\n').cases).toEqual([]);
  });
});
