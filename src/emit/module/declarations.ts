/**
 * policy.d.ts: the types of policy.js, for projects that use the JavaScript
 * module. The request and decision types are the runtime's own declarations
 * (taken from the bundle, with what they refer to); the policy's types and
 * the functions are written by the same code as in policy.ts.
 */
import { CodeWriter } from "./code-writer.js";
import { generatedHeader } from "./header.js";
import { writeApiDeclarations } from "./module-api.js";
import { runtimeApiTypes, writePolicyTypes } from "./policy-types.js";
import { typeDeclarationsOf, type RuntimeBundle } from "./runtime-bundle.js";
import { runtimeBundleOf, type ModuleSource } from "./typescript-module.js";

export function emitDeclarations(source: ModuleSource, runtime: RuntimeBundle = runtimeBundleOf(source)): string {
  const w = new CodeWriter();
  w.line(generatedHeader(source.sources));
  w.line("//");
  w.line("// The types of policy.js, the module that decides requests for this policy as `policyc check` does.");
  for (const declaration of typeDeclarationsOf(runtime, runtimeApiTypes(source.explains))) {
    w.line();
    if (declaration.doc !== "") w.text(declaration.doc);
    w.text(`export ${declaration.text}`);
  }
  w.line();
  writePolicyTypes(w, source.names, source.explains);
  w.line();
  writeApiDeclarations(w, source.explains);
  return w.toString();
}
