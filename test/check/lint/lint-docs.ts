/**
 * Reads the rule sections of docs/lint-rules.md: for each `## PCxxxx`
 * heading, the files of the example that fires (under `#### Fires`), the
 * output it prints (the `text` block there) and the files of the fix (under
 * `#### Fix`; files the fix does not show stay as they were).
 *
 * A file is a `yaml` or `policy` block whose first line is `# <file name>`.
 * YAML configuration files get their `_meta` block appended at the end, so
 * that the lines printed in the docs are the lines shown.
 */
import { readFileSync } from "node:fs";
import { validate, type Diagnostic } from "../../../src/index.js";

export const LINT_DOCS = "docs/lint-rules.md";

export interface RuleExample {
  readonly code: string;
  readonly fires: Readonly<Record<string, string>>;
  readonly output: string;
  readonly fix: Readonly<Record<string, string>>;
}

const META_TYPES: Readonly<Record<string, string>> = {
  "roles.yml": "roles",
  "roles_mapping.yml": "rolesmapping",
  "action_groups.yml": "actiongroups",
  "internal_users.yml": "internalusers",
  "tenants.yml": "tenants",
};

export function readLintDocs(): string {
  return readFileSync(LINT_DOCS, "utf8");
}

/** The `## PCxxxx` sections of the docs, in order. */
export function ruleExamples(docs: string): RuleExample[] {
  return docs
    .split(/^## /m)
    .slice(1)
    .filter((section) => /^PC\d{4}\b/.test(section))
    .map((section) => {
      const code = section.slice(0, 6);
      const [, afterFires = ""] = section.split(/^#### Fires\s*$/m);
      const [firesPart = "", fixPart = ""] = afterFires.split(/^#### Fix\s*$/m);
      const fires = filesOf(firesPart);
      return { code, fires, output: textBlock(firesPart), fix: { ...fires, ...filesOf(fixPart) } };
    });
}

function blocks(markdown: string, languages: readonly string[]): { language: string; body: string }[] {
  const found: { language: string; body: string }[] = [];
  for (const match of markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (languages.includes(match[1]!)) found.push({ language: match[1]!, body: match[2]! });
  }
  return found;
}

function filesOf(markdown: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const { body } of blocks(markdown, ["yaml", "policy"])) {
    const [first = "", ...rest] = body.split("\n");
    const name = /^# (\S+)$/.exec(first)?.[1];
    if (name !== undefined) files[name] = rest.join("\n");
  }
  return files;
}

function textBlock(markdown: string): string {
  return blocks(markdown, ["text"])[0]?.body ?? "";
}

/** The diagnostics of an example's files, `_meta` appended to each configuration file. */
export function diagnosticsOfExample(files: Readonly<Record<string, string>>): readonly Diagnostic[] {
  const inputs = Object.entries(files).map(([path, text]) => {
    const type = META_TYPES[path];
    return { path, text: type === undefined ? text : `${text}_meta:\n  type: "${type}"\n  config_version: 2\n` };
  });
  return validate({ files: inputs }).diagnostics;
}
