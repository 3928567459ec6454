#!/usr/bin/env node
// Bundles policyc's table runtime (src/runtime/index.ts and every module it reaches) into one
// TypeScript text and its JavaScript transpilation, the decision logic the generated policy module
// embeds (src/emit/module/). Run by `npm run build` after tsc; writes
// dist/emit/module/runtime-bundle.json, which the emitter reads when it compiles a policy.
//
// The bundle is a plain concatenation in dependency order: import declarations are dropped and
// `export` modifiers removed, comments are kept. That is correct only when every module shares one
// top-level scope without renaming, so the script refuses, loudly, what would break that: a name
// declared at top level in two modules, `export *`, default exports, namespace or default imports,
// renamed imports or exports (`a as b`), imports of anything but a relative module of the tree, and
// a top-level name the generated module declares itself. Plain re-exports (`export { x } from
// "./y.js"`) are followed and dropped: the declaration they name is already in the bundle.
//
// Declarations that nothing exported by the entry reaches are left out (a constant the compiler
// shares with the runtime, say): the generated module must pass a consumer's `noUnusedLocals`.
//
// Two bundles are written: `lean`, from src/runtime/decider.ts (decisions only), which the module of
// a table compiled without provenance embeds, and `explaining`, from src/runtime/index.ts (with
// `explain`), for a table compiled with `--provenance`.
//
// Usage: node scripts/bundle-runtime.mjs [--check]   (--check compares with the written bundles)
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = "src/runtime/index.ts";
/** The entry of each bundle the generated module can embed. */
const ENTRIES = { lean: "src/runtime/decider.ts", explaining: ENTRY };
const OUTPUT = "dist/emit/module/runtime-bundle.json";
/** Where tsc put the list of names the generated module declares next to the bundle. */
const MODULE_NAMES = "dist/emit/module/module-names.js";

export class BundleError extends Error {}

/** Fails the build with the file and line of `node`. */
function refuse(file, node, message) {
  const { line } = file.source.getLineAndCharacterOfPosition(node.getStart(file.source));
  throw new BundleError(`${file.path}:${line + 1}: ${message}`);
}

/** The repository-relative path (with `/`) of the module a relative specifier names. */
function resolveSpecifier(file, node, specifier) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
    refuse(file, node, `the runtime may import only its own relative modules, not \`${specifier}\``);
  }
  if (!specifier.endsWith(".js")) refuse(file, node, `import \`${specifier}\` must end in \`.js\``);
  const path = posix.normalize(posix.join(posix.dirname(file.path), specifier.slice(0, -3) + ".ts"));
  if (!existsSync(join(file.root, path))) refuse(file, node, `\`${specifier}\` names no file (looked for \`${path}\`)`);
  return path;
}

function hasModifier(node, kind) {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** An edit that removes a whole statement, with the line break after it; leading comments stay. */
function removal(file, node) {
  let end = node.end;
  while (file.text[end] === " " || file.text[end] === "\t") end++;
  if (file.text[end] === "\r") end++;
  if (file.text[end] === "\n") end++;
  return { start: node.getStart(file.source), end };
}

/** An edit that removes the `export` keyword of a declaration and the blanks after it. */
function exportKeywordRemoval(file, node) {
  const keyword = ts.getModifiers(node).find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  let end = keyword.end;
  while (/\s/.test(file.text[end])) end++;
  return { start: keyword.getStart(file.source), end };
}

function checkImport(file, node) {
  const clause = node.importClause;
  if (clause?.name) refuse(file, node, "default imports cannot be bundled");
  const bindings = clause?.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) refuse(file, node, "namespace imports (`import * as`) cannot be bundled");
  for (const element of bindings?.elements ?? []) {
    if (element.propertyName) refuse(file, node, `renamed import \`${element.propertyName.text} as ${element.name.text}\` cannot be bundled`);
  }
}

function checkExportList(file, node) {
  if (!node.exportClause) refuse(file, node, "`export *` cannot be bundled");
  if (ts.isNamespaceExport(node.exportClause)) refuse(file, node, "`export * as` cannot be bundled");
  for (const element of node.exportClause.elements) {
    if (element.propertyName) refuse(file, node, `renamed export \`${element.propertyName.text} as ${element.name.text}\` cannot be bundled`);
  }
}

/** Top-level names a statement declares. */
function declaredNames(node) {
  if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap((d) => bindingNames(d.name));
  const named = ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node);
  return named && node.name ? [node.name.text] : [];
}

function bindingNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** The names of the types a declaration refers to (`Foo`, `Foo<…>`, `extends Foo`, `typeof foo`). */
function referencedNames(node) {
  const names = new Set();
  const visit = (child) => {
    if (ts.isTypeReferenceNode(child) && ts.isIdentifier(child.typeName)) names.add(child.typeName.text);
    if (ts.isExpressionWithTypeArguments(child) && ts.isIdentifier(child.expression)) names.add(child.expression.text);
    if (ts.isTypeQueryNode(child) && ts.isIdentifier(child.exprName)) names.add(child.exprName.text);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return [...names].sort();
}

/**
 * An interface or type alias as a declaration file states it: its JSDoc, and the declaration
 * without `export`. A JSDoc comment separated from the declaration by a blank line documents the
 * file, not the declaration.
 */
function typeDeclaration(file, node) {
  const last = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).at(-1);
  const line = (position) => file.source.getLineAndCharacterOfPosition(position).line;
  const documents = last !== undefined && line(node.getStart(file.source)) - line(last.end) <= 1;
  const doc = documents ? file.text.slice(last.getStart(file.source), last.end) : "";
  const start = hasModifier(node, ts.SyntaxKind.ExportKeyword) ? exportKeywordRemoval(file, node).end : node.getStart(file.source);
  return { doc, text: file.text.slice(start, node.end), references: referencedNames(node) };
}

/** Where a statement's leading comments (its JSDoc) begin, or the statement itself when it has none. */
function leadingCommentStart(file, node) {
  const comments = ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? [];
  return comments.length > 0 ? comments[0].pos : node.getStart(file.source);
}

/** Every identifier a statement mentions besides the names it declares: what keeping it requires. */
function mentionedNames(node, own) {
  const names = new Set();
  const visit = (child) => {
    if (ts.isIdentifier(child) && !own.includes(child.text)) names.add(child.text);
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return names;
}

/**
 * The top-level names the entry's exports reach, through every declaration that mentions them.
 * A statement declaring nothing (none today) is always kept, and so is everything it mentions.
 */
function reachableNames(modules, entry) {
  const byName = new Map(modules.flatMap((m) => m.declarations.flatMap((d) => d.names.map((name) => [name, d]))));
  const pending = [...modules.find((m) => m.path === entry).exported];
  for (const m of modules) for (const d of m.declarations) if (d.names.length === 0) pending.push(...d.mentions);
  const reached = new Set();
  while (pending.length) {
    const name = pending.pop();
    if (reached.has(name) || !byName.has(name)) continue;
    reached.add(name);
    pending.push(...byName.get(name).mentions);
  }
  return reached;
}

/** The module's edits: imports and exports dropped, `export` keywords removed, dead declarations left out. */
function bundleEdits(module, reached) {
  const edits = [...module.edits];
  for (const d of module.declarations) {
    if (d.names.length > 0 && !d.names.some((name) => reached.has(name))) edits.push(d.whole);
    else if (d.exportEdit) edits.push(d.exportEdit);
  }
  return edits;
}

/** Reads one module: its dependencies in order, the edits that make it bundleable, its top-level names. */
function analyze(root, path) {
  const text = readFileSync(join(root, path), "utf8").replace(/\r\n/g, "\n");
  const file = { root, path, text, source: ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS) };
  const result = { path, text, dependencies: [], edits: [], names: new Set(), types: new Map(), declarations: [], exported: new Set() };
  for (const node of file.source.statements) {
    if (ts.isImportDeclaration(node)) {
      checkImport(file, node);
      result.dependencies.push(resolveSpecifier(file, node, node.moduleSpecifier.text));
      result.edits.push(removal(file, node));
    } else if (ts.isExportDeclaration(node)) {
      checkExportList(file, node);
      for (const element of node.exportClause.elements) result.exported.add(element.name.text);
      if (node.moduleSpecifier) result.dependencies.push(resolveSpecifier(file, node, node.moduleSpecifier.text));
      result.edits.push(removal(file, node));
    } else if (ts.isExportAssignment(node) || hasModifier(node, ts.SyntaxKind.DefaultKeyword)) {
      refuse(file, node, "default exports cannot be bundled");
    } else if (ts.isImportEqualsDeclaration(node)) {
      refuse(file, node, "`import … =` cannot be bundled");
    } else {
      const names = declaredNames(node);
      const exported = hasModifier(node, ts.SyntaxKind.ExportKeyword);
      if (exported) names.forEach((name) => result.exported.add(name));
      result.declarations.push({
        names,
        mentions: mentionedNames(node, names),
        whole: { start: leadingCommentStart(file, node), end: removal(file, node).end },
        exportEdit: exported ? exportKeywordRemoval(file, node) : undefined,
      });
      for (const name of names) result.names.add(name);
      if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) result.types.set(node.name.text, typeDeclaration(file, node));
    }
  }
  return result;
}

/** Every module reachable from the entry, each after the modules it imports (depth-first, in import order). */
function modulesInDependencyOrder(root, entry) {
  const ordered = [];
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const module = analyze(root, path);
    for (const dependency of module.dependencies) visit(dependency);
    ordered.push(module);
  };
  visit(entry);
  return ordered;
}

function applyEdits(text, edits) {
  let out = text;
  for (const { start, end } of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, start) + out.slice(end);
  return out;
}

/** Refuses a top-level name declared by two modules, or by a module and the generated module. */
function checkNames(modules, reservedNames) {
  const owner = new Map();
  for (const module of modules) {
    for (const name of module.names) {
      if (owner.has(name)) {
        throw new BundleError(`top-level name \`${name}\` is declared in both ${owner.get(name)} and ${module.path}; the bundle shares one scope, rename one`);
      }
      if (reservedNames.has(name)) {
        throw new BundleError(`${module.path}: top-level name \`${name}\` is declared by the generated module itself (src/emit/module/module-names.ts); rename it`);
      }
      owner.set(name, module.path);
    }
  }
  return [...owner.keys()].sort();
}

function transpile(typeScript) {
  const output = ts.transpileModule(typeScript, {
    fileName: "runtime-bundle.ts",
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false, newLine: ts.NewLineKind.LineFeed },
  });
  const errors = output.diagnostics ?? [];
  if (errors.length) throw new BundleError(`the bundle does not transpile: ${ts.flattenDiagnosticMessageText(errors[0].messageText, " ")}`);
  return output.outputText;
}

/**
 * The bundle of `entry` (a path relative to `root`): TypeScript and JavaScript texts, the modules
 * in order, the top-level names and the type declarations. @throws BundleError
 */
export function bundleRuntime({ root = ROOT, entry = ENTRY, reservedNames = new Set() } = {}) {
  const modules = modulesInDependencyOrder(root, entry);
  checkNames(modules, reservedNames);
  const reached = reachableNames(modules, entry);
  const topLevelNames = [...reached].sort();
  const typeScript = modules.map((m) => `// ----- ${m.path}\n\n${applyEdits(m.text, bundleEdits(m, reached)).trim()}\n`).join("\n");
  const typeDeclarations = Object.fromEntries(modules.flatMap((m) => [...m.types]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { entry, modules: modules.map((m) => m.path), typeScript, javaScript: transpile(typeScript), topLevelNames, typeDeclarations };
}

/** Both bundles of the runtime, by name (see ENTRIES). @throws BundleError */
export function bundleRuntimes({ root = ROOT, reservedNames = new Set() } = {}) {
  return Object.fromEntries(Object.entries(ENTRIES).map(([name, entry]) => [name, bundleRuntime({ root, entry, reservedNames })]));
}

async function main() {
  const names = await import(pathToFileURL(join(ROOT, MODULE_NAMES)).href);
  const text = JSON.stringify(bundleRuntimes({ reservedNames: new Set(names.MODULE_TOP_LEVEL_NAMES) }), null, 2) + "\n";
  const target = join(ROOT, OUTPUT);
  if (process.argv.includes("--check")) {
    const current = existsSync(target) ? readFileSync(target, "utf8") : "";
    if (current !== text) throw new BundleError(`${OUTPUT} is not current with src/runtime: run \`npm run build\``);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
  const { lean, explaining } = JSON.parse(text);
  const sizes = `${lean.modules.length} modules without explain, ${explaining.modules.length} with it`;
  process.stdout.write(`${relative(ROOT, target).split(sep).join("/")}: runtime bundles of ${sizes}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`bundle-runtime: ${error instanceof BundleError ? error.message : error.stack}\n`);
    process.exit(1);
  });
}
