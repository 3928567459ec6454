/**
 * Reads one YAML file into a located tree, from js-yaml's flat event stream
 * (so nothing here recurses and no alias is ever expanded). Problems become
 * diagnostics; nothing is thrown for any input.
 */
import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, YAMLException, getScalarValue, parseEvents } from "js-yaml";
import type { AliasEvent, Event, ScalarEvent } from "js-yaml";
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { spanOf, type SourceFile, type SourceSpan } from "../../diagnostics/source-file.js";
import { code } from "../../diagnostics/message-text.js";
import { plainScalarType, standardTagName, taggedScalarType, type ScalarType } from "./scalar-type.js";
import { codePointCount, nextSignificant, skipTrivia, structureCount } from "./source-scan.js";
import type { YamlEntry, YamlMap, YamlNode, YamlScalar, YamlSeq, YamlTree } from "./yaml-nodes.js";

/** Deeper than any policy file needs (roles.yml nests 6 levels), far below a stack overflow. */
export const MAX_DEPTH = 64;
/**
 * The plugin reads its YAML files with Jackson's YAMLFactory, whose SnakeYAML
 * loader refuses a document of more code points than this (3 MiB).
 */
export const PLUGIN_MAX_CODE_POINTS = 3 * 1024 * 1024;
/**
 * Lines, keys and items (as `structureCount` estimates them) policyc reads:
 * enough for ordinary roles up to the plugin's 3 MiB (some 20,000 roles make
 * 355,000), and a file this dense, even a flow list of one-letter items,
 * still parses and validates in a 256 MiB heap (js-yaml's events and the
 * tree take a few hundred bytes per node).
 */
export const MAX_STRUCTURE = 400_000;

export function readYamlTree(file: SourceFile, sink: DiagnosticSink): YamlTree {
  const tooLarge = sizeProblem(file.text);
  if (tooLarge !== undefined) {
    sink.report("PC2015", tooLarge, spanOf(file, 0));
    return { file, root: undefined, unreadable: true };
  }
  const events = parseOrReport(file, sink);
  if (!events) return { file, root: undefined, unreadable: true };
  return { file, root: new TreeBuilder(file, sink).build(events), unreadable: false };
}

/** Why a text is too large to read, if it is: the plugin's limit first, then policyc's own. */
function sizeProblem(text: string): string | undefined {
  const codePoints = codePointCount(text);
  if (codePoints > PLUGIN_MAX_CODE_POINTS) {
    return `the file has ${codePoints} characters; the plugin's yaml reader refuses more than ${PLUGIN_MAX_CODE_POINTS} (3 MiB)`;
  }
  const structure = structureCount(text);
  if (structure > MAX_STRUCTURE) {
    return `the file is too large to read safely (${structure} lines, keys and items; policyc reads at most ${MAX_STRUCTURE})`;
  }
  return undefined;
}

function parseOrReport(file: SourceFile, sink: DiagnosticSink): Event[] | undefined {
  try {
    return parseEvents(file.text, { filename: file.path, maxDepth: MAX_DEPTH });
  } catch (error) {
    reportParseError(file, sink, error);
    return undefined;
  }
}

function reportParseError(file: SourceFile, sink: DiagnosticSink, error: unknown): void {
  const reason = error instanceof YAMLException ? error.reason : error instanceof Error ? error.message : String(error);
  const position = error instanceof YAMLException && error.mark ? error.mark.position : 0;
  const span = spanOf(file, position, Math.min(position + 1, file.text.length));
  if (reason.startsWith("nesting exceeded maxDepth")) {
    sink.report("PC2011", `the yaml nests deeper than ${MAX_DEPTH} levels`, span);
  } else {
    sink.report("PC2001", `yaml syntax error: ${reason.toLowerCase()}`, span);
  }
}

interface Frame {
  readonly kind: "map" | "seq";
  readonly flow: boolean;
  readonly start: number;
  end: number;
  readonly items: YamlNode[];
  readonly entries: YamlEntry[];
  readonly keys: Map<string, YamlScalar>;
  /** In a map: the key waiting for its value; `null` when that key was dropped (not a scalar). */
  pendingKey: YamlScalar | null | undefined;
}

class TreeBuilder {
  private readonly frames: Frame[] = [];
  private root: YamlNode | undefined;
  private documents = 0;
  /** End of the last token seen: where an empty scalar, which has no offset of its own, is placed. */
  private lastEnd = 0;

  constructor(
    private readonly file: SourceFile,
    private readonly sink: DiagnosticSink,
  ) {}

  build(events: readonly Event[]): YamlNode | undefined {
    for (const event of events) {
      if (event.type === EVENT_ID.DOCUMENT) this.documents++;
      if (this.documents > 1) {
        // The plugin reads only the first document; a later one with content is an error.
        if (this.reportLaterDocument(event)) break;
        continue;
      }
      this.handle(event);
    }
    // A document that is only `---` or `~` holds no configuration, like an empty file.
    return this.root?.kind === "scalar" && this.root.type === "null" ? undefined : this.root;
  }

  private handle(event: Event): void {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        this.checkCollectionTag(event.tagStart, event.tagEnd, event.type === EVENT_ID.MAPPING ? "map" : "seq");
        this.open(event.type === EVENT_ID.MAPPING ? "map" : "seq", event.start, event.style === COLLECTION_STYLE.FLOW);
        break;
      case EVENT_ID.SCALAR:
        this.attach(this.scalar(event));
        break;
      case EVENT_ID.ALIAS:
        this.attach(this.alias(event));
        break;
      case EVENT_ID.POP:
        this.close();
        break;
    }
  }

  private reportLaterDocument(event: Event): boolean {
    const offset = eventOffset(event);
    if (offset < 0) return false;
    const span = spanOf(this.file, offset, Math.min(offset + 1, this.file.text.length));
    this.sink.report("PC2010", "the file holds more than one yaml document; the plugin reads only the first", span);
    return true;
  }

  private open(kind: "map" | "seq", start: number, flow: boolean): void {
    this.frames.push({ kind, flow, start, end: start + 1, items: [], entries: [], keys: new Map(), pendingKey: undefined });
    // A block collection starts at its first item: an empty first item is found from here.
    this.lastEnd = flow ? start + 1 : start;
  }

  private close(): void {
    const frame = this.frames.pop();
    if (!frame) return; // the end of a document
    let end = frame.end;
    if (frame.flow) {
      const closing = nextSignificant(this.file.text, Math.max(frame.end, frame.start + 1), frame.kind === "map" ? "}" : "]");
      if (closing >= 0) end = closing + 1;
    }
    const span = spanOf(this.file, frame.start, end);
    const node: YamlMap | YamlSeq =
      frame.kind === "map" ? { kind: "map", entries: frame.entries, span } : { kind: "seq", items: frame.items, span };
    this.lastEnd = end;
    this.attach(node);
  }

  private attach(node: YamlNode): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) {
      this.root ??= node;
      return;
    }
    frame.end = Math.max(frame.end, node.span.end);
    if (frame.kind === "seq") frame.items.push(node);
    else if (frame.pendingKey === undefined) frame.pendingKey = this.acceptKey(node);
    else {
      if (frame.pendingKey !== null) this.addEntry(frame, frame.pendingKey, node);
      frame.pendingKey = undefined;
    }
  }

  private acceptKey(node: YamlNode): YamlScalar | null {
    if (node.kind === "scalar") return node;
    this.sink.report("PC2007", "a key must be a plain name, not a list or a mapping", node.span);
    return null;
  }

  private addEntry(frame: Frame, key: YamlScalar, value: YamlNode): void {
    const first = frame.keys.get(key.value);
    if (first) {
      this.sink.report("PC2002", `duplicate key ${code(key.value)}; the plugin rejects the file`, key.span, {
        related: [{ message: `${code(key.value)} is first defined here`, span: first.span }],
      });
      return;
    }
    frame.keys.set(key.value, key);
    frame.entries.push({ key, value });
  }

  private scalar(event: ScalarEvent): YamlScalar {
    const span = this.scalarSpan(event);
    this.lastEnd = Math.max(this.lastEnd, span.end);
    const value = event.valueStart < 0 ? "" : getScalarValue(this.file.text, event);
    return { kind: "scalar", value, type: this.scalarType(event, value), alias: false, span };
  }

  private scalarType(event: ScalarEvent, value: string): ScalarType {
    if (event.tagStart >= 0) {
      const tag = this.file.text.slice(event.tagStart, event.tagEnd);
      const name = standardTagName(tag);
      const type = name === undefined ? undefined : taggedScalarType(name, value);
      if (type === undefined) this.reportTag(tag, event.tagStart, event.tagEnd);
      return type ?? "str";
    }
    return event.style === SCALAR_STYLE.PLAIN ? plainScalarType(value) : "str";
  }

  private scalarSpan(event: ScalarEvent): SourceSpan {
    const { valueStart, valueEnd, style } = event;
    if (valueStart < 0) return this.emptyScalarSpan();
    if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
      return spanOf(this.file, valueStart - 1, valueEnd + 1);
    }
    let end = valueEnd;
    while (end > valueStart && (this.file.text[end - 1] === "\n" || this.file.text[end - 1] === "\r")) end--;
    return spanOf(this.file, valueStart, end);
  }

  /** An empty scalar: the `-` of an empty block sequence item, else right after the key. */
  private emptyScalarSpan(): SourceSpan {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.kind === "seq" && !frame.flow) {
      const dash = skipTrivia(this.file.text, this.lastEnd);
      if (this.file.text[dash] === "-") {
        this.lastEnd = dash + 1;
        return spanOf(this.file, dash, dash + 1);
      }
    }
    return spanOf(this.file, this.lastEnd);
  }

  private alias(event: AliasEvent): YamlScalar {
    const name = this.file.text.slice(event.anchorStart, event.anchorEnd);
    const span = spanOf(this.file, event.anchorStart - 1, event.anchorEnd);
    this.lastEnd = Math.max(this.lastEnd, span.end);
    this.sink.report("PC2008", `alias ${code(`*${name}`)} is read by the plugin as the string ${code(name)}`, span, {
      help: "the plugin does not resolve yaml aliases; write the value out",
    });
    return { kind: "scalar", value: name, type: "str", alias: true, span };
  }

  private checkCollectionTag(tagStart: number, tagEnd: number, kind: "map" | "seq"): void {
    if (tagStart < 0) return;
    const tag = this.file.text.slice(tagStart, tagEnd);
    const name = standardTagName(tag);
    if (name !== "" && name !== kind) this.reportTag(tag, tagStart, tagEnd);
  }

  private reportTag(tag: string, start: number, end: number): void {
    this.sink.report("PC2014", `yaml tag ${code(tag)} is not supported by the plugin`, spanOf(this.file, start, end), {
      help: "remove the tag",
    });
  }
}

/** Where an event's node starts in the text, or -1 for events without one (document markers, empty scalars). */
function eventOffset(event: Event): number {
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.SCALAR:
      return event.valueStart;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return -1;
  }
}
