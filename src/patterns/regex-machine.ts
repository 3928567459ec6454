/**
 * The core of the linear-time matcher: a program of regex-program.ts run over
 * a text as a set of automaton states (Pike's simulation), one code point at
 * a time; regex-dfa.ts drives it and remembers its steps. Each step touches every instruction at most once, so a match costs at most
 * (length of the text) × (size of the program), whatever the pattern. A
 * look-around is decided for every position at once, the first time it is
 * reached, by one scan of its body over the text (from the end for a
 * look-ahead): its size per character again, however far it looks.
 */
import {
  REGEX_EDGES,
  REGEX_OP_ASSERT,
  REGEX_OP_CHAR,
  REGEX_OP_JUMP,
  REGEX_OP_LOOK,
  REGEX_OP_MATCH,
  REGEX_OP_SPLIT,
  type RegexCharTest,
  type RegexLook,
  type RegexProgram,
} from "./regex-program.js";

/** The text being matched, and what is worked out about it once per run. */
export class RegexRun {
  /** Per position: whether the run of non-spacing marks ending there follows a letter or digit (JDK 19+ `\b`). */
  private markBases: Int8Array | undefined;
  /** Per look-around reached: per position, 1 where its body matches. */
  private lookTables: Map<RegexLook, Uint8Array> | undefined;

  constructor(readonly text: string) {}

  markBaseAt(position: number): boolean {
    this.markBases ??= regexMarkBases(this.text);
    return this.markBases[position] === 1;
  }

  lookHolds(look: RegexLook, position: number): boolean {
    this.lookTables ??= new Map();
    let table = this.lookTables.get(look);
    if (table === undefined) this.lookTables.set(look, (table = regexScanLook(look.program, this)));
    return (table[position] === 1) !== look.negated;
  }
}

const REGEX_ASSERT_START = REGEX_EDGES.indexOf("start");
const REGEX_ASSERT_END = REGEX_EDGES.indexOf("end");
const REGEX_ASSERT_FINAL = REGEX_EDGES.indexOf("final");
const REGEX_ASSERT_BOUNDARY = REGEX_EDGES.indexOf("boundary");
const REGEX_ASSERT_NOT_BOUNDARY = REGEX_EDGES.indexOf("notBoundary");

/**
 * Where a look-around's body matches: a scan in the body program's direction
 * that starts a thread at every position, so that a match reached at
 * position p started somewhere beyond it. For a look-ahead (a body read
 * backwards from the end), p is where a match of the body begins; for a
 * look-behind, where one ends.
 */
function regexScanLook(program: RegexProgram, run: RegexRun): Uint8Array {
  const { text } = run;
  const table = new Uint8Array(text.length + 1);
  const scratch = program.scratch;
  let current = scratch.current;
  let next = scratch.next;
  let count = 0;
  regexNewGeneration(program);
  for (let position = program.backward ? text.length : 0; ; ) {
    count = regexAddThreadInGeneration(program, run, current, count, 0, position);
    if (regexHasMatch(program, current, count)) table[position] = 1;
    if (program.backward ? position === 0 : position === text.length) return table;
    const codePoint = program.backward ? regexCodePointBefore(text, position) : text.codePointAt(position)!;
    const after = program.backward ? position - (codePoint > 0xffff ? 2 : 1) : position + (codePoint > 0xffff ? 2 : 1);
    count = regexStep(program, run, current, count, next, codePoint, after);
    [current, next] = [next, current];
    position = after;
  }
}

/** The threads after reading `codePoint`, added at `after`. */
export function regexStep(program: RegexProgram, run: RegexRun, current: Int32Array, count: number, next: Int32Array, codePoint: number, after: number): number {
  regexNewGeneration(program);
  let nextCount = 0;
  for (let i = 0; i < count; i++) {
    const pc = current[i]!;
    if (program.ops[pc] === REGEX_OP_CHAR && regexSetHas(program.sets[program.x[pc]!]!, codePoint)) {
      nextCount = regexAddThreadInGeneration(program, run, next, nextCount, pc + 1, after);
    }
  }
  return nextCount;
}

export function regexHasMatch(program: RegexProgram, threads: Int32Array, count: number): boolean {
  for (let i = 0; i < count; i++) if (program.ops[threads[i]!] === REGEX_OP_MATCH) return true;
  return false;
}

function regexNewGeneration(program: RegexProgram): void {
  const scratch = program.scratch;
  if (++scratch.generation === 0x7fffffff) {
    scratch.marks.fill(0);
    scratch.generation = 1;
  }
}

/** Adds the threads reachable from `pc` at `position` without reading, in a fresh generation. */
export function regexAddThread(program: RegexProgram, run: RegexRun, list: Int32Array, count: number, pc: number, position: number): number {
  regexNewGeneration(program);
  return regexAddThreadInGeneration(program, run, list, count, pc, position);
}

/** Follows jumps, splits, assertions and look-arounds from `pc`; each instruction once per generation. */
function regexAddThreadInGeneration(program: RegexProgram, run: RegexRun, list: Int32Array, count: number, pc: number, position: number): number {
  const { ops, x, y, scratch } = program;
  const { stack, marks, generation } = scratch;
  let top = 0;
  stack[top++] = pc;
  while (top > 0) {
    const at = stack[--top]!;
    if (marks[at] === generation) continue;
    marks[at] = generation;
    switch (ops[at]) {
      case REGEX_OP_JUMP:
        stack[top++] = x[at]!;
        break;
      case REGEX_OP_SPLIT:
        stack[top++] = y[at]!;
        stack[top++] = x[at]!;
        break;
      case REGEX_OP_ASSERT:
        if (x[at]! > REGEX_ASSERT_FINAL) scratch.consulted = true;
        if (regexAssertionHolds(program, run, x[at]!, y[at]!, position)) stack[top++] = at + 1;
        break;
      case REGEX_OP_LOOK:
        scratch.consulted = true;
        if (run.lookHolds(program.looks[x[at]!]!, position)) stack[top++] = at + 1;
        break;
      default:
        list[count++] = at;
    }
  }
  return count;
}

function regexAssertionHolds(program: RegexProgram, run: RegexRun, code: number, index: number, position: number): boolean {
  const { text } = run;
  switch (code) {
    case REGEX_ASSERT_START:
      return position === 0;
    case REGEX_ASSERT_END:
      return position === text.length;
    case REGEX_ASSERT_FINAL:
      return isJavaFinalPosition(text, position);
    case REGEX_ASSERT_BOUNDARY:
    case REGEX_ASSERT_NOT_BOUNDARY:
      return isJavaWordBoundary(run, position) === (code === REGEX_ASSERT_BOUNDARY);
    default: {
      const regex = program.asserts[index]!;
      regex.lastIndex = position;
      return regex.test(text);
    }
  }
}

/** Java's `$` without (?m): at the end, or before a final `\r\n` or line terminator (a `\n` not after `\r`). */
function isJavaFinalPosition(text: string, position: number): boolean {
  const left = text.length - position;
  if (left === 0) return true;
  if (left === 2) return text[position] === "\r" && text[position + 1] === "\n";
  if (left !== 1) return false;
  const ch = text[position]!;
  return ch === "\n" ? text[position - 1] !== "\r" : ch === "\r" || ch === "\x85" || ch === "\u2028" || ch === "\u2029";
}

const REGEX_MARK = /^\p{Mn}$/u;
const REGEX_LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;
const isRegexAsciiWord = (codePoint: number | undefined): boolean =>
  codePoint !== undefined && ((codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122) || codePoint === 95);
const isRegexMark = (codePoint: number | undefined): boolean => codePoint !== undefined && codePoint >= 0x300 && REGEX_MARK.test(String.fromCodePoint(codePoint));

/**
 * JDK 19+'s `\b` (java-regex.ts, WORD_BEFORE and WORD_AFTER): a word
 * character is `[A-Za-z0-9_]`, or a non-spacing mark whose run of BMP marks
 * follows a BMP letter or digit.
 */
function isJavaWordBoundary(run: RegexRun, position: number): boolean {
  const { text } = run;
  const before = position > 0 ? regexCodePointBefore(text, position) : undefined;
  const after = position < text.length ? text.codePointAt(position) : undefined;
  const wordBefore = isRegexAsciiWord(before) || (before !== undefined && before <= 0xffff && isRegexMark(before) && run.markBaseAt(position));
  const wordAfter = isRegexAsciiWord(after) || (isRegexMark(after) && run.markBaseAt(position));
  return wordBefore !== wordAfter;
}

/**
 * Per position, whether the longest run of BMP non-spacing marks ending there
 * (possibly empty) comes right after a BMP letter or digit: one pass, so that
 * no position looks back over a long run of marks.
 */
function regexMarkBases(text: string): Int8Array {
  const bases = new Int8Array(text.length + 1);
  for (let position = 0; position < text.length; ) {
    const codePoint = text.codePointAt(position)!;
    const after = position + (codePoint > 0xffff ? 2 : 1);
    const bmp = codePoint <= 0xffff;
    if (bmp && isRegexMark(codePoint)) bases[after] = bases[position]!;
    else bases[after] = bmp && REGEX_LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint)) ? 1 : 0;
    position = after;
  }
  return bases;
}

export function regexCodePointBefore(text: string, position: number): number {
  const low = text.charCodeAt(position - 1);
  if (low >= 0xdc00 && low <= 0xdfff && position >= 2) {
    const high = text.charCodeAt(position - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(position - 2)!;
  }
  return low;
}

/** Whether a code point is in the set; answers are remembered (for other than ASCII, up to a bound). */
function regexSetHas(set: RegexCharTest, codePoint: number): boolean {
  if (codePoint < 128) {
    let known = set.ascii[codePoint]!;
    if (known === 0) set.ascii[codePoint] = known = set.regex.test(String.fromCharCode(codePoint)) ? 1 : 2;
    return known === 1;
  }
  const known = set.others.get(codePoint);
  if (known !== undefined) return known;
  const inSet = set.regex.test(String.fromCodePoint(codePoint));
  if (set.others.size < MAX_REGEX_REMEMBERED_CODE_POINTS) set.others.set(codePoint, inSet);
  return inSet;
}

const MAX_REGEX_REMEMBERED_CODE_POINTS = 512;
