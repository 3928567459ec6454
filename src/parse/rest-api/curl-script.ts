/**
 * curl commands of a shell script → requests. Reads the options that matter
 * (`-X`/`--request`, `-d`/`--data`/`--data-raw`/`--data-binary`/`--json`,
 * `--url`, `-E`/`--cert`), skips the others with their values (`-H`, `-u`,
 * `--cacert`, …) and flags (`-k`, `--insecure`, `-s`, …). Commands other than
 * curl are not requests and are passed over.
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { code } from "../../diagnostics/message-text.js";
import type { SourceFile, SourceSpan } from "../../diagnostics/source-file.js";
import type { ApiRequest } from "./api-request.js";
import { hostOf } from "./console-script.js";
import { readShellCommands, type ShellCommand, type ShellWord } from "./shell-words.js";

/** Long options that take a value (the next word, or `--option=value`). */
const LONG_WITH_VALUE = new Set([
  "request", "data", "data-raw", "data-binary", "data-ascii", "data-urlencode", "json", "url", "header", "user", "cert", "key",
  "cacert", "capath", "cert-type", "key-type", "pass", "output", "write-out", "user-agent", "referer", "cookie", "cookie-jar",
  "connect-timeout", "max-time", "retry", "retry-delay", "retry-max-time", "upload-file", "proxy", "proxy-user", "resolve",
  "limit-rate", "config", "form", "form-string", "oauth2-bearer", "aws-sigv4", "interface", "max-redirs", "connect-to", "ciphers",
  "tls-max", "trace", "trace-ascii", "stderr", "netrc-file", "dump-header", "unix-socket", "abstract-unix-socket", "noproxy",
]);
/** Short options that take a value. */
const SHORT_WITH_VALUE = new Set(["X", "d", "H", "u", "E", "o", "w", "A", "e", "b", "c", "m", "T", "x", "K", "F", "U", "D", "r", "Y", "y", "z", "C", "P", "Q", "t"]);
const DATA_OPTIONS = new Set(["d", "data", "data-raw", "data-binary", "data-ascii", "json"]);

interface Option {
  readonly name: string;
  readonly value?: ShellWord;
}

export function readCurlScript(file: SourceFile, sink: DiagnosticSink): ApiRequest[] {
  const requests: ApiRequest[] = [];
  for (const command of readShellCommands(file)) {
    const start = command.words.findIndex((word) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.text));
    const program = command.words[start];
    if (!program || program.text.split("/").pop() !== "curl") continue;
    const request = curlRequest(command, start + 1, file, sink);
    if (request) requests.push(request);
  }
  return requests;
}

function curlRequest(command: ShellCommand, from: number, file: SourceFile, sink: DiagnosticSink): ApiRequest | undefined {
  const span: SourceSpan = { file, start: command.start, end: command.end };
  const options: Option[] = [];
  const urls: ShellWord[] = [];
  const words = command.words;
  for (let i = from; i < words.length; i++) {
    const word = words[i]!;
    if (word.text.startsWith("--") && word.text.length > 2) {
      const [name, inline] = splitLong(word);
      if (LONG_WITH_VALUE.has(name)) {
        const value = inline ?? words[++i];
        options.push(value ? { name, value } : { name });
      } else options.push({ name });
    } else if (word.text.startsWith("-") && word.text.length > 1) {
      i = readShortOptions(word, words, i, options);
    } else urls.push(word);
  }
  const url = options.find((option) => option.name === "url")?.value ?? urls[0];
  if (!url) {
    sink.report("PC2101", "this curl command has no URL", span);
    return undefined;
  }
  const body = requestBody(options, command, span, sink);
  if (body === null) return undefined;
  const method = options.filter((option) => option.name === "X" || option.name === "request").pop()?.value?.text.toUpperCase();
  const head = options.some((option) => option.name === "I" || option.name === "head");
  return {
    method: method ?? (head ? "HEAD" : body ? "POST" : "GET"),
    span,
    url,
    ...(body ? { body } : {}),
    superAdmin: options.some((option) => option.name === "E" || option.name === "cert"),
    ...hostOf(url.text),
  };
}

function splitLong(word: ShellWord): [string, ShellWord | undefined] {
  const equals = word.text.indexOf("=");
  if (equals < 0) return [word.text.slice(2), undefined];
  const offset = (i: number): number => word.offsetAt(equals + 1 + i);
  return [word.text.slice(2, equals), { ...word, text: word.text.slice(equals + 1), offsetAt: offset }];
}

/** `-XPUT`, `-sSk`, `-d '{…}'`, `-uadmin:admin`: flags, then at most one option with its value. */
function readShortOptions(word: ShellWord, words: readonly ShellWord[], index: number, options: Option[]): number {
  for (let j = 1; j < word.text.length; j++) {
    const name = word.text[j]!;
    if (!SHORT_WITH_VALUE.has(name)) {
      options.push({ name });
      continue;
    }
    if (j + 1 < word.text.length) {
      const rest = j + 1;
      options.push({ name, value: { ...word, text: word.text.slice(rest), offsetAt: (i) => word.offsetAt(rest + i) } });
      return index;
    }
    const value = words[index + 1];
    options.push(value ? { name, value } : { name });
    return index + 1;
  }
  return index;
}

/** The body the data options give; undefined for none, null when it cannot be read (already reported). */
function requestBody(options: readonly Option[], command: ShellCommand, span: SourceSpan, sink: DiagnosticSink): ShellWord | undefined | null {
  const data = options.filter((option) => DATA_OPTIONS.has(option.name));
  if (data.length === 0) return undefined;
  if (data.length > 1) {
    sink.report("PC2101", "curl joins several data options with `&`, which the API cannot read as JSON", data[1]!.value ? spanOfWord(data[1]!.value) : span, {
      help: "give the whole body in one `-d`",
    });
    return null;
  }
  const value = data[0]!.value;
  if (!value) {
    sink.report("PC2101", `\`${data[0]!.name.length === 1 ? "-" : "--"}${data[0]!.name}\` has no value`, span);
    return null;
  }
  const fromStdin = value.text === "@-" ? command.stdin : undefined;
  const body = fromStdin ?? value;
  if (value.text.startsWith("@") && !fromStdin && data[0]!.name !== "data-raw") {
    sink.report("PC2111", `the body is read from the file ${code(value.text.slice(1))}, which policyc does not open; the request is skipped`, spanOfWord(value), {
      help: "put the body in the script (`-d '{…}'`), or give the request to policyc as a console file",
    });
    return null;
  }
  if (body.expands) {
    sink.report("PC2111", "the body holds a shell expansion (`$…` or backquotes), which policyc does not perform; the request is skipped", spanOfWord(body), {
      help: "quote the body with single quotes so that the shell leaves it as written",
    });
    return null;
  }
  return body;
}

function spanOfWord(word: ShellWord): SourceSpan {
  return { file: word.file, start: word.offsetAt(0), end: word.offsetAt(word.text.length) };
}
