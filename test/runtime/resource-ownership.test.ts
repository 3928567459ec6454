import { describe, expect, it } from "vitest";
import type { AuthorizationRequest, RequestResource } from "../../src/table/request.js";
import { policyOf } from "../helpers/policy.js";

const ASYNC_GET = "cluster:admin/opendistro/asynchronous_search/get";
const ASYNC_DELETE = "cluster:admin/opendistro/asynchronous_search/delete";
const DETECTOR_GET = "cluster:admin/opendistro/ad/detectors/get";
const DETECTOR_WRITE = "cluster:admin/opendistro/ad/detector/write";
const FORECASTER_GET = "cluster:admin/plugin/forecast/forecasters/get";

/** The seed's users: judy and elon with full asynchronous search access; alice and bob with anomaly detection and forecasting. */
function ownersPolicy(settings = "{}\n") {
  return policyOf({
    "roles.yml": `
asynchronous_search_full_access:
  cluster_permissions: ["cluster:admin/opendistro/asynchronous_search/*"]
anomaly_full_access:
  cluster_permissions: ["cluster:admin/opendistro/ad/*"]
forecast_full_access:
  cluster_permissions: ["cluster:admin/plugin/forecast/*"]
viewer:
  cluster_permissions: ["cluster:monitor/*"]
`,
    "roles_mapping.yml": `
asynchronous_search_full_access:
  users: ["judy", "elon", "root"]
anomaly_full_access:
  users: ["alice", "bob", "root", "carl"]
forecast_full_access:
  users: ["alice", "bob"]
all_access:
  users: ["root"]
viewer:
  users: ["vic"]
`,
    "opensearch.yml": settings,
  });
}

const AD_FILTER = "plugins.anomaly_detection.filter_by_backend_roles: true\n";
const judy = { name: "judy", backend_roles: ["IT"] };
const elon = { name: "elon", backend_roles: ["admin"] };

function ask(settings: string, user: AuthorizationRequest["user"], action: string, resource: RequestResource | Record<string, unknown>) {
  return ownersPolicy(settings).authorize({ user, action, resource });
}

describe("asynchronous search ownership", () => {
  const judysSearch = { type: "async_search", id: "FjdITFhYbmpR", owner: { name: "judy", backend_roles: ["IT"] } } as const;

  it("hides judy's search from elon, who lacks judy's backend role", () => {
    expect(ask("{}\n", elon, ASYNC_GET, judysSearch)).toEqual({
      decision: "deny",
      roles: ["asynchronous_search_full_access"],
      reason: "User doesn't have necessary roles to access the asynchronous search with id FjdITFhYbmpR",
      missing: [],
    });
  });

  it("shows elon's search to a judy whose backend roles include all of elon's", () => {
    const elonsSearch = { type: "async_search", id: "e1", owner: { name: "elon", backend_roles: ["admin"] } } as const;
    expect(ask("{}\n", { name: "judy", backend_roles: ["IT", "admin", "hr", "ops", "dev"] }, ASYNC_DELETE, elonsSearch).decision).toBe("allow");
    expect(ask("{}\n", judy, ASYNC_DELETE, { ...elonsSearch, owner: { name: "elon", backend_roles: ["admin", "hr"] } }).decision).toBe("deny");
  });

  it("shows a search whose owner has no backend roles, empty or missing, to everyone", () => {
    expect(ask("{}\n", { name: "elon" }, ASYNC_GET, { type: "async_search", owner: { name: "x", backend_roles: [] } }).decision).toBe("allow");
    expect(ask("{}\n", { name: "elon" }, ASYNC_GET, { type: "async_search", owner: { name: "x" } }).decision).toBe("allow");
  });

  it("hides a search whose owner has backend roles from a requester with none, empty or missing", () => {
    expect(ask("{}\n", { name: "elon" }, ASYNC_GET, judysSearch).decision).toBe("deny");
    expect(ask("{}\n", { name: "elon", backend_roles: [] }, ASYNC_GET, judysSearch).decision).toBe("deny");
  });

  it("lets all_access no further than anyone else", () => {
    expect(ask("{}\n", { name: "root", backend_roles: ["ops"] }, ASYNC_GET, judysSearch).decision).toBe("deny");
  });

  it("lets through a search stored without a user", () => {
    expect(ask("{}\n", elon, ASYNC_GET, { type: "async_search", id: "s" }).decision).toBe("allow");
  });

  it("checks get and delete only, not submit or stats", () => {
    expect(ask("{}\n", elon, "cluster:admin/opendistro/asynchronous_search/submit", judysSearch).decision).toBe("allow");
    expect(ask("{}\n", elon, "cluster:admin/opendistro/asynchronous_search/stats", judysSearch).decision).toBe("allow");
  });

  it("leaves out the id the request does not give", () => {
    const { id: _id, ...anonymous } = judysSearch;
    expect(ask("{}\n", elon, ASYNC_GET, anonymous).reason).toBe("User doesn't have necessary roles to access the asynchronous search");
  });

  it("comes after the security plugin, whose denial wins", () => {
    expect(ask("{}\n", { name: "vic", backend_roles: ["IT"] }, ASYNC_GET, judysSearch).reason).toMatch(/^no permissions for \[cluster:admin\/opendistro\/asynchronous_search\/get\]/);
  });
});

describe("anomaly detection ownership", () => {
  const alicesDetector = { type: "anomaly_detector", id: "d1", owner: { name: "alice", backend_roles: ["analyst"] } } as const;

  it("is not checked while the filter is off", () => {
    expect(ask("{}\n", { name: "bob", backend_roles: ["human-resources"] }, DETECTOR_GET, alicesDetector).decision).toBe("allow");
  });

  it("hides alice's detector from bob, who shares no backend role with her", () => {
    expect(ask(AD_FILTER, { name: "bob", backend_roles: ["human-resources"] }, DETECTOR_GET, alicesDetector)).toEqual({
      decision: "deny",
      roles: ["anomaly_full_access", "forecast_full_access"],
      reason: "User does not have permissions to access config: d1",
      missing: [],
    });
  });

  it("shows a detector to a requester sharing one backend role with the owner", () => {
    expect(ask(AD_FILTER, { name: "bob", backend_roles: ["hr", "analyst"] }, "cluster:admin/opendistro/ad/detector/delete", alicesDetector).decision).toBe("allow");
    expect(ask(AD_FILTER, { name: "bob", backend_roles: ["hr", "analyst"] }, "cluster:admin/opendistro/ad/detector/jobmanagement", alicesDetector).decision).toBe("allow");
  });

  it("shows a detector to a requester mapped to all_access", () => {
    expect(ask(AD_FILTER, { name: "root", backend_roles: ["ops"] }, DETECTOR_GET, alicesDetector).decision).toBe("allow");
  });

  it("matches nothing when either side has no backend roles, empty or missing", () => {
    expect(ask(AD_FILTER, { name: "bob" }, DETECTOR_GET, alicesDetector).decision).toBe("deny");
    expect(ask(AD_FILTER, { name: "bob", backend_roles: [] }, DETECTOR_GET, alicesDetector).decision).toBe("deny");
    expect(ask(AD_FILTER, { name: "bob", backend_roles: ["hr"] }, DETECTOR_GET, { ...alicesDetector, owner: { name: "alice", backend_roles: [] } }).decision).toBe("deny");
    expect(ask(AD_FILTER, { name: "bob", backend_roles: ["hr"] }, DETECTOR_GET, { ...alicesDetector, owner: { name: "alice" } }).decision).toBe("deny");
  });

  it("refuses everyone a detector stored without a user, all_access included", () => {
    expect(ask(AD_FILTER, { name: "root", backend_roles: ["ops"] }, DETECTOR_GET, { type: "anomaly_detector", id: "d2" }).reason).toBe(
      "Unable to get user information from config d2",
    );
  });

  it("lets a requester with a backend role create a detector", () => {
    expect(ask(AD_FILTER, { name: "carl", backend_roles: ["ops"] }, DETECTOR_WRITE, { type: "anomaly_detector" }).decision).toBe("allow");
  });

  it("refuses to create or update a detector for a requester without backend roles, all_access included", () => {
    expect(ask(AD_FILTER, { name: "carl" }, DETECTOR_WRITE, { type: "anomaly_detector" }).reason).toBe(
      "Filter by backend roles is enabled and User carl does not have backend roles configured",
    );
    expect(ask(AD_FILTER, { name: "root" }, DETECTOR_WRITE, alicesDetector).reason).toBe(
      "Filter by backend roles is enabled and User root does not have backend roles configured",
    );
  });

  it("updates a detector only for a requester sharing a backend role with its owner", () => {
    expect(ask(AD_FILTER, { name: "carl", backend_roles: ["ops"] }, DETECTOR_WRITE, alicesDetector).reason).toBe("User does not have permissions to access config: d1");
    expect(ask(AD_FILTER, { name: "carl", backend_roles: ["analyst"] }, DETECTOR_WRITE, alicesDetector).decision).toBe("allow");
  });

  it("does not consult searches, which the plugin filters instead", () => {
    expect(ask(AD_FILTER, { name: "bob" }, "cluster:admin/opendistro/ad/detector/search", alicesDetector).decision).toBe("allow");
  });

  it("reads the legacy setting name", () => {
    expect(ask("opendistro.anomaly_detection.filter_by_backend_roles: true\n", { name: "bob" }, DETECTOR_GET, alicesDetector).decision).toBe("deny");
  });
});

describe("forecasting ownership", () => {
  const alicesForecaster = { type: "forecaster", id: "f1", owner: { name: "alice", backend_roles: ["analyst"] } } as const;

  it("follows plugins.forecast.filter_by_backend_roles, not the anomaly detection setting", () => {
    expect(ask(AD_FILTER, { name: "bob", backend_roles: ["hr"] }, FORECASTER_GET, alicesForecaster).decision).toBe("allow");
    expect(ask("plugins.forecast.filter_by_backend_roles: true\n", { name: "bob", backend_roles: ["hr"] }, FORECASTER_GET, alicesForecaster).reason).toBe(
      "User does not have permissions to access config: f1",
    );
  });

  it("refuses to create a forecaster for a requester without backend roles", () => {
    const decision = ask("plugins.forecast.filter_by_backend_roles: true\n", { name: "bob" }, "cluster:admin/plugin/forecast/forecaster/write", { type: "forecaster" });
    expect(decision.reason).toBe("Filter by backend roles is enabled and User bob does not have backend roles configured");
  });
});

describe("malformed resources", () => {
  const cases: [unknown, string][] = [
    ["detector", "`resource` must be an object with a `type`"],
    [{ type: "monitor" }, "`resource.type` must be `async_search`, `anomaly_detector` or `forecaster`"],
    [{ type: "async_search", id: 7 }, "`resource.id` must be a string"],
    [{ type: "async_search", owner: { backend_roles: [] } }, "`resource.owner.name` must be a string"],
    [{ type: "async_search", owner: { name: "judy", backend_roles: ["IT", 1] } }, "`resource.owner.backend_roles` must be a list of strings"],
  ];
  it.each(cases)("are refused with the reason: %j", (resource, error) => {
    expect(ownersPolicy().authorize({ user: judy, action: ASYNC_GET, resource })).toEqual({ decision: "deny", roles: [], missing: [], error });
  });

  it("keep only the known fields of a resource", () => {
    const resource = JSON.parse(`{"type": "async_search", "__proto__": {"owner": {"name": "x", "backend_roles": ["z"]}}, "extra": 1}`) as unknown;
    expect(ownersPolicy().authorize({ user: judy, action: ASYNC_GET, resource }).decision).toBe("allow");
  });
});
