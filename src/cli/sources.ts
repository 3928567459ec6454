/** Turns a command's policy argument into the programmatic API's input. */
import type { CompileInput } from "../index.js";
import { CliError } from "./exit-codes.js";
import { readPolicyInput, readText } from "./read-input.js";

export function readCompileInput(path: string, settingsPath: string | undefined): CompileInput {
  const input = readPolicyInput(path);
  if (input.kind === "table") throw new CliError(`\`${path}\` is a compiled decision table; give the policy's sources instead`);
  return { files: input.files, ...(settingsPath !== undefined ? { settings: readText(settingsPath) } : {}) };
}
