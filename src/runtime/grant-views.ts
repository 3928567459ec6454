/**
 * Grant views: what one role set is granted for one action class, kept in a
 * bounded cache so that a repeated (role set, class) pair reads one small
 * object: for a cluster class whether a role grants it, for an index class
 * the units (see `index-lookup.ts`) whose entries grant it, each with the
 * mask of those entries. Building a view reads the class's grant arrays
 * (`class-grants.ts`), so a new pair costs about one uncached check.
 */
import type { ActionClass } from "./action-catalog.js";
import { UNIT_RECORD_SIZE, type PolicyGrants } from "./class-grants.js";
import type { RoleSet } from "./role-sets.js";

/** What one role set is granted for one action class. */
export interface GrantView {
  /** For a cluster class: whether one of the roles grants it. */
  readonly cluster: boolean;
  /** Pairs (unit record position, entry mask) of the units whose masked entries grant the (index) class. */
  readonly units: Int32Array;
}

const NO_UNITS = new Int32Array(0);

/** What the roles grant for the class, worked out from the class's grant arrays. */
export function grantViewOf(grants: PolicyGrants, roleSet: RoleSet, cls: ActionClass): GrantView {
  if (cls.cluster) return { cluster: grants.clusterGranted(roleSet.roleIds, cls), units: NO_UNITS };
  const classGrants = grants.grantsOf(cls);
  const units: number[] = [];
  for (const role of roleSet.roleIds) {
    for (let unit = grants.roleUnitStart[role]!; unit < grants.roleUnitStart[role + 1]!; unit++) {
      const mask = grants.unitMask(unit, cls, classGrants);
      if (mask !== 0) units.push(unit * UNIT_RECORD_SIZE, mask);
    }
  }
  return { cluster: false, units: units.length === 0 ? NO_UNITS : Int32Array.from(units) };
}

/**
 * The grant views of all role sets, at most `capacity` in all: each lives in
 * its role set's map, and a ring of (role set, class) says which to drop
 * first.
 */
export class GrantViewCache {
  private readonly owners: RoleSet[] = [];
  private readonly classes: ActionClass[] = [];
  private next = 0;

  constructor(
    private readonly grants: PolicyGrants,
    private readonly capacity: number,
  ) {}

  get(roleSet: RoleSet, cls: ActionClass): GrantView {
    const known = roleSet.views.get(cls);
    if (known !== undefined) return known;
    const view = grantViewOf(this.grants, roleSet, cls);
    this.remember(roleSet, cls, view);
    return view;
  }

  private remember(roleSet: RoleSet, cls: ActionClass, view: GrantView): void {
    if (this.capacity === 0) return;
    if (this.owners.length < this.capacity) {
      this.owners.push(roleSet);
      this.classes.push(cls);
    } else {
      this.owners[this.next]!.views.delete(this.classes[this.next]!);
      this.owners[this.next] = roleSet;
      this.classes[this.next] = cls;
      this.next = (this.next + 1) % this.capacity;
    }
    roleSet.views.set(cls, view);
  }

  /** How many views are cached (for tests of the bound). */
  get size(): number {
    return this.owners.length;
  }
}
