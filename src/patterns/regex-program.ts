/**
 * A parsed Java regex (java-regex.ts) as a program for the linear-time
 * matcher of regex-machine.ts: a Thompson automaton over code points, the
 * same language as the JavaScript the translator emits. Backtracking engines
 * (Java's, and V8's for that JavaScript) can take exponential time on
 * patterns such as `(a+)+$`; a set of automaton states cannot.
 *
 * A look-around's body is a program of its own, run once over the whole text
 * to learn where it matches (regex-machine.ts), so that it costs its size per
 * character however long a text it may match.
 *
 * Only what an automaton can express is compiled: backreferences, atomic
 * groups and possessive groups are not, nor programs beyond a cost limit.
 * For those the compiler answers why, and regex-safety.ts decides what
 * becomes of the pattern.
 */
import type { JavaAssertEdge, JavaRegexNode } from "./java-regex.js";

export const REGEX_OP_CHAR = 0;
export const REGEX_OP_SPLIT = 1;
export const REGEX_OP_JUMP = 2;
export const REGEX_OP_ASSERT = 3;
export const REGEX_OP_LOOK = 4;
export const REGEX_OP_MATCH = 5;

/** Assertion codes of REGEX_OP_ASSERT: the edges the matcher decides itself, then any other (sticky JavaScript). */
export const REGEX_EDGES: readonly JavaAssertEdge[] = ["start", "end", "final", "boundary", "notBoundary"];
export const REGEX_GENERIC_ASSERT = REGEX_EDGES.length;

/**
 * The most work per character of text a program may cost: its instructions
 * and those of its look-around bodies. The matcher never does more per
 * character, whatever the text.
 */
export const MAX_REGEX_COST = 500;

/** A set of code points, tested with the JavaScript the translator emitted for it; answers are remembered. */
export interface RegexCharTest {
  readonly regex: RegExp;
  /** Per ASCII code point: 0 not yet known, 1 in the set, 2 not. */
  readonly ascii: Int8Array;
  readonly others: Map<number, boolean>;
}

/**
 * A look-around: its body as a program of its own, compiled to read in the
 * direction of the scan that finds everywhere it matches: from the end of
 * the text backwards for a look-ahead, forwards for a look-behind.
 */
export interface RegexLook {
  readonly program: RegexProgram;
  readonly negated: boolean;
}

/** Scratch space of one program's runs, kept between runs. */
export interface RegexScratch {
  current: Int32Array;
  next: Int32Array;
  stack: Int32Array;
  marks: Int32Array;
  generation: number;
  /** Whether the current step met a word boundary, a look-around or another position-dependent assertion. */
  consulted: boolean;
}

export interface RegexProgram {
  /** Per instruction: the opcode, and two operands (a set, a jump target, an assertion or look-around). */
  readonly ops: Int32Array;
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly sets: readonly RegexCharTest[];
  readonly looks: readonly RegexLook[];
  /** Assertions decided by their JavaScript, sticky. */
  readonly asserts: readonly RegExp[];
  /** Reads the code points before the position (the body of a look-ahead, scanned backwards). */
  readonly backward: boolean;
  /** The most work a character of text costs (MAX_REGEX_COST). */
  readonly cost: number;
  readonly scratch: RegexScratch;
}

/** Why a pattern has no program. */
class RegexNotRegular extends Error {}

/** The program of a pattern's tree, or why it has none. */
export function compileRegexProgram(tree: JavaRegexNode, backward = false): RegexProgram | string {
  try {
    return new RegexProgramBuilder(backward).build(tree);
  } catch (error) {
    if (error instanceof RegexNotRegular) return error.message;
    throw error;
  }
}

class RegexProgramBuilder {
  private readonly ops: number[] = [];
  private readonly x: number[] = [];
  private readonly y: number[] = [];
  private readonly sets: RegexCharTest[] = [];
  private readonly setIndex = new Map<string, number>();
  private readonly looks: RegexLook[] = [];
  private readonly asserts: RegExp[] = [];
  private cost = 0;

  constructor(private readonly backward: boolean) {}

  build(tree: JavaRegexNode): RegexProgram {
    this.node(tree);
    this.emit(REGEX_OP_MATCH);
    const size = this.ops.length;
    return {
      ops: Int32Array.from(this.ops),
      x: Int32Array.from(this.x),
      y: Int32Array.from(this.y),
      sets: this.sets,
      looks: this.looks,
      asserts: this.asserts,
      backward: this.backward,
      cost: this.cost,
      scratch: { current: new Int32Array(size), next: new Int32Array(size), stack: new Int32Array(size * 2 + 2), marks: new Int32Array(size), generation: 0, consulted: false },
    };
  }

  private emit(op: number, x = 0, y = 0): number {
    this.spend(1);
    this.ops.push(op);
    this.x.push(x);
    this.y.push(y);
    return this.ops.length - 1;
  }

  private spend(cost: number): void {
    this.cost += cost;
    if (this.cost > MAX_REGEX_COST) throw new RegexNotRegular(`its automaton would take more than ${MAX_REGEX_COST} steps per character`);
  }

  private get here(): number {
    return this.ops.length;
  }

  private node(node: JavaRegexNode): void {
    switch (node.t) {
      case "seq":
        for (const item of this.backward ? [...node.items].reverse() : node.items) this.node(item);
        return;
      case "alt":
        return this.alternatives(node.alts.map((alt) => () => this.node(alt)));
      case "char":
        this.emit(REGEX_OP_CHAR, this.set(node.js));
        return;
      case "assert":
        return this.assertion(node.js, node.edge);
      case "linebreak":
        return this.linebreak(false);
      case "backref":
        throw new RegexNotRegular("it has a backreference");
      case "group":
        return this.group(node);
      case "repeat":
        return this.repeat(node);
    }
  }

  private alternatives(alts: readonly (() => void)[]): void {
    const exits: number[] = [];
    alts.forEach((alt, i) => {
      if (i === alts.length - 1) return alt();
      const split = this.emit(REGEX_OP_SPLIT, this.here + 1);
      alt();
      exits.push(this.emit(REGEX_OP_JUMP));
      this.y[split] = this.here;
    });
    for (const exit of exits) this.x[exit] = this.here;
  }

  private set(js: string): number {
    let index = this.setIndex.get(js);
    if (index === undefined) {
      index = this.sets.length;
      this.sets.push({ regex: new RegExp(`^(?:${js})$`, "u"), ascii: new Int8Array(128), others: new Map() });
      this.setIndex.set(js, index);
    }
    return index;
  }

  private assertion(js: string, edge: JavaAssertEdge | undefined): void {
    const code = edge === undefined ? -1 : REGEX_EDGES.indexOf(edge);
    if (code >= 0 && code <= 2) {
      this.emit(REGEX_OP_ASSERT, code);
      return;
    }
    if (code >= 0) {
      this.emit(REGEX_OP_ASSERT, code);
      return;
    }
    this.asserts.push(new RegExp(js, "uy"));
    this.emit(REGEX_OP_ASSERT, REGEX_GENERIC_ASSERT, this.asserts.length - 1);
  }

  /** `\R`: `\r\n` or one line break character; repeated, a `\r` never stands alone before `\n` (java-regex.ts). */
  private linebreak(repeated: boolean): void {
    const crlf = (): void => {
      const [first, second] = this.backward ? ["\\n", "\\r"] : ["\\r", "\\n"];
      this.emit(REGEX_OP_CHAR, this.set(first));
      this.emit(REGEX_OP_CHAR, this.set(second));
    };
    const single = (): void => {
      if (repeated) this.look(regexCrlfTree(), "notAhead");
      this.emit(REGEX_OP_CHAR, this.set("[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]"));
    };
    this.alternatives([crlf, single]);
  }

  private group(node: Extract<JavaRegexNode, { t: "group" }>): void {
    switch (node.kind) {
      case "capture":
      case "plain":
        return this.node(node.body);
      case "atomic":
        throw new RegexNotRegular("it has an atomic group");
      default:
        return this.look(node.body, node.kind);
    }
  }

  private look(body: JavaRegexNode, kind: "ahead" | "notAhead" | "behind" | "notBehind"): void {
    const ahead = kind === "ahead" || kind === "notAhead";
    const program = compileRegexProgram(body, ahead);
    if (typeof program === "string") throw new RegexNotRegular(program);
    this.spend(program.cost);
    this.looks.push({ program, negated: kind === "notAhead" || kind === "notBehind" });
    this.emit(REGEX_OP_LOOK, this.looks.length - 1);
  }

  private repeat(node: Extract<JavaRegexNode, { t: "repeat" }>): void {
    const { body, min, max, mode } = node;
    if (mode === "possessive") {
      // Java keeps each iteration's first match of a possessive group: an automaton cannot.
      if (body.t !== "char" && body.t !== "linebreak") throw new RegexNotRegular("it has a possessive group");
      if (min !== max) return this.possessive(body, min, max);
    }
    const once = body.t === "linebreak" ? () => this.linebreak(true) : () => this.node(body);
    for (let i = 0; i < min; i++) once();
    if (max === Infinity) {
      const loop = this.emit(REGEX_OP_SPLIT, this.here + 1);
      once();
      this.emit(REGEX_OP_JUMP, loop);
      this.y[loop] = this.here;
      return;
    }
    const skips: number[] = [];
    for (let i = min; i < max; i++) {
      skips.push(this.emit(REGEX_OP_SPLIT, this.here + 1));
      once();
    }
    for (const skip of skips) this.y[skip] = this.here;
  }

  /**
   * A possessive repeat of one character takes the longest run and gives
   * nothing back: `x{min,}+` is `x{min,}(?!x)`, `x{min,max}+` is
   * `x{max}|x{min,max-1}(?!x)`, exactly as the translator emits it.
   */
  private possessive(body: JavaRegexNode, min: number, max: number): void {
    if (body.t !== "char") throw new RegexNotRegular("it has a possessive `\\R`");
    const greedy = (from: number, to: number): JavaRegexNode => ({ t: "repeat", body, min: from, max: to, mode: "greedy", at: 0 });
    const stop: JavaRegexNode = { t: "group", kind: "notAhead", body, at: 0 };
    if (max === Infinity) return this.node({ t: "seq", items: [greedy(min, Infinity), stop] });
    this.node({ t: "alt", alts: [greedy(max, max), { t: "seq", items: [greedy(min, max - 1), stop] }] });
  }
}

function regexCrlfTree(): JavaRegexNode {
  return { t: "seq", items: [{ t: "char", js: "\\r", bmp: true }, { t: "char", js: "\\n", bmp: true }] };
}
