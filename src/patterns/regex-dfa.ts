/**
 * The linear-time matcher's entry: whether a whole text matches a program of
 * regex-program.ts, run by regex-machine.ts. Between the edges of the text,
 * a step that meets no word boundary, no look-around and no other assertion
 * than start, end and `$` depends on nothing but the states and the
 * character: such steps are remembered (a lazily built DFA per program,
 * emptied when it grows past its bound), so that a name usually costs a map
 * lookup per character.
 */
import { RegexRun, regexAddThread, regexHasMatch, regexStep } from "./regex-machine.js";
import type { RegexProgram } from "./regex-program.js";

/** Whether the whole `text` matches the program (Java's `matches()`). */
export function regexProgramMatches(program: RegexProgram, text: string): boolean {
  const run = new RegexRun(text);
  return regexRunWithDfa(program, run);
}

/** A set of threads (instructions waiting to read, or the match) as one state of the lazy DFA. */
interface RegexDfaState {
  readonly threads: Int32Array;
  /** The state after each code point read, where that step depends on nothing else. */
  readonly next: Map<number, RegexDfaState>;
  /** The same for the last code point of a text that does not end in a line break. */
  readonly last: Map<number, RegexDfaState>;
}

interface RegexDfa {
  states: RegexDfaState[];
  byKey: Map<string, RegexDfaState>;
  transitions: number;
  /** Counts the times the DFA was emptied. */
  epoch: number;
  /** The state texts of three or more characters start in, as of `startEpoch`. */
  start: RegexDfaState | undefined;
  startEpoch: number;
}

/** The DFA of each program, built as texts are matched; a program that is dropped takes its DFA with it. */
const REGEX_DFAS = new WeakMap<RegexProgram, RegexDfa>();
/** Beyond these the DFA is emptied and built anew: its memory stays bounded whatever the texts. */
const MAX_REGEX_DFA_STATES = 64;
const MAX_REGEX_DFA_TRANSITIONS = 1024;
const MAX_REGEX_DFA_FLUSHES_PER_RUN = 4;

function regexRunWithDfa(program: RegexProgram, run: RegexRun): boolean {
  const { text } = run;
  let dfa = REGEX_DFAS.get(program);
  if (dfa === undefined) REGEX_DFAS.set(program, (dfa = { states: [], byKey: new Map(), transitions: 0, epoch: 0, start: undefined, startEpoch: -1 }));
  const scratch = program.scratch;
  // The current threads, and their DFA state when they have one (steps that depended on the position leave them without).
  let threads = scratch.current;
  let state = regexStartState(program, run, dfa);
  let count = state === undefined ? regexAddThread(program, run, threads, 0, 0, 0) : state.threads.length;
  if (state !== undefined) threads = state.threads;
  // A text that keeps making new states would pay for interning at every regexStep: after a few flushes it is simulated plainly.
  const lastEpoch = dfa.epoch + MAX_REGEX_DFA_FLUSHES_PER_RUN;
  const plainEnd = regexEndsPlainly(text);
  for (let position = 0; position < text.length; ) {
    const codePoint = text.codePointAt(position)!;
    const after = position + (codePoint > 0xffff ? 2 : 1);
    // A step that meets nothing but start, end and `$` depends on where it happens only through them: inside the text
    // all three are false, and at the end of a text that does not end in a line break end and `$` are true.
    const atEnd = after === text.length;
    const cacheable = plainEnd || after <= text.length - 3;
    const remembered = cacheable ? (atEnd ? state?.last : state?.next)?.get(codePoint) : undefined;
    if (remembered !== undefined) {
      state = remembered;
      threads = state.threads;
      count = threads.length;
    } else {
      const into = threads === scratch.next ? scratch.current : scratch.next;
      scratch.consulted = false;
      count = regexStep(program, run, threads, count, into, codePoint, after);
      threads = into;
      if (cacheable && !scratch.consulted && dfa.epoch < lastEpoch) {
        const epoch = dfa.epoch;
        const target = regexInternState(dfa, into, count);
        // Unless interning emptied the DFA, and the source state with it.
        if (state !== undefined && dfa.epoch === epoch) {
          (atEnd ? state.last : state.next).set(codePoint, target);
          dfa.transitions++;
        }
        state = target;
      } else state = undefined;
    }
    if (count === 0) return false;
    position = after;
  }
  return regexHasMatch(program, threads, count);
}

/**
 * The threads at the start of a text, which are the same for every text of
 * three characters or more, or of one or more that does not end in a line
 * break (start is true there; end and `$` are false), unless they met a
 * position-dependent assertion.
 */
function regexStartState(program: RegexProgram, run: RegexRun, dfa: RegexDfa): RegexDfaState | undefined {
  if (run.text.length < 3 && !(run.text.length > 0 && regexEndsPlainly(run.text))) return undefined;
  if (dfa.start !== undefined && dfa.startEpoch === dfa.epoch) return dfa.start;
  const scratch = program.scratch;
  scratch.consulted = false;
  const count = regexAddThread(program, run, scratch.current, 0, 0, 0);
  if (scratch.consulted) return undefined;
  const state = regexInternState(dfa, scratch.current, count);
  dfa.start = state;
  dfa.startEpoch = dfa.epoch;
  return state;
}

/** Whether the text's last character is no line terminator, so that `$` holds only at its very end. */
function regexEndsPlainly(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return text.length > 0 && last !== 10 && last !== 13 && last !== 0x85 && last !== 0x2028 && last !== 0x2029;
}

/** The state of a set of threads, made if new; the DFA is emptied first when it is full. */
function regexInternState(dfa: RegexDfa, threads: Int32Array, count: number): RegexDfaState {
  const sorted = threads.slice(0, count).sort();
  const key = sorted.join(",");
  const known = dfa.byKey.get(key);
  if (known !== undefined) return known;
  if (dfa.states.length >= MAX_REGEX_DFA_STATES || dfa.transitions >= MAX_REGEX_DFA_TRANSITIONS) {
    dfa.states = [];
    dfa.byKey = new Map();
    dfa.transitions = 0;
    dfa.epoch++;
  }
  const state: RegexDfaState = { threads: sorted, next: new Map(), last: new Map() };
  dfa.states.push(state);
  dfa.byKey.set(key, state);
  return state;
}
