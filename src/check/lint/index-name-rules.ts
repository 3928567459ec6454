/**
 * OpenSearch's rules for index, alias and data stream names
 * (MetadataCreateIndexService.validateIndexOrAliasName and validateIndexName)
 * applied to the names an index pattern can match: no `\ / * ? " < > |`,
 * space, `,` or `#`; not starting with `_`, `-` or `+`; not `.` or `..`; at
 * most 255 bytes of UTF-8. Indices and data streams are lowercase, aliases
 * need not be (and the plugin grants an index through its aliases).
 *
 * `:` is left alone although local names may not hold it: cross-cluster
 * patterns (`*:.tasks`) are written with it, the plugin's own roles included.
 * Date math (`<logs-{now/d}>`) and `/regex/` patterns are not judged; in a
 * `${…}` template only the text outside the placeholders is, since a value
 * may render to anything.
 */
import { isRegexPattern, isTemplate } from "../../patterns/pattern.js";

export interface IndexNameProblem {
  /** Why no name matches, completing "can never match …: ". */
  readonly reason: string;
  /** Only the lowercase rule fails: an alias (not an index or data stream) may still match. */
  readonly aliasOnly: boolean;
  readonly suggestion?: string;
  readonly help?: string;
}

/** ASCII text no rule objects to (checked first: almost every pattern is such). */
const PLAINLY_VALID = /^[a-z0-9.*?][a-z0-9._*?+-]{0,254}$/;
const FORBIDDEN = new Set(["\\", "/", '"', "<", ">", "|", " ", ",", "#"]);
const FORBIDDEN_FIRST = new Set(["_", "-", "+"]);
const MAX_NAME_BYTES = 255;

/** Why an index pattern can match no valid name, or undefined when it can (or cannot be judged). */
export function indexNameProblem(pattern: string): IndexNameProblem | undefined {
  if ((PLAINLY_VALID.test(pattern) && pattern !== "." && pattern !== "..") || pattern.trim() === "" || isRegexPattern(pattern) || (pattern.startsWith("<") && pattern.endsWith(">"))) return undefined;
  if (isTemplate(pattern)) return templateProblem(pattern);
  const literals = [...pattern].filter((c) => c !== "*" && c !== "?");
  return (
    characterProblem(literals, pattern) ??
    firstCharacterProblem(pattern) ??
    dotsProblem(pattern) ??
    lengthProblem(literals, pattern) ??
    caseProblem(literals, pattern.toLowerCase())
  );
}

/** A template renders to its literal text with values in between: the literal text alone decides. */
function templateProblem(template: string): IndexNameProblem | undefined {
  // A template that starts with `/` may render to a regex, whose text follows other rules.
  if (template.startsWith("/")) return undefined;
  const literals = literalText(template).filter((c) => c !== "*" && c !== "?");
  return characterProblem(literals, template) ?? firstCharacterProblem(template) ?? caseProblem(literals, undefined);
}

/** The characters of a template outside its `${…}` placeholders (which nest). */
function literalText(template: string): string[] {
  const literals: string[] = [];
  let depth = 0;
  for (let i = 0; i < template.length; i++) {
    if (template.startsWith("${", i)) {
      depth++;
      i++;
    } else if (template[i] === "}" && depth > 0) depth--;
    else if (depth === 0) literals.push(template[i]!);
  }
  return literals;
}

function characterProblem(literals: readonly string[], pattern: string): IndexNameProblem | undefined {
  const forbidden = literals.find((c) => FORBIDDEN.has(c));
  if (forbidden === undefined) return undefined;
  const help = forbidden === "," || (forbidden === " " && pattern.includes(",")) ? "write each index pattern as its own entry of the list" : undefined;
  return { reason: `names may not contain \`${forbidden}\``, aliasOnly: false, ...(help ? { help } : {}) };
}

function firstCharacterProblem(pattern: string): IndexNameProblem | undefined {
  const first = pattern[0]!;
  if (!FORBIDDEN_FIRST.has(first)) return undefined;
  const suggestion = pattern === "_all" ? "*" : undefined;
  return { reason: `names may not start with \`${first}\``, aliasOnly: false, ...(suggestion ? { suggestion } : {}) };
}

function dotsProblem(pattern: string): IndexNameProblem | undefined {
  return pattern === "." || pattern === ".." ? { reason: "`.` and `..` are not valid names", aliasOnly: false } : undefined;
}

/** The shortest name a glob matches has its literal characters and one character per `?`. */
function lengthProblem(literals: readonly string[], pattern: string): IndexNameProblem | undefined {
  const questionMarks = [...pattern].filter((c) => c === "?").length;
  const bytes = literals.reduce((sum, c) => sum + utf8Length(c), 0) + questionMarks;
  return bytes > MAX_NAME_BYTES ? { reason: `names are at most ${MAX_NAME_BYTES} bytes long, and every name it matches has at least ${bytes}`, aliasOnly: false } : undefined;
}

/** The UTF-8 length of one code point. */
function utf8Length(character: string): number {
  const point = character.codePointAt(0)!;
  return point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
}

function caseProblem(literals: readonly string[], lowercased: string | undefined): IndexNameProblem | undefined {
  if (!literals.some((c) => c.toLowerCase() !== c)) return undefined;
  return { reason: "their names are lowercase", aliasOnly: true, ...(lowercased !== undefined ? { suggestion: lowercased } : {}) };
}
