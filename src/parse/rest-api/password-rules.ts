/**
 * The API's password rules under its default settings (PasswordValidator):
 * no minimum length and no regex, but a zxcvbn strength score of at least 3
 * (`plugins.security.restapi.password_score_based_validation_strength`,
 * default `strong`). policyc does not run zxcvbn; it says only what is
 * certain: zxcvbn's guess count for a password of n characters is at most
 * 10^n + 1 (brute force), below the 10^8 + 5 a score of 3 needs, so every
 * password of 8 characters or fewer is refused ("Weak password").
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { YamlMap } from "../yaml/yaml-nodes.js";
import { findEntry } from "../yaml/yaml-nodes.js";

/** The longest password that can never reach the default strength score. */
const ALWAYS_WEAK_LENGTH = 8;

/** The marker of the placeholder passwords `convert --to console|curl` writes. */
export const PLACEHOLDER_PASSWORD_PREFIX = "REPLACE-WITH-PASSWORD-OF-";

export function checkPassword(user: string, body: YamlMap, sink: DiagnosticSink): void {
  const password = findEntry(body, "password")?.value;
  if (password?.kind !== "scalar" || password.value === "") return;
  if (password.value.startsWith(PLACEHOLDER_PASSWORD_PREFIX)) {
    sink.report("PC2115", `the password of ${code(user)} is the placeholder a generated script writes`, password.span, {
      help: "replace it with the user's password (or give the user's bcrypt `hash`) before sending the request",
    });
    return;
  }
  if ([...password.value].length > ALWAYS_WEAK_LENGTH) return;
  sink.report("PC2108", `the API refuses this password under its default rules (400 Bad Request: Weak password): no password of ${ALWAYS_WEAK_LENGTH} characters or fewer reaches the strength score they require`, password.span, {
    help: "policyc applies the request as written; a cluster with `plugins.security.restapi.password_score_based_validation_strength: fair`, or a version before these rules, accepts weaker passwords",
  });
}
