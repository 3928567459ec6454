// Imports generated modules with Node's own loader (not vitest's transform) in a worker thread,
// and calls their exports. Plain JavaScript because the worker runs outside vitest.
// Message in: { id, path, calls }, each call { name, args, authorizer? }: with `authorizer` (the
// options of createAuthorizer) the call goes to an authorizer made with them, one per options per
// message. Two names are the worker's own: `$exports` (the module's export names, sorted) and
// `$global` (typeof globalThis[args[0]], to see whether module code wrote a global).
// Out: { id, results: [{ value } | { error }] }, or { id, failure } when the import fails.
import { pathToFileURL } from "node:url";
import { parentPort } from "node:worker_threads";

const OWN = {
  $exports: (module) => Object.keys(module).sort(),
  $global: (_module, name) => typeof globalThis[name],
};

function call(module, authorizers, { name, args, authorizer }) {
  try {
    if (OWN[name]) return { value: OWN[name](module, ...args) };
    if (authorizer === undefined) return { value: module[name](...args) };
    const key = JSON.stringify(authorizer);
    if (!authorizers.has(key)) authorizers.set(key, module.createAuthorizer(authorizer));
    return { value: authorizers.get(key)[name](...args) };
  } catch (error) {
    return { error: `${error?.name}: ${error?.message}` };
  }
}

parentPort.on("message", async ({ id, path, calls }) => {
  try {
    const module = await import(pathToFileURL(path).href);
    const authorizers = new Map();
    parentPort.postMessage({ id, results: calls.map((c) => call(module, authorizers, c)) });
  } catch (error) {
    parentPort.postMessage({ id, failure: String(error?.stack ?? error) });
  }
});
