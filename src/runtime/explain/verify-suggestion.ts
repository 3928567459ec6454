/**
 * Checks a suggested change the only way that proves it: the changed table
 * is loaded as a policy of its own and decides the same request (or, for a
 * change that fixes part of a request, the request cut down to that part),
 * which must then be allowed.
 */
import type { DecisionTable } from "../../table/types.js";
import { authorize } from "../evaluate.js";
import { TablePolicy } from "../table-policy.js";
import { verifyApplyChange, verifyProjectTable, type VerifyChange } from "./verify-table-draft.js";

/** Decides requests of one user on changed copies of a table. */
export class SuggestionVerifier {
  private readonly base: DecisionTable;
  /** How many changes were checked: each loads a (small) table. */
  checked = 0;

  /** `roles`: the user's role names, which decide for the user; `input`: the denied request. */
  constructor(
    private readonly table: DecisionTable,
    private readonly input: Readonly<Record<string, unknown>>,
    roles: readonly string[],
  ) {
    const projected = verifyProjectTable(table, new Set(roles));
    // The cut-down table must deny as the whole one does; should it not, the whole table is used.
    this.base = verifyDecision(projected, input) === "deny" ? projected : verifyProjectTable(table, undefined);
  }

  /** Whether the request (or the part naming only `indices`) is allowed once the change is made. */
  allows(change: VerifyChange, indices: readonly string[] | undefined): boolean {
    this.checked++;
    const request = indices === undefined ? this.input : { ...this.input, indices: [...indices] };
    return verifyDecision(verifyApplyChange(this.base, change, this.table), request) === "allow";
  }
}

function verifyDecision(table: DecisionTable, request: unknown): "allow" | "deny" {
  return authorize(new TablePolicy(table, { cacheSize: 0 }), request).decision;
}
