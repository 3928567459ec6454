import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../src/diagnostics/diagnostic.js";
import type { ActionGroup } from "../../src/model/types.js";
import { expandActions, resolveActionGroups } from "../../src/resolve/resolve-action-groups.js";

const group = (name: string, ...actions: string[]): ActionGroup => ({
  name: { value: name },
  allowedActions: actions.map((value) => ({ value })),
  reserved: false,
  hidden: false,
  static: false,
});

describe("resolveActionGroups", () => {
  it("expands nested groups recursively by exact name", () => {
    const index = resolveActionGroups([group("a", "b", "x:1"), group("b", "c"), group("c", "x:3")], new DiagnosticSink());
    expect(index.flattened.get("a")).toEqual(["b", "c", "x:1", "x:3"]);
  });

  it("gives every member of a cycle the union of the cycle and warns once", () => {
    const sink = new DiagnosticSink();
    const index = resolveActionGroups([group("a", "b", "x:a"), group("b", "c", "x:b"), group("c", "a", "x:c")], sink);
    for (const name of ["a", "b", "c"]) expect(index.flattened.get(name)).toEqual(["a", "b", "c", "x:a", "x:b", "x:c"]);
    expect(sink.diagnostics.map((d) => [d.code, d.message])).toEqual([["PC3002", "action groups form a cycle: `a` → `b` → `c` → `a`"]]);
  });

  it("warns about a group that includes itself", () => {
    const sink = new DiagnosticSink();
    resolveActionGroups([group("self", "self", "x:1")], sink);
    expect(sink.diagnostics.map((d) => d.code)).toEqual(["PC3002"]);
  });

  it("keeps a name that is not a group as a literal action pattern", () => {
    const index = resolveActionGroups([group("a", "my_reed")], new DiagnosticSink());
    expect(expandActions([{ value: "a" }, { value: "unknown" }], index)).toEqual(["a", "my_reed", "unknown"]);
  });
});
