/**
 * A strict reader for the XML subset JUnit reports use — a declaration,
 * elements, attributes in double quotes, text, the five entities and
 * numeric character references — so that a test can read `policyc test
 * --format junit` back. It throws on anything not well-formed: an unescaped
 * `<` or `&`, a tag closed by another name, a repeated attribute, text
 * outside the root element, a character XML 1.0 forbids.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (its children's not included). */
  readonly text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function readXml(text: string): XmlElement {
  if (FORBIDDEN.test(text)) throw new Error("a character XML 1.0 does not allow");
  const reader = new Reader(text.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, ""));
  const root = reader.element();
  if (reader.rest().trim() !== "") throw new Error(`text after the root element: ${JSON.stringify(reader.rest().slice(0, 40))}`);
  return root;
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.at);
  }

  element(): XmlElement {
    this.skipSpace();
    this.expect("<");
    const name = this.name();
    const attributes = this.attributes();
    if (this.text.startsWith("/>", this.at)) {
      this.at += 2;
      return { name, attributes, children: [], text: "" };
    }
    this.expect(">");
    const children: XmlElement[] = [];
    let text = "";
    while (!this.text.startsWith("</", this.at)) {
      if (this.at >= this.text.length) throw new Error(`\`${name}\` is not closed`);
      if (this.text[this.at] === "<") children.push(this.element());
      else text += this.characters();
    }
    this.at += 2;
    const closing = this.name();
    if (closing !== name) throw new Error(`\`${name}\` closed by \`${closing}\``);
    this.expect(">");
    return { name, attributes, children, text };
  }

  private attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] === ">" || this.text.startsWith("/>", this.at)) return attributes;
      const name = this.name();
      if (Object.hasOwn(attributes, name)) throw new Error(`attribute \`${name}\` given twice`);
      this.expect('="');
      const end = this.text.indexOf('"', this.at);
      if (end < 0) throw new Error(`attribute \`${name}\` is not closed`);
      // A parser turns literal tabs and line breaks in attributes into spaces.
      attributes[name] = decode(this.text.slice(this.at, end).replace(/[\t\n\r]/g, " "));
      this.at = end + 1;
    }
  }

  private characters(): string {
    const end = this.text.indexOf("<", this.at);
    const raw = this.text.slice(this.at, end < 0 ? this.text.length : end);
    this.at += raw.length;
    return decode(raw.replace(/\r\n?/g, "\n"));
  }

  private name(): string {
    const match = NAME.exec(this.text.slice(this.at));
    if (!match) throw new Error(`a name expected at ${this.at}`);
    this.at += match[0].length;
    return match[0];
  }

  private expect(literal: string): void {
    if (!this.text.startsWith(literal, this.at)) throw new Error(`\`${literal}\` expected at ${this.at}: ${JSON.stringify(this.text.slice(this.at, this.at + 20))}`);
    this.at += literal.length;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? "")) this.at++;
  }
}

/** Entities and character references to their characters; a bare `&`, `<` or `>` is an error. */
function decode(raw: string): string {
  if (/[<>]/.test(raw)) throw new Error(`an unescaped \`<\` or \`>\` in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);|&/g, (whole, reference: string | undefined) => {
    if (reference === undefined) throw new Error(`a bare \`&\` in ${JSON.stringify(raw)}`);
    if (Object.hasOwn(ENTITIES, reference)) return ENTITIES[reference]!;
    const code = /^#x([0-9a-f]+)$/i.exec(reference)?.[1] ?? /^#(\d+)$/.exec(reference)?.[1];
    if (code === undefined) throw new Error(`unknown entity ${whole}`);
    return String.fromCodePoint(reference.startsWith("#x") ? parseInt(code, 16) : Number(code));
  });
}
