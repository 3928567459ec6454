/**
 * Printed diagnostics stop at 1,000 of one code per file; the rest are
 * counted in one diagnostic at the first place left out, and the JSON
 * document's error and warning counts still count them all.
 */
import { describe, expect, it } from "vitest";
import { DiagnosticSink, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostics } from "../../src/diagnostics/format/format-diagnostics.js";
import { limitDiagnostics } from "../../src/diagnostics/limit-diagnostics.js";
import { SourceFile } from "../../src/diagnostics/source-file.js";

/** `count` PC3001 warnings, one per line of a file, and one PC2007 error on its first line. */
function flood(count: number): readonly Diagnostic[] {
  const file = new SourceFile("roles.yml", "x\n".repeat(count));
  const sink = new DiagnosticSink();
  sink.report("PC2007", "one error", { file, start: 0, end: 1 });
  for (let line = 0; line < count; line++) sink.report("PC3001", `unknown action on line ${line + 1}`, { file, start: line * 2, end: line * 2 + 1 });
  return sink.diagnostics;
}

describe("printed diagnostics", () => {
  it("keep every diagnostic of a code when a file has at most 1,000 of it", () => {
    expect(formatDiagnostics(flood(1000), "text").trimEnd().split("\n")).toHaveLength(1001);
  });

  it("show the first 1,000 of a code in a file and count the rest in one diagnostic at the first left out", () => {
    const lines = formatDiagnostics(flood(2500), "text").trimEnd().split("\n");
    expect(lines).toHaveLength(1002);
    expect(lines[1000]).toBe("roles.yml:1000:1: warning PC3001: unknown action on line 1000");
    expect(lines[1001]).toBe("roles.yml:1001:1: warning PC3001: 1,500 more `PC3001` diagnostics in this file are not shown: policyc prints the first 1,000 of a code per file");
  });

  it("still count every error and warning in the JSON document", () => {
    const document = JSON.parse(formatDiagnostics(flood(2500), "json")) as { diagnostics: unknown[]; errors: number; warnings: number };
    expect(document.diagnostics).toHaveLength(1002);
    expect([document.errors, document.warnings]).toEqual([1, 2500]);
  });

  it("count the rest with the most severe severity among them", () => {
    const file = new SourceFile("roles.yml", "xy");
    const sink = new DiagnosticSink();
    sink.report("PC3001", "shown", { file, start: 0, end: 1 });
    sink.report("PC3001", "left out", { file, start: 1, end: 2 });
    sink.report("PC3001", "left out too", { file, start: 1, end: 2 }, { severity: "error" });
    const shown = limitDiagnostics(sink.diagnostics, 1);
    expect(shown.map((d) => [d.severity, d.message])).toEqual([
      ["warning", "shown"],
      ["error", "2 more `PC3001` diagnostics in this file are not shown: policyc prints the first 1 of a code per file"],
    ]);
  });

  it("print every diagnostic when asked to", () => {
    expect(formatDiagnostics(flood(1500), "text", { shownPerFileAndCode: Infinity }).trimEnd().split("\n")).toHaveLength(1501);
  });
});
