/**
 * Completion context in a `.policy` file, from the tokens before the cursor
 * (the DSL's own lexer): after `allow` or `cluster` an action, after
 * `mapped_to`, `roles` or `mapping` a role, after `tenant` inside a role a
 * tenant, where a clause can start the keywords of the enclosing block.
 */
import { tokenMatcher, type IToken } from "chevrotain";
import { SourceFile } from "../diagnostics/source-file.js";
import { DEFINITION_KEYWORDS, FLAG_KEYWORDS } from "../parse/dsl/index.js";
import { lexPolicyFile } from "../parse/dsl/lexer.js";
import { PLACES, type Place } from "../parse/dsl/to-model-placement.js";
import { Comma, isKeywordToken, isUnterminatedString, LCurly, Name, QuotedString, RCurly } from "../parse/dsl/tokens.js";
import { ACTION_NAMES, type CompletionContext, type NameKind } from "./completion-context.js";

/** The place each kind of block is, by the keyword that opened it. */
const BLOCK_PLACES: Readonly<Record<string, Place>> = {
  role: PLACES.role,
  index: PLACES.index,
  action_group: PLACES.actionGroup,
  mapping: PLACES.mapping,
  user: PLACES.user,
  tenant: PLACES.tenant,
};

const DEFINITIONS = new Set<string>(DEFINITION_KEYWORDS);

export function dslCompletionContext(text: string, offset: number): CompletionContext | undefined {
  const lexed = lexPolicyFile(new SourceFile("completion.policy", text.slice(0, offset)));
  if (lexed.comments.some((comment) => endOf(comment) === offset)) return undefined;
  const last = lexed.tokens[lexed.tokens.length - 1];
  const typing = last && endOf(last) === offset && tokenMatcher(last, Name) ? last : undefined;
  // Right after a closed string, the word is finished.
  if (typing && tokenMatcher(typing, QuotedString) && !isUnterminatedString(typing.tokenType)) return undefined;
  const before = typing ? lexed.tokens.slice(0, -1) : lexed.tokens;
  const quoted = typing !== undefined && tokenMatcher(typing, QuotedString);
  const start = typing ? typing.startOffset + (quoted ? 1 : 0) : offset;
  return { ...expected(before), start, quoted };
}

/** The names and keywords that can follow these tokens. */
function expected(tokens: readonly IToken[]): Pick<CompletionContext, "names" | "words"> {
  const blocks = enclosingBlocks(tokens);
  const block = blocks[blocks.length - 1];
  const owner = listOwner(tokens);
  if (owner !== undefined) return { names: namesAfter(owner, blocks.length), words: [] };
  if (block === undefined) return { names: [], words: [...(afterDefinitionName(tokens) ? FLAG_KEYWORDS : []), ...DEFINITION_KEYWORDS] };
  if (block === "settings") return { names: ["settings"], words: [] };
  const clauses = BLOCK_PLACES[block]?.clauses ?? [];
  return { names: [], words: [...(afterEntryPatterns(tokens) ? ["allow"] : []), ...clauses] };
}

function namesAfter(keyword: string, depth: number): readonly NameKind[] {
  if (keyword === "allow" || keyword === "cluster") return ACTION_NAMES;
  if (keyword === "mapped_to" || keyword === "roles" || (keyword === "mapping" && depth === 0)) return ["roles"];
  if (keyword === "tenant" && depth > 0) return ["tenants"];
  return [];
}

/**
 * The keyword whose list the cursor is in: the tokens end with the keyword
 * itself or with `keyword item, …, item,`. After an item without a comma
 * the list has ended and a clause can start: undefined.
 */
function listOwner(tokens: readonly IToken[]): string | undefined {
  let i = tokens.length - 1;
  if (i >= 0 && tokenMatcher(tokens[i]!, Comma)) {
    while (i >= 1 && tokenMatcher(tokens[i]!, Comma) && tokenMatcher(tokens[i - 1]!, Name)) i -= 2;
  }
  const token = tokens[i];
  if (!token || !isKeywordToken(token.tokenType)) return undefined;
  // A keyword right after a definition keyword is the definition's name (`role users { … }`).
  const previous = tokens[i - 1];
  return previous && DEFINITIONS.has(previous.image) && isKeywordToken(previous.tokenType) ? undefined : token.image;
}

/** `role x` or `role x reserved`: flags may follow. */
function afterDefinitionName(tokens: readonly IToken[]): boolean {
  let i = tokens.length - 1;
  while (i >= 0 && (FLAG_KEYWORDS as readonly string[]).includes(tokens[i]!.image)) i--;
  const keyword = tokens[i - 1];
  return i >= 1 && tokenMatcher(tokens[i]!, Name) && keyword !== undefined && DEFINITIONS.has(keyword.image) && isKeywordToken(keyword.tokenType);
}

/** `index a, b` or `tenant t` inside a role: the entry's `allow` may follow. */
function afterEntryPatterns(tokens: readonly IToken[]): boolean {
  let i = tokens.length - 1;
  if (i < 0 || !tokenMatcher(tokens[i]!, Name)) return false;
  while (i >= 2 && tokenMatcher(tokens[i - 1]!, Comma)) i -= 2;
  const keyword = tokens[i - 1]?.image;
  return keyword === "index" || keyword === "tenant";
}

/** The keywords that opened the blocks the tokens end inside, outermost first. */
function enclosingBlocks(tokens: readonly IToken[]): string[] {
  const blocks: string[] = [];
  let opener: string | undefined;
  tokens.forEach((token, i) => {
    if (tokenMatcher(token, LCurly)) {
      blocks.push(opener ?? "block");
      opener = undefined;
    } else if (tokenMatcher(token, RCurly)) {
      blocks.pop();
      opener = undefined;
    } else if (isKeywordToken(token.tokenType) && opensBlock(token.image, blocks.length) && !isDefinitionName(tokens, i)) {
      opener = token.image;
    }
  });
  return blocks;
}

function opensBlock(keyword: string, depth: number): boolean {
  return depth === 0 ? DEFINITIONS.has(keyword) : keyword === "index";
}

function isDefinitionName(tokens: readonly IToken[], i: number): boolean {
  const previous = tokens[i - 1];
  return previous !== undefined && DEFINITIONS.has(previous.image) && isKeywordToken(previous.tokenType);
}

function endOf(token: IToken): number {
  return token.startOffset + token.image.length;
}
