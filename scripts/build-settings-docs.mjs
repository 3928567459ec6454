#!/usr/bin/env node
// Regenerates, from the settings catalog (src/model/settings.ts) through the built compiler, the settings
// table of README.md (between `<!-- settings:begin -->` and `<!-- settings:end -->`) and
// schemas/opensearch-settings.schema.json. Run `npm run build` first; `npm run docs` does both.
// A test fails when the committed README section or schema differs from what the catalog gives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../dist/cli/write-atomic.js";
import { opensearchSettingsSchemaText, withSettingsSection } from "../dist/model/settings-docs.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const readme = join(root, "README.md");
const outputs = [
  ["README.md", withSettingsSection(readFileSync(readme, "utf8"))],
  ["schemas/opensearch-settings.schema.json", opensearchSettingsSchemaText()],
];
for (const [path, text] of outputs) {
  writeFileAtomic(join(root, path), text);
  process.stdout.write(`${path}\n`);
}
