/**
 * `policyc diff --format text`: one block per role, principal and setting
 * change, each change marked `+` (gives access), `-` (takes it away), `±`
 * (both) or `·` (neither).
 */
import { describePrincipal, describeRole, roleEffects, describeSetting, effectWords, summaryCounts, type DescribedChange, type DescribedSection } from "./describe.js";
import type { Effect, PolicyDiff } from "./model.js";
import { location } from "../who-can-text.js";

const MARKS: Readonly<Record<Effect, string>> = { broadening: "+", narrowing: "-", both: "±", none: "·" };

export function renderDiffText(diff: PolicyDiff): string {
  const notes = diff.notes.map((note) => `note: ${note}`);
  if (diff.roles.length + diff.principals.length + diff.settings.length === 0) return ["no access changes", ...notes, ""].join("\n");
  const lines = [`access diff: ${effectWords(diff.effect)} (${summaryCounts(diff)})`];
  for (const role of diff.roles) lines.push("", ...sectionLines(describeRole(role)));
  const effects = roleEffects(diff);
  for (const principal of diff.principals) lines.push("", ...sectionLines(describePrincipal(principal, effects)));
  if (diff.settings.length > 0) lines.push("", "settings", ...diff.settings.map((setting) => changeLine(describeSetting(setting))));
  if (notes.length > 0) lines.push("", ...notes);
  return lines.join("\n") + "\n";
}

function sectionLines(section: DescribedSection): string[] {
  const at = section.at !== undefined ? ` (${location(section.at)})` : "";
  return [`${section.title}: ${effectWords(section.effect)}${at}`, ...section.changes.map(changeLine)];
}

function changeLine(change: DescribedChange): string {
  return `  ${MARKS[change.effect]} ${change.text}`;
}
