/**
 * Resource ownership: after the security plugin allowed an action, the
 * plugin that owns the resource checks the requester against the resource's
 * creator, as recorded with the resource (name and backend roles).
 *
 * - Asynchronous search (asynchronous-search: UserAuthUtils.isUserValid,
 *   AsynchronousSearchService.findContext/freeContext): on get and delete,
 *   the requester's backend roles must contain all of the owner's; an owner
 *   without backend roles, or a search stored without a user, is open to
 *   all. No role bypasses it, `all_access` included. Submit and stats are
 *   not checked.
 * - Anomaly detection and forecasting (anomaly-detection: ParseUtils
 *   resolveUserAndExecute/onGetConfigResponse/checkFilterByBackendRoles),
 *   only while their `filter_by_backend_roles` setting is on: the write
 *   action (create and update) first needs the requester to have a backend
 *   role; updating, reading, deleting and starting or stopping a config then
 *   need a backend role shared with the owner, or `all_access` among the
 *   requester's security roles. A config stored without a user fails the
 *   owner check for everyone.
 *
 * A resource on any other action is not consulted. Not modelled: the
 * resource-sharing feature that replaces these checks when enabled.
 */
import type { TableSettings } from "../table/types.js";
import type { NormalizedResource } from "./request.js";
import type { UserEntry } from "./user-directory.js";

const ASYNC_SEARCH_CHECKED: ReadonlySet<string> = new Set([
  "cluster:admin/opendistro/asynchronous_search/get",
  "cluster:admin/opendistro/asynchronous_search/delete",
]);

/** How the time-series plugins check an action on one of their configs. */
type ConfigCheck = "write" | "access";

const DETECTOR_CHECKS: ReadonlyMap<string, ConfigCheck> = new Map([
  ["cluster:admin/opendistro/ad/detector/write", "write"],
  ["cluster:admin/opendistro/ad/detectors/get", "access"],
  ["cluster:admin/opendistro/ad/detector/delete", "access"],
  ["cluster:admin/opendistro/ad/detector/jobmanagement", "access"],
]);

const FORECASTER_CHECKS: ReadonlyMap<string, ConfigCheck> = new Map([
  ["cluster:admin/plugin/forecast/forecaster/write", "write"],
  ["cluster:admin/plugin/forecast/forecasters/get", "access"],
  ["cluster:admin/plugin/forecast/forecaster/delete", "access"],
  ["cluster:admin/plugin/forecast/forecaster/jobmanagement", "access"],
]);

/** The owning plugin's refusal of an action on the resource, or undefined when it lets it through. */
export function ownershipRefusal(settings: TableSettings, action: string, resource: NormalizedResource, user: UserEntry): string | undefined {
  switch (resource.type) {
    case "async_search":
      return ASYNC_SEARCH_CHECKED.has(action) ? asyncSearchRefusal(resource, user) : undefined;
    case "anomaly_detector":
      return settings.anomalyDetectionFilterByBackendRoles ? configRefusal(DETECTOR_CHECKS.get(action), resource, user) : undefined;
    case "forecaster":
      return settings.forecastFilterByBackendRoles ? configRefusal(FORECASTER_CHECKS.get(action), resource, user) : undefined;
  }
}

function asyncSearchRefusal(resource: NormalizedResource, user: UserEntry): string | undefined {
  const owner = resource.owner;
  if (owner === undefined || owner.backendRoles.every((role) => user.backendRoles.includes(role))) return undefined;
  return withId("User doesn't have necessary roles to access the asynchronous search", " with id ", resource.id);
}

function configRefusal(check: ConfigCheck | undefined, resource: NormalizedResource, user: UserEntry): string | undefined {
  if (check === undefined) return undefined;
  if (check === "write" && user.backendRoles.length === 0) {
    return `Filter by backend roles is enabled and User ${user.name} does not have backend roles configured`;
  }
  const owner = resource.owner;
  // Creating a config: no owner to compare with.
  if (check === "write" && owner === undefined) return undefined;
  if (owner === undefined) return withId("Unable to get user information from config", " ", resource.id);
  if (owner.backendRoles.some((role) => user.backendRoles.includes(role)) || user.roleSet.names.includes("all_access")) return undefined;
  return withId("User does not have permissions to access config", ": ", resource.id);
}

/** The plugin's message, which ends with the resource's id; without one, the text before it. */
function withId(text: string, separator: string, id: string | undefined): string {
  return id === undefined ? text : text + separator + id;
}
