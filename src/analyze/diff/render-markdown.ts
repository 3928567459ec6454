/**
 * `policyc diff --format markdown`, for a pull-request comment: a summary
 * line, a heading per role and per principal with a list of its changes,
 * and a table of the settings. Deterministic: the diff is sorted already.
 */
import { describePrincipal, describeRole, roleEffects, describeSetting, effectWords, settingValue, summaryCounts, type DescribedChange, type DescribedSection } from "./describe.js";
import type { Effect, PolicyDiff } from "./model.js";
import { location } from "../who-can-text.js";

const LABELS: Readonly<Record<Effect, string>> = { broadening: "**broadening**", narrowing: "narrowing", both: "**broadening and narrowing**", none: "no access change" };

export function renderDiffMarkdown(diff: PolicyDiff): string {
  const lines = ["## Access changes", ""];
  const notes = diff.notes.map((note) => `> ${capitalized(note)}.`);
  if (diff.roles.length + diff.principals.length + diff.settings.length === 0) return [...lines, "No access changes.", ...(notes.length > 0 ? ["", ...notes] : []), ""].join("\n");
  lines.push(`${capitalized(effectWords(diff.effect))}: ${summaryCounts(diff)}.`);
  if (diff.roles.length > 0) {
    lines.push("", "### Roles");
    for (const role of diff.roles) lines.push("", ...sectionLines(describeRole(role)));
  }
  if (diff.principals.length > 0) {
    lines.push("", "### Principals");
    const effects = roleEffects(diff);
    for (const principal of diff.principals) lines.push("", ...sectionLines(describePrincipal(principal, effects)));
  }
  if (diff.settings.length > 0) {
    lines.push("", "### Settings", "", "| setting | before | after | effect |", "| --- | --- | --- | --- |");
    for (const setting of diff.settings) {
      lines.push(`| \`${setting.setting}\` | ${cell(settingValue(setting.before))} | ${cell(settingValue(setting.after))} | ${LABELS[describeSetting(setting).effect]} |`);
    }
  }
  if (notes.length > 0) lines.push("", ...notes);
  return lines.join("\n") + "\n";
}

function sectionLines(section: DescribedSection): string[] {
  const at = section.at !== undefined ? ` — \`${location(section.at)}\`` : "";
  return [`#### ${capitalized(section.title)}`, "", `${LABELS[section.effect]}${at}`, "", ...section.changes.map(changeItem)];
}

/** A list item; a change that gives and takes nothing goes without a label. */
function changeItem(change: DescribedChange): string {
  return change.effect === "none" ? `- ${oneLine(change.text)}` : `- ${LABELS[change.effect]}: ${oneLine(change.text)}`;
}

/** Text safe inside a table cell: pipes escaped, on one line. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, "\\|");
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, " ");
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
