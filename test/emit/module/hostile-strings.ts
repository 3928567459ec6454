/**
 * Names a policy may hold that would break out of a string literal, a
 * template, a comment or a script tag of generated code if embedded
 * carelessly. The payloads set `globalThis.__policycInjected`.
 */
export const INJECTION_MARKER = "__policycInjected";

export const HOSTILE_STRINGS: readonly string[] = [
  'a "quoted" name',
  "back\\slash\\",
  "${globalThis.__policycInjected = 1}",
  "`${globalThis.__policycInjected = 1}`",
  "*/ globalThis.__policycInjected = 1; /*",
  "</script><script>globalThis.__policycInjected = 1</script>",
  "line\nbreak\r\nand\ttab",
  "separators\u2028and\u2029more",
  "lone \ud800 and \udfff surrogates",
  "__proto__",
  "'); globalThis.__policycInjected = 1; ('",
  "\u0000nul and \u007fdel",
];
