/**
 * Which plugin's configuration a set of YAML files is: Search Guard's files
 * are named `sg_*.yml`, OpenSearch Security's `roles.yml` & co.; a file whose
 * name belongs to both (static_*.yml) says it with its meta block (`_sg_meta`
 * or `_meta`), and the node settings file says nothing. One policy is read
 * with one flavor's rules, so files of both are an error.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import { SourceFile, spanOf, type SourceSpan } from "../../diagnostics/source-file.js";
import type { Flavor } from "../../model/types.js";
import { baseName, flavorOfFileName } from "./config-kinds.js";

export interface FlavorSource {
  readonly path: string;
  readonly text: string;
}

/** What each flavor is called in messages. */
export const FLAVOR_NAMES: Readonly<Record<Flavor, string>> = { opensearch: "OpenSearch Security", searchguard: "Search Guard" };

/** The flavor one file says, by its name or else by its top-level meta block; undefined when it says none. */
export function flavorOfFile(source: FlavorSource): Flavor | undefined {
  const byName = flavorOfFileName(source.path);
  if (byName !== undefined) return byName;
  if (/^_sg_meta\s*:/m.test(source.text)) return "searchguard";
  if (/^_meta\s*:/m.test(source.text)) return "opensearch";
  return undefined;
}

export interface FlavorChoice<T extends FlavorSource> {
  readonly flavor: Flavor;
  /** The files to read with that flavor's rules: the others were reported. */
  readonly files: readonly T[];
}

/**
 * The flavor to read the files with: `named` when given (files of the other
 * flavor are errors), else the one the files say (OpenSearch's when none
 * says one). Files of both flavors are an error; the flavor most files say
 * is kept (OpenSearch's on a tie) and the others are left unread, so that
 * nothing else is reported about them.
 */
export function chooseFlavor<T extends FlavorSource>(files: readonly T[], sink: DiagnosticSink, named?: Flavor): FlavorChoice<T> {
  const said = files.map((file) => ({ file, flavor: flavorOfFile(file) }));
  const of = (flavor: Flavor): T[] => said.filter((entry) => entry.flavor === flavor).map((entry) => entry.file);
  const searchguard = of("searchguard");
  const opensearch = of("opensearch");
  if (named !== undefined) {
    const other = named === "searchguard" ? opensearch : searchguard;
    for (const file of other) reportNamedMismatch(file, named, sink);
    return { flavor: named, files: files.filter((file) => !other.includes(file)) };
  }
  if (searchguard.length === 0 || opensearch.length === 0) {
    return { flavor: searchguard.length > 0 ? "searchguard" : "opensearch", files };
  }
  const flavor: Flavor = searchguard.length > opensearch.length ? "searchguard" : "opensearch";
  const left = flavor === "searchguard" ? opensearch : searchguard;
  reportMixed(opensearch, searchguard, left[0]!, sink);
  return { flavor, files: files.filter((file) => !left.includes(file)) };
}

function reportNamedMismatch(file: FlavorSource, named: Flavor, sink: DiagnosticSink): void {
  const flavor: Flavor = named === "searchguard" ? "opensearch" : "searchguard";
  const article = flavor === "opensearch" ? "an" : "a";
  const message = `${code(baseName(file.path))} is ${article} ${FLAVOR_NAMES[flavor]} file, but the flavor is ${code(named)}; it is not read`;
  sink.report("PC5007", message, startOf(file), { help: `give only ${FLAVOR_NAMES[named]} files, or name the flavor ${code(flavor)}` });
}

function reportMixed(opensearch: readonly FlavorSource[], searchguard: readonly FlavorSource[], at: FlavorSource, sink: DiagnosticSink): void {
  const message =
    `the configuration mixes OpenSearch Security files (${names(opensearch)}) and Search Guard files (${names(searchguard)}); ` +
    "a policy is read with one plugin's rules";
  sink.report("PC5007", message, startOf(at), {
    help: "keep one flavor's files in the directory (`policyc convert <dir> --to opensearch` migrates a Search Guard configuration)",
  });
}

/** At most three base names, then how many more. */
function names(files: readonly FlavorSource[]): string {
  const shown = files.slice(0, 3).map((file) => code(baseName(file.path)));
  return files.length > 3 ? `${shown.join(", ")} and ${files.length - 3} more` : shown.join(", ");
}

function startOf(file: FlavorSource): SourceSpan {
  return spanOf(new SourceFile(file.path, file.text), 0);
}
