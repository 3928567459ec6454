/**
 * `textDocument/formatting` for `.policy` files: the canonical layout of
 * `policyc fmt`, as one edit of the whole document. A document with syntax
 * errors is left as it is, as `fmt` leaves such a file; so is one the
 * printer would change the meaning of (a printer bug, thrown to be logged).
 */
import type { TextEdit } from "vscode-languageserver/node.js";
import { formatPolicyText } from "../format-policy.js";
import { LineMap } from "./positions.js";

/** The edit that formats a `.policy` text, or none when it is formatted or cannot be read. */
export function formattingEdits(path: string, text: string): TextEdit[] {
  const result = formatPolicyText(path, text);
  if ("errors" in result || result.text === text) return [];
  return [{ range: new LineMap(text).fullRange(), newText: result.text }];
}
