/**
 * The `.policy` grammar as a Chevrotain CstParser (grammar/README.md,
 * "Implementation", says why a CST). The grammar is deliberately generic:
 * every block takes every clause and every definition every flag, so that a
 * clause in the wrong place gets a message that says where it belongs
 * (to-model-placement.ts) instead of a bare syntax error.
 */
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import { ErrorBudget, TooManySyntaxErrors } from "./error-budget.js";
import { POLICY_PARSER_MESSAGES } from "./messages.js";
import { tokensInsideBraces } from "./nesting.js";
import { ALL_TOKENS, Comma, Equals, KEYWORD, LCurly, LSquare, Name, RCurly, RSquare } from "./tokens.js";

const ERROR_BUDGET = new ErrorBudget(POLICY_PARSER_MESSAGES);

class PolicyParser extends CstParser {
  /** Tokens between `{` and `}`: not places where a definition can start, even while recovering. */
  private nestedTokens: ReadonlySet<IToken> = new Set();
  /** Where the next definition starts when the previous one ended normally (or after recovery). */
  private nextDefinitionStart: IToken | undefined;

  constructor() {
    super([...ALL_TOKENS], { recoveryEnabled: true, nodeLocationTracking: "full", errorMessageProvider: ERROR_BUDGET });
    this.performSelfAnalysis();
  }

  /**
   * Parses a file's tokens; the CST holds whatever could be recovered. The
   * parser gives up (`exhausted`, no CST, the errors found until then) after
   * MAX_SYNTAX_ERRORS errors, or if recovery, which resyncs recursively,
   * runs out of stack first.
   */
  parseTokens(tokens: IToken[]): { cst?: CstNode; errors: IRecognitionException[]; exhausted: boolean } {
    this.nestedTokens = tokensInsideBraces(tokens);
    this.nextDefinitionStart = tokens[0];
    this.input = tokens;
    ERROR_BUDGET.reset();
    try {
      return { cst: this.policyFile(), errors: this.errors, exhausted: false };
    } catch (error) {
      if (!(error instanceof TooManySyntaxErrors || error instanceof RangeError)) throw error;
      return { errors: this.errors, exhausted: true };
    }
  }

  /**
   * After an unknown word at the top level, recovery skips tokens until a
   * definition could start. `tenant` also starts a clause and any keyword can
   * be a name, so only a keyword outside braces counts: `rol x { tenant t
   * allow a }` is then one error, not three.
   */
  private canStartDefinition(): boolean {
    const next = this.LA(1);
    return next === this.nextDefinitionStart || !this.nestedTokens.has(next);
  }

  readonly policyFile = this.RULE("policyFile", () => {
    this.MANY({
      GATE: () => this.canStartDefinition(),
      DEF: () => {
        this.SUBRULE(this.definition);
        this.ACTION(() => {
          this.nextDefinitionStart = this.LA(1);
        });
      },
    });
  });

  readonly definition = this.RULE("definition", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.importDefinition) },
      { ALT: () => this.SUBRULE(this.settingsDefinition) },
      { ALT: () => this.SUBRULE(this.actionGroupDefinition) },
      { ALT: () => this.SUBRULE(this.roleDefinition) },
      { ALT: () => this.SUBRULE(this.mappingDefinition) },
      { ALT: () => this.SUBRULE(this.userDefinition) },
      { ALT: () => this.SUBRULE(this.tenantDefinition) },
    ]);
  });

  readonly importDefinition = this.RULE("importDefinition", () => {
    this.CONSUME(KEYWORD.import);
    this.CONSUME(Name);
  });

  readonly settingsDefinition = this.RULE("settingsDefinition", () => {
    this.CONSUME(KEYWORD.settings);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.setting));
    this.CONSUME(RCurly);
  });

  readonly setting = this.RULE("setting", () => {
    this.CONSUME(Name);
    this.CONSUME(Equals);
    this.SUBRULE(this.settingValue);
  });

  readonly settingValue = this.RULE("settingValue", () => {
    this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.SUBRULE(this.settingList) }]);
  });

  readonly settingList = this.RULE("settingList", () => {
    this.CONSUME(LSquare);
    this.OPTION(() => this.SUBRULE(this.valueList));
    this.CONSUME(RSquare);
  });

  readonly actionGroupDefinition = this.RULE("actionGroupDefinition", () => {
    this.CONSUME(KEYWORD.action_group);
    this.CONSUME(Name);
    this.MANY(() => this.SUBRULE(this.flag));
    this.OR([{ ALT: () => this.SUBRULE(this.allowClause) }, { ALT: () => this.SUBRULE(this.block) }]);
  });

  readonly roleDefinition = this.RULE("roleDefinition", () => {
    this.CONSUME(KEYWORD.role);
    this.CONSUME(Name);
    this.MANY(() => this.SUBRULE(this.flag));
    this.SUBRULE(this.block);
  });

  readonly mappingDefinition = this.RULE("mappingDefinition", () => {
    this.CONSUME(KEYWORD.mapping);
    this.CONSUME(Name);
    this.MANY(() => this.SUBRULE(this.flag));
    this.SUBRULE(this.block);
  });

  readonly userDefinition = this.RULE("userDefinition", () => {
    this.CONSUME(KEYWORD.user);
    this.CONSUME(Name);
    this.MANY(() => this.SUBRULE(this.flag));
    this.OPTION(() => this.SUBRULE(this.block));
  });

  readonly tenantDefinition = this.RULE("tenantDefinition", () => {
    this.CONSUME(KEYWORD.tenant);
    this.CONSUME(Name);
    this.MANY(() => this.SUBRULE(this.flag));
    this.OPTION(() => this.SUBRULE(this.block));
  });

  readonly flag = this.RULE("flag", () => {
    this.OR([
      { ALT: () => this.CONSUME(KEYWORD.reserved) },
      { ALT: () => this.CONSUME(KEYWORD.hidden) },
      { ALT: () => this.CONSUME(KEYWORD.static) },
    ]);
  });

  readonly block = this.RULE("block", () => {
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.clause));
    this.CONSUME(RCurly);
  });

  readonly clause = this.RULE("clause", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.listClause) },
      { ALT: () => this.SUBRULE(this.textClause) },
      { ALT: () => this.SUBRULE(this.indexClause) },
      { ALT: () => this.SUBRULE(this.tenantClause) },
      { ALT: () => this.SUBRULE(this.attributesClause) },
    ]);
  });

  readonly listClause = this.RULE("listClause", () => {
    const keyword = { LABEL: "keyword" };
    this.OR([
      { ALT: () => this.CONSUME(KEYWORD.allow, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.cluster, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.fls, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.mask, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.users, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.backend_roles, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.and_backend_roles, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.hosts, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.roles, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.mapped_to, keyword) },
    ]);
    this.SUBRULE(this.valueList);
  });

  readonly textClause = this.RULE("textClause", () => {
    const keyword = { LABEL: "keyword" };
    this.OR([
      { ALT: () => this.CONSUME(KEYWORD.description, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.type, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.hash, keyword) },
      { ALT: () => this.CONSUME(KEYWORD.dls, keyword) },
    ]);
    this.CONSUME(Name);
  });

  readonly indexClause = this.RULE("indexClause", () => {
    this.CONSUME(KEYWORD.index);
    this.SUBRULE(this.valueList);
    this.OPTION(() => this.SUBRULE(this.allowClause));
    this.OPTION2(() => this.SUBRULE(this.block));
  });

  readonly tenantClause = this.RULE("tenantClause", () => {
    this.CONSUME(KEYWORD.tenant);
    this.SUBRULE(this.valueList);
    this.SUBRULE(this.allowClause);
  });

  readonly allowClause = this.RULE("allowClause", () => {
    this.CONSUME(KEYWORD.allow);
    this.SUBRULE(this.valueList);
  });

  readonly attributesClause = this.RULE("attributesClause", () => {
    this.CONSUME(KEYWORD.attributes);
    this.SUBRULE(this.attribute);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.attribute);
    });
  });

  readonly attribute = this.RULE("attribute", () => {
    this.CONSUME(Name, { LABEL: "name" });
    this.CONSUME(Equals);
    this.CONSUME2(Name, { LABEL: "value" });
  });

  readonly valueList = this.RULE("valueList", () => {
    this.CONSUME(Name);
    this.MANY(() => {
      this.CONSUME(Comma);
      this.CONSUME2(Name);
    });
  });
}

/** The one parser instance: building it analyses the grammar, which is done once. */
export const POLICY_PARSER = new PolicyParser();
