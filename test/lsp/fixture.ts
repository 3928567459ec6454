/**
 * Files for the language server tests: a scratch directory written to disk
 * (the server reads siblings and imports from there) and the LSP range of a
 * piece of text, computed independently of the server (lines split on every
 * LSP line break, characters counted in UTF-16 code units).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { LspRange } from "../helpers/lsp-client.js";

export interface Scratch {
  readonly dir: string;
  path(name: string): string;
  uri(name: string): string;
  remove(): void;
}

export function scratchDirectory(files: Readonly<Record<string, string>>): Scratch {
  const dir = mkdtempSync(join(tmpdir(), "policyc-lsp-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return {
    dir,
    path: (name) => join(dir, name),
    uri: (name) => pathToFileURL(join(dir, name)).href,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The range of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): LspRange {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`\`${needle}\` occurs fewer than ${occurrence + 1} times`);
  }
  return { start: positionOf(text, offset), end: positionOf(text, offset + needle.length) };
}

/** The position right after the `occurrence`-th appearance of `needle` (where a cursor stands after typing it). */
export function positionAfter(text: string, needle: string, occurrence = 0): LspRange["start"] {
  return rangeOf(text, needle, occurrence).end;
}

/** The position inside the `occurrence`-th appearance of `needle`, one character in. */
export function positionIn(text: string, needle: string, occurrence = 0): LspRange["start"] {
  const { start } = rangeOf(text, needle, occurrence);
  return { line: start.line, character: start.character + 1 };
}

function positionOf(text: string, offset: number): LspRange["start"] {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
