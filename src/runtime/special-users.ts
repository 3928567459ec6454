/**
 * Users the plugin treats specially by name or attribute (User.isPluginUser,
 * User.isServiceAccount); see docs/semantics/evaluation.md §8.
 */
import type { NormalizedUser } from "./request.js";

/** Plugin users get no mapped roles and act only through their plugin's own permissions. */
export function isPluginUser(user: NormalizedUser): boolean {
  return user.name.startsWith("plugin:");
}

/** Service accounts may not run cluster actions, nor touch regular indices with system index permissions on. */
export function isServiceAccount(user: NormalizedUser): boolean {
  return user.attributes["attr.internal.service"] === "true";
}
