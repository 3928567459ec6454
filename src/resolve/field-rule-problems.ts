/**
 * What the plugin refuses in FLS fields and masked field expressions when
 * its roles load (FieldPrivileges.FlsPattern, FieldMasking.FieldMaskingExpression).
 * A refused expression throws while the role's rules are built, and the
 * plugin then ignores that role's rules of that kind from that entry on
 * ("Ignoring role"), which policyc does not model: they are errors.
 *
 * - FLS: `f`, `~f` or `!f`, where `f` is a field pattern (WildcardMatcher):
 *   an invalid `/regex/` is refused ("Invalid FLS pattern").
 * - Masks, split on `::`: `field`; `field::algorithm`, where the algorithm
 *   must be a MessageDigest the JVM provides; `field::/regex/::replacement`
 *   with any number of regex/replacement pairs, each regex wrapped in `/…/`
 *   and valid; any other count of parts is refused. The field is a pattern.
 *
 * A blank field matches no field: an FLS inclusion of it hides everything
 * else, an exclusion or mask of it does nothing. That is allowed, and worth a
 * warning.
 */
import { code } from "../diagnostics/message-text.js";
import { parsePattern } from "../patterns/pattern.js";

/** A problem and whether the plugin refuses it (`error`) or it is only suspicious (`warning`). */
export interface FieldRuleProblem {
  readonly severity: "error" | "warning";
  readonly code: "PC6005" | "PC6006" | "PC6007" | "PC6008";
  readonly message: string;
}

/**
 * The JDK's MessageDigest algorithms (SUN provider), upper case: names are
 * looked up case-insensitively. A security provider may add others, so an
 * algorithm outside this list is only warned about.
 */
const JDK_DIGESTS = new Set([
  "MD2",
  "MD5",
  "SHA",
  "SHA1",
  "SHA-1",
  "SHA224",
  "SHA-224",
  "SHA256",
  "SHA-256",
  "SHA384",
  "SHA-384",
  "SHA512",
  "SHA-512",
  "SHA512/224",
  "SHA-512/224",
  "SHA512/256",
  "SHA-512/256",
  "SHA3-224",
  "SHA3-256",
  "SHA3-384",
  "SHA3-512",
]);

/** What is wrong with one FLS field, if anything. */
export function flsFieldProblem(field: string): FieldRuleProblem | undefined {
  const pattern = field.startsWith("~") || field.startsWith("!") ? field.slice(1) : field;
  return fieldPatternProblem(pattern, "PC6005", "FLS field");
}

/** What is wrong with one masked field expression, if anything. */
export function maskedFieldProblem(expression: string): FieldRuleProblem | undefined {
  const parts = expression.split("::");
  const field = fieldPatternProblem(parts[0]!, "PC6006", "masked field");
  if (field !== undefined) return field;
  if (parts.length === 1) return undefined;
  if (parts.length === 2) return algorithmProblem(parts[1]!);
  if (parts.length % 2 === 0) {
    return error("PC6006", "has the form of none of `field`, `field::algorithm`, `field::/regex/::replacement`, `field::(/regex/::replacement)+`");
  }
  for (let i = 1; i < parts.length; i += 2) {
    const problem = replacementRegexProblem(parts[i]!);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function fieldPatternProblem(pattern: string, problemCode: "PC6005" | "PC6006", what: string): FieldRuleProblem | undefined {
  if (pattern.trim() === "") return { severity: "warning", code: "PC6008", message: `names a blank ${what}, which matches no field` };
  const parsed = parsePattern(pattern);
  return parsed.kind === "none" ? error(problemCode, `has a ${what} pattern the plugin cannot read (${parsed.reason ?? "invalid pattern"})`) : undefined;
}

function algorithmProblem(algorithm: string): FieldRuleProblem | undefined {
  if (algorithm.startsWith("/") && algorithm.endsWith("/")) {
    return error("PC6006", "has a regex without a replacement (`field::/regex/::replacement`); the plugin reads it as an algorithm name and refuses it");
  }
  if (JDK_DIGESTS.has(algorithm.toUpperCase())) return undefined;
  return { severity: "warning", code: "PC6007", message: `names the digest algorithm ${code(algorithm)}, which the JDK does not provide; the plugin refuses it unless a security provider does` };
}

function replacementRegexProblem(regex: string): FieldRuleProblem | undefined {
  if (regex.length < 2 || !regex.startsWith("/") || !regex.endsWith("/")) return error("PC6006", `has the regex ${code(regex)}, which is not wrapped in \`/…/\``);
  const parsed = parsePattern(regex);
  return parsed.kind === "none" ? error("PC6006", `has the regex ${code(regex)}, which is not a valid Java regex (${parsed.reason ?? "invalid"})`) : undefined;
}

function error(problemCode: FieldRuleProblem["code"], message: string): FieldRuleProblem {
  return { severity: "error", code: problemCode, message };
}
