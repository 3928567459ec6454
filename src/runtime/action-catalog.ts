/**
 * What each action name of a request means for the policy: its class (see
 * `action-lookup.ts`) and the plugin's fixed rules about the name, computed
 * once per distinct name. The names the policy spells out stay known for
 * good; other names are classified on first sight and kept in a bounded
 * cache, so a request costs one `Map` lookup for its action.
 */
import { evaluatedActionName, isClusterAction, isSystemIndexProtectedAction, isUncheckedAction, needsTenantWrite } from "../rules/actions.js";
import { restApiTarget, type RestApiTarget } from "../rules/rest-api.js";
import { ActionPatternIndex, actionClassKey, type ActionLookup } from "./action-lookup.js";
import { BoundedCache } from "./bounded-cache.js";
import type { ClassGrants } from "./class-grants.js";
import { denialText } from "./deny-message.js";

/** Action names that match the same action patterns and are of the same kind. */
export interface ActionClass {
  readonly cluster: boolean;
  /** The ids of the matching action patterns, sorted. */
  readonly patterns: readonly number[];
  /** Per action pattern id, 1 when it is in `patterns`; built on first use. */
  member: Uint8Array | undefined;
  /** What the policy's units and roles grant for the class, while `PolicyGrants` keeps it. */
  grants: ClassGrants | undefined;
}

/** One action name of a request, with everything the evaluation asks about it. */
export interface ActionInfo {
  /** The name the plugin evaluates (after renames such as `auto_create` → `create`). */
  readonly name: string;
  /** Whether the requested name passes without any privilege check. */
  readonly unchecked: boolean;
  /** For a `restapi:admin/…` name: the REST API endpoint it names, decided by the REST layer instead. */
  readonly restApi: RestApiTarget | undefined;
  readonly cls: ActionClass;
  readonly cluster: boolean;
  readonly topLevelBulk: boolean;
  readonly systemIndexProtected: boolean;
  /** Whether the system index permission checks apply (backwartsCompatGateForSystemIndexPrivileges). */
  readonly passesSystemIndexGate: boolean;
  /** Whether a request to the Dashboards index needs read-write tenant access. */
  readonly tenantWrite: boolean;
  /** `[name]`, frozen: what a denial names as missing. */
  readonly missing: readonly string[];
  /** `no permissions for [name] and `: the denial text up to the user. */
  readonly denialPrefix: string;
  /** Whether the cache holds it under a request's string (see `ActionCatalog.rekey`). */
  keyedByRequest: boolean;
}

const TOP_LEVEL_BULK = "indices:data/write/bulk";
const POINT_IN_TIME_READ_ALL = "indices:data/read/point_in_time/readall";
const SNAPSHOT_RESTORE = "cluster:admin/snapshot/restore";

/** The meanings of action names: known names for good, others in a bounded cache. */
export class ActionCatalog {
  private readonly patterns: ActionPatternIndex;
  private readonly knownClasses = new Map<string, ActionClass>();
  private readonly newClasses: BoundedCache<string, ActionClass>;
  /** Known names for good, then names seen at run time; `seenOrder` says which to drop first. */
  private readonly infos = new Map<string, ActionInfo>();
  private readonly seenOrder: string[] = [];
  private seenNext = 0;

  constructor(
    lookup: ActionLookup,
    actionPatterns: readonly string[],
    private readonly capacity: number,
  ) {
    this.patterns = new ActionPatternIndex(lookup, actionPatterns);
    const classes = lookup.classCluster.map((cluster, id) => {
      const patterns = lookup.classPatterns.slice(lookup.classStart[id], lookup.classStart[id + 1]);
      const cls: ActionClass = { cluster: cluster === 1, patterns, member: undefined, grants: undefined };
      this.knownClasses.set(actionClassKey(cls.cluster, cls.patterns), cls);
      return cls;
    });
    this.newClasses = new BoundedCache(capacity);
    lookup.knownNames.forEach((name, i) => {
      const evaluated = evaluatedActionName(name);
      this.infos.set(name, actionInfoOf(name, evaluated, evaluated === name ? classes[lookup.knownClasses[i]!]! : this.classify(evaluated)));
    });
  }

  /** The meaning of a requested action name. */
  info(requested: string): ActionInfo {
    const known = this.infos.get(requested);
    if (known !== undefined) {
      if (!known.keyedByRequest) this.rekey(requested, known);
      return known;
    }
    const evaluated = evaluatedActionName(requested);
    const info = actionInfoOf(requested, evaluated, this.classify(evaluated));
    info.keyedByRequest = true;
    this.rememberSeen(requested, info);
    return info;
  }

  /**
   * Keys a known name by the string object of the first request that used
   * it: a caller that reuses its action strings then finds them by identity,
   * without comparing text against the table's own copy of the name.
   */
  private rekey(requested: string, info: ActionInfo): void {
    this.infos.delete(requested);
    this.infos.set(requested, info);
    info.keyedByRequest = true;
  }

  /** The class of an evaluated name, through the action-pattern trie. */
  private classify(name: string): ActionClass {
    const cluster = isClusterAction(name);
    const patterns = this.patterns.matching(name);
    const key = actionClassKey(cluster, patterns);
    const cls = this.knownClasses.get(key) ?? this.newClasses.get(key);
    if (cls !== undefined) return cls;
    const created: ActionClass = { cluster, patterns, member: undefined, grants: undefined };
    this.newClasses.set(key, created);
    return created;
  }

  private rememberSeen(name: string, info: ActionInfo): void {
    if (this.capacity === 0) return;
    if (this.seenOrder.length < this.capacity) this.seenOrder.push(name);
    else {
      this.infos.delete(this.seenOrder[this.seenNext]!);
      this.seenOrder[this.seenNext] = name;
      this.seenNext = (this.seenNext + 1) % this.capacity;
    }
    this.infos.set(name, info);
  }

  /** How many names seen at run time are cached (for tests of the bound). */
  get seenCount(): number {
    return this.seenOrder.length;
  }
}

function actionInfoOf(requested: string, name: string, cls: ActionClass): ActionInfo {
  return {
    name,
    unchecked: isUncheckedAction(requested),
    restApi: restApiTarget(requested),
    cls,
    cluster: cls.cluster,
    topLevelBulk: name === TOP_LEVEL_BULK,
    systemIndexProtected: isSystemIndexProtectedAction(name),
    passesSystemIndexGate: cls.cluster ? name === SNAPSHOT_RESTORE : name !== POINT_IN_TIME_READ_ALL,
    tenantWrite: needsTenantWrite(name),
    missing: Object.freeze([name]),
    denialPrefix: denialText([name], ""),
    keyedByRequest: false,
  };
}

/** The class's membership array over the action patterns, built once. */
export function classMembers(cls: ActionClass, patternCount: number): Uint8Array {
  if (cls.member === undefined) {
    const member = new Uint8Array(patternCount);
    for (const id of cls.patterns) member[id] = 1;
    cls.member = member;
  }
  return cls.member;
}
